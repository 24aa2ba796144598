import { describe, expect, it } from 'vitest';
import {
  assessIndicator, isFinalAssessment, statusLabelEn, statusLabelZh, summarizePlan, summarySentenceEn, summarySentenceZh,
  STATUS_LABELS_EN, STATUS_LABELS_ZH, type Assessment, type Observation, type Status,
} from '@/lib/progress';
import { obs, planOf, SEED } from './fixtures';

// Hand-chosen 2023 data for 表1 (k = 3, e = 0.6; growthRate R = mean/r), worked out row by row:
const DATA_2023: Record<number, Observation[]> = {
  1: obs({ 2021: 25, 2022: 20, 2023: 20 }), // P = 1.8 ≥ 1.12^5 = 1.7623 → achieved
  2: obs({ 2021: 18, 2022: 18, 2023: 18 }), // R = 18/15 = 1.2 → ahead
  3: obs({ 2021: 10, 2022: 10, 2023: 10 }), // R = 1 → onTrack
  4: obs({ 2023: 45 }), // c = 1 → achieved
  5: obs({ 2023: 31 }), // c = 0.8, R = 1.33 → ahead
  6: obs({ 2023: 310 }), // R = 1.12 → ahead
  7: obs({ 2023: 1055 }), // c = 218/363, R = 1.0009 → onTrack
  8: obs({ 2023: 72 }), // c = 0.6, R = 1 → onTrack
  9: obs({ 2023: 36 }), // c = 21.82/35.82, R = 1.015 → onTrack
  10: obs({ 2023: 166 }), // c = 22/36, R = 1.019 → onTrack
  11: obs({ 2023: 9.5 }), // c = 1.09/2.59, R = 0.701 → lagging
  12: obs({ 2023: 38.5 }), // c = 0.375, R = 0.625 → lagging
  13: obs({ 2023: 5 }), // c = 3.45/8.45, R = 0.680 → lagging
  14: obs({ 2023: 8.5 }), // c = 0.5, R = 0.833 → lagging
  15: obs({ 2023: 11 }), // c = 0 → seriouslyLagging
  16: [], // noData
};

const items2023 = SEED.indicators.map((row) => ({
  category: row.category,
  assessment: assessIndicator(planOf(row.sequence), DATA_2023[row.sequence] ?? [], 2023),
}));

describe('summarizePlan on 表1 as of 2023', () => {
  const rollup = summarizePlan(items2023, 2023);

  it('counts every status, zeros included', () => {
    expect(rollup.total).toBe(16);
    expect(rollup.final).toBe(false);
    expect(rollup.byStatus).toEqual({ achieved: 2, ahead: 3, onTrack: 5, lagging: 4, seriouslyLagging: 1, notAchieved: 0, pendingFinal: 0, noData: 1, noTarget: 0 });
  });

  it('counts category × status, categories in plan order', () => {
    expect(Object.keys(rollup.byCategory)).toEqual(['创新投入', '创新能力', '创新产出', '创新转化', '创新生态']);
    expect(rollup.byCategory['创新投入']).toEqual({ achieved: 1, ahead: 1, onTrack: 1, lagging: 0, seriouslyLagging: 0, notAchieved: 0, pendingFinal: 0, noData: 0, noTarget: 0 });
    expect(rollup.byCategory['创新生态']).toMatchObject({ seriouslyLagging: 1, noData: 1 });
  });

  it('writes the issue’s sentence exactly', () => {
    expect(summarySentenceZh(rollup)).toBe('截至2023年，16项指标中，提前实现2项，快于序时进度3项，基本符合序时进度5项，滞后于序时进度4项，明显滞后1项，暂无数据1项。');
    expect(summarySentenceEn(rollup)).toBe(
      'As of 2023, of 16 indicators: 2 achieved early, 3 ahead of schedule, 5 on track, 4 lagging, 1 seriously lagging and 1 with no data.',
    );
  });
});

const fake = (status: Status, final = false): Assessment => ({
  asOfYear: 2025, latestYear: final ? 2025 : 2024, latestValue: 1, elapsedYears: final ? 5 : 4, expectedProgress: final ? 1 : 0.8,
  completion: null, progressRatio: null, averageAnnualChange: null, averageAnnualGrowthPct: null, requiredAnnualChange: null,
  projectedAtTarget: null, gapToTarget: null, status,
});

describe('final-year roll-up and labels', () => {
  const items = [
    ...Array.from({ length: 10 }, () => ({ category: 'A', assessment: fake('achieved', true) })),
    ...Array.from({ length: 5 }, () => ({ category: 'B', assessment: fake('notAchieved', true) })),
    { category: 'B', assessment: fake('noTarget') },
  ];

  it('achieved reads 已完成 when inferred final', () => {
    const r = summarizePlan(items, 2025);
    expect(r.final).toBe(true);
    expect(summarySentenceZh(r)).toBe('截至2025年，16项指标中，已完成10项，未完成5项，无目标值1项。');
    expect(summarySentenceEn(r)).toBe('As of 2025, of 16 indicators: 10 achieved, 5 not achieved and 1 without a target.');
  });

  it('targetYear option decides finality', () => {
    expect(summarizePlan(items, 2024, { targetYear: 2025 }).final).toBe(false);
    expect(summarizePlan([], 2025, { targetYear: 2025 }).final).toBe(true);
  });

  it('empty roll-up', () => {
    const r = summarizePlan([], 2023);
    expect(r.byStatus.noData).toBe(0);
    expect(summarySentenceZh(r)).toBe('截至2023年，暂无指标。');
    expect(summarySentenceEn(r)).toBe('As of 2023, there are no indicators.');
  });

  it('single status, singular English', () => {
    expect(summarySentenceEn(summarizePlan([{ category: 'A', assessment: fake('lagging') }], 2024))).toBe('As of 2024, of 1 indicator: 1 lagging.');
  });

  it('labels: 提前实现 vs 已完成', () => {
    expect(STATUS_LABELS_ZH.achieved).toBe('提前实现');
    expect(statusLabelZh('achieved', true)).toBe('已完成');
    expect(statusLabelZh('achieved', fake('achieved', true))).toBe('已完成');
    expect(statusLabelZh('achieved', fake('achieved'))).toBe('提前实现');
    expect(statusLabelZh('lagging', true)).toBe('滞后于序时进度');
    expect(STATUS_LABELS_EN.achieved).toBe('Achieved early');
    expect(statusLabelEn('achieved', true)).toBe('Achieved');
    expect(Object.values(STATUS_LABELS_ZH)).toEqual(['提前实现', '快于序时进度', '基本符合序时进度', '滞后于序时进度', '明显滞后', '未完成', '待终期评价', '暂无数据', '无目标值']);
    expect(Object.values(STATUS_LABELS_EN)).toEqual(['Achieved early', 'Ahead of schedule', 'On track', 'Lagging', 'Seriously lagging', 'Not achieved', 'Awaiting final evaluation', 'No data', 'No target']);
  });

  it('isFinalAssessment follows the latest observation reaching the target year', () => {
    const p = planOf(6);
    expect(isFinalAssessment(assessIndicator(p, obs({ 2025: 350 }), 2025))).toBe(true);
    expect(isFinalAssessment(assessIndicator(p, obs({ 2024: 350 }), 2025))).toBe(false);
    expect(isFinalAssessment(assessIndicator(p, [], 2025))).toBe(false);
  });
});
