// The next plan drafted from the record: 十四五 → 十五五 names and years, new baselines from the latest
// approved figures (not the old plan's baselines), proposals per indicator, flags below the new baseline.
import { describe, expect, it } from 'vitest';
import { nextPlanDraft } from '@/lib/views/next-plan';
import { sampleFigures, samplePlan } from '../export/sample-plan';

describe('nextPlanDraft', () => {
  const plan = samplePlan();
  const draft = nextPlanDraft(plan, sampleFigures());

  it('names the next plan and its years', () => {
    expect(draft.defaults).toMatchObject({ slug: 'luquan-2026-2030', name: '鹿泉区科技创新“十五五”规划', baseYear: 2025, firstYear: 2026, lastYear: 2030 });
  });

  it('takes the latest approved figure as each new baseline, with its year', () => {
    const bySequence = new Map(draft.rows.map((r) => [r.sequence, r]));
    expect(bySequence.get(6)).toMatchObject({ baselineValue: 398, baselineYear: 2025, baselineFromEarlierYear: false, targetField: 'target' });
    // 2025 still awaits review for rows 13 and 14: the 2024 figure is the baseline, and the row says so.
    expect(bySequence.get(13)).toMatchObject({ baselineValue: 8.44, baselineYear: 2024, baselineFromEarlierYear: true });
    expect(bySequence.get(1)).toMatchObject({ targetField: 'annualRate', baselineValue: 12.1 });
    expect(draft.rows).toHaveLength(16);
  });

  it('offers three proposals per indicator and flags those below the new baseline', () => {
    for (const row of draft.rows) expect(row.cells.map((c) => c.kind)).toEqual(['trend', 'oldPace', 'latest']);
    const rd = draft.rows.find((r) => r.sequence === 1)!;
    expect(rd.cells.find((c) => c.kind === 'oldPace')).toMatchObject({ text: '12.00', worse: true });
    expect(rd.notes).toContain('保持原规划速度：低于新基数');
  });
});
