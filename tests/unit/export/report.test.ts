import { describe, expect, it } from 'vitest';
import { buildReport } from '@/lib/export/report';
import { assessPlan } from '@/lib/views/plan-progress';
import { LUQUAN_2021_2025 } from '@/lib/plans/luquan-2021-2025';
import { LUQUAN_2021_2025_SAMPLE } from '@/lib/plans/luquan-2021-2025-sample';
import { assessIndicator, formatNumber, formatPercent, formatPlanFigure, statusLabelZh, toIndicatorPlan, toNumber } from '@/lib/progress';
import { sampleFigures, samplePlan } from './sample-plan';

const generatedAt = new Date('2026-03-01T08:30:00Z');
const plan = samplePlan();

function report(year: number, includeUnapproved = false) {
  return buildReport(plan, assessPlan(plan, sampleFigures(), year, { includeUnapproved }), { generatedAt });
}

/** The assessment straight from lib/progress, from the seed and the sample figures (not through assessPlan). */
function expectedAssessment(sequence: number, year: number, includeUnapproved = false) {
  const seed = LUQUAN_2021_2025.indicators.find((i) => i.sequence === sequence)!;
  const figures = LUQUAN_2021_2025_SAMPLE.filter((f) => f.sequence === sequence && (includeUnapproved || f.status === 'approved'));
  return assessIndicator(toIndicatorPlan(seed, 2020, 2025), figures.map((f) => ({ year: f.year, value: Number(f.value) })), year);
}

describe('buildReport', () => {
  it('titles the report with the plan name and year and names the file without quotation marks', () => {
    const r = report(2023);
    expect(r.title).toBe('鹿泉区科技创新“十四五”规划主要指标监测表（2023年）');
    expect(r.fileBaseName).toBe('鹿泉区科技创新十四五规划指标监测表_2023年');
  });

  it('has the columns of 表1 plus the year columns; 是否完成 only in the final evaluation', () => {
    expect(report(2023).columns.map((c) => c.label)).toEqual([
      '类别', '序号', '指标名称（单位）', '2020年基数', '2025年目标', '年均增长[累计]', '指标属性', '2023年实际值', '完成率', '序时进度', '状态',
    ]);
    expect(report(2025).columns.map((c) => c.label).slice(-2)).toEqual(['状态', '是否完成']);
  });

  it('keeps 表1 order and spans each category over its rows', () => {
    const r = report(2023);
    expect(r.rows.map((row) => row.sequence)).toEqual(LUQUAN_2021_2025.indicators.map((i) => i.sequence));
    const firsts = r.rows.filter((row) => row.categoryRowSpan > 0);
    expect(firsts.map((row) => row.category)).toEqual([...LUQUAN_2021_2025.categories]);
    for (const first of firsts) {
      expect(first.categoryRowSpan).toBe(LUQUAN_2021_2025.indicators.filter((i) => i.category === first.category).length);
    }
    expect(r.rows.reduce((sum, row) => sum + row.categoryRowSpan, 0)).toBe(16);
  });

  it.each([2021, 2023, 2025])('shows every cell of %i as lib/progress formats it', (year) => {
    const r = report(year);
    for (const row of r.rows) {
      const seed = LUQUAN_2021_2025.indicators.find((i) => i.sequence === row.sequence)!;
      const a = expectedAssessment(row.sequence, year);
      expect(row.cells.name.text).toBe(`${seed.name}（${seed.unit}）`);
      expect(row.cells.baseline.text).toBe(formatPlanFigure(toNumber(seed.baseline)));
      expect(row.cells.target.text).toBe(formatPlanFigure(toNumber(seed.target)));
      expect(row.cells.actual.value).toBe(a.latestValue);
      expect(row.cells.actual.text.startsWith(formatNumber(a.latestValue, seed.decimals))).toBe(true);
      expect(row.cells.completion.text).toBe(a.status === 'noData' ? '暂无数据' : formatPercent(a.completion));
      expect(row.cells.status.text).toBe(statusLabelZh(a.status, a));
      // 序时进度 is the time share of the period, with or without a figure
      expect(row.cells.expectedProgress.text).toBe(formatPercent(a.expectedProgress));
    }
  });

  it('shows a missing figure as "—", never 0, with 暂无数据 for completion and the true 序时进度 (row 16 has no data before 2024)', () => {
    const row16 = report(2023).rows.find((r) => r.sequence === 16)!;
    expect([row16.cells.actual.text, row16.cells.completion.text, row16.cells.expectedProgress.text]).toEqual(['—', '暂无数据', '60.0%']);
    expect(row16.cells.actual.value).toBeNull();
    expect(row16.cells.status.text).toBe('暂无数据');
  });

  it('marks an older figure with its year and an unapproved one as 未审核, each with a footnote', () => {
    const approved = report(2025);
    const row13 = approved.rows.find((r) => r.sequence === 13)!;
    const a13 = expectedAssessment(13, 2025);
    expect(a13.latestYear).toBe(2024);
    expect(row13.cells.actual.text).toBe(`${formatNumber(a13.latestValue, 2)}（2024年）`);
    expect(row13.cells.met.text).toBe('—');
    // no figure for the last year: the final evaluation is pending, not a 序时 status
    expect(row13.cells.status.text).toBe('待终期评价');
    expect(approved.notes.some((n) => n.includes('括注年份'))).toBe(true);
    // the sample's 2025 figures are preliminary: marked in the final evaluation, with a footnote
    const row6 = approved.rows.find((r) => r.sequence === 6)!;
    expect(row6.cells.actual.text).toMatch(/（初步）$/);
    expect(row6.preliminary).toBe(true);
    expect(approved.notes.some((n) => n.includes('标注“初步”'))).toBe(true);
    expect(report(2024).rows.some((r) => r.preliminary)).toBe(false);
    expect(approved.notes.some((n) => n.includes('未审核'))).toBe(false);
    expect(approved.dataStatus).toBe('数据状态：仅含已审核数据。');

    const withUnapproved = report(2025, true);
    const u13 = withUnapproved.rows.find((r) => r.sequence === 13)!;
    const b13 = expectedAssessment(13, 2025, true);
    expect(u13.cells.actual.text).toBe(`${formatNumber(b13.latestValue, 2)}（未审核，初步）`);
    expect(u13.unapproved).toBe(true);
    expect(withUnapproved.rows.filter((r) => r.unapproved).map((r) => r.sequence)).toEqual([13, 14]);
    expect(withUnapproved.notes.some((n) => n.includes('未审核'))).toBe(true);
    expect(withUnapproved.dataStatus).toBe('数据状态：含未审核数据。');
  });

  it('writes the bracket note with the plan’s number of years and the sample-data notice', () => {
    const r = report(2023);
    expect(r.notes[0]).toBe('注：[]括弧内数据为5年累计增长。');
    expect(r.sampleNotice).toContain('示例数据');
    expect(buildReport({ ...plan, hasSampleData: false }, assessPlan(plan, [], 2023), { generatedAt }).sampleNotice).toBeNull();
  });

  it('drafts the summary from the roll-up: counts, then the indicators ahead and lagging by name', () => {
    const progress = assessPlan(plan, sampleFigures(), 2023);
    const r = buildReport(plan, progress, { generatedAt });
    expect(r.summary.startsWith(progress.summaryZh)).toBe(true);
    const nameOf = (sequence: number) => `“${plan.indicators[sequence - 1]!.name}”`;
    for (const item of progress.indicators) {
      const listed = r.summary.includes(nameOf(item.indicator.sequence));
      // on-track indicators are not listed by name; all others are
      expect(listed).toBe(item.assessment.status !== 'onTrack');
    }
    expect(r.summary).toContain(`提前实现的有${nameOf(8)}、${nameOf(15)}`);
  });

  it('in the final evaluation lists the targets met and not met and answers 是否完成', () => {
    const progress = assessPlan(plan, sampleFigures(), 2025);
    const r = buildReport(plan, progress, { generatedAt });
    const met = progress.indicators.filter((i) => i.assessment.status === 'achieved').map((i) => `“${i.indicator.name}”`);
    const notMet = progress.indicators.filter((i) => i.assessment.status === 'notAchieved').map((i) => `“${i.indicator.name}”`);
    expect(met.length).toBeGreaterThan(0);
    expect(notMet.length).toBeGreaterThan(0);
    expect(r.summary).toContain(`已完成目标的有${met.join('、')}`);
    expect(r.summary).toContain(`未完成目标的有${notMet.join('、')}`);
    for (const row of r.rows) {
      const status = progress.indicators.find((i) => i.indicator.sequence === row.sequence)!.assessment.status;
      expect(row.cells.met.text).toBe(status === 'achieved' ? '是' : status === 'notAchieved' ? '否' : '—');
    }
  });
});

describe('sign-off block (落款)', async () => {
  const { signOffRows } = await import('@/lib/export/xlsx');
  const plan = samplePlan();
  const progress = assessPlan(plan, sampleFigures(), 2023);
  const generatedAt = new Date('2026-12-01T09:41:00Z');

  it('lists the six fields in print order; without a setting every value is blank', () => {
    const r = buildReport(plan, progress, { generatedAt });
    expect(r.signOff.map((l) => l.label)).toEqual(['填报单位（盖章）', '负责人', '审核人', '填表人', '联系电话', '填报日期']);
    expect(r.signOff.every((l) => l.value === '')).toBe(true);
  });

  it('carries the plan’s values; the xlsx rows show a blank as a line to write on', () => {
    const r = buildReport(plan, progress, { generatedAt, signOff: { unit: '鹿泉区科学技术局', head: '张明', reviewer: null, preparer: '王璐', phone: '0311-82012345', date: null } });
    expect(r.signOff.find((l) => l.field === 'head')!.value).toBe('张明');
    const rows = signOffRows(r);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toBe('填报单位（盖章）：鹿泉区科学技术局　　　　负责人：张明　　　　审核人：＿＿＿＿＿＿＿＿');
    expect(rows[1]).toContain('填报日期：＿＿');
  });
});
