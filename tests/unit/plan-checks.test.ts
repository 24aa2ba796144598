import { describe, expect, it } from 'vitest';
import type { Figure, IndicatorDefinition, PlanDetail } from '@/lib/data/types';
import { lateUnits, overdueFigures } from '@/lib/views/entry-sheet';
import { LUQUAN_2021_2025 } from '@/lib/plans/luquan-2021-2025';
import { definitionChecks } from '@/lib/progress';

const category = { id: 1, name: '创新投入', position: 1 };
function indicator(id: number, fields: Partial<IndicatorDefinition> = {}): IndicatorDefinition {
  return {
    id, sequence: id, category, name: `指标${id}`, unit: '家', kind: 'cumulative', baseline: 100, target: 150, annualRate: null, cumulativeIncrease: 50,
    attribute: 'expected', direction: 'up', decimals: 0, responsibleUnit: null, cooperatingUnits: null, contact: null, definition: null, status: 'active', ...fields,
  };
}
function plan(indicators: IndicatorDefinition[], dueDates: PlanDetail['dueDates']): PlanDetail {
  return {
    id: 1, slug: 'p', name: 'P', shortName: 'P', region: 'R', baseYear: 2025, firstYear: 2026, lastYear: 2030, sourceDocument: '', status: 'active', isCurrent: false, dataVersion: 0, changedAt: '2026-01-01T00:00:00.000Z',
    categories: [category], indicators, archivedIndicators: [], dueDates, hasSampleData: false,
  };
}
const figure = (indicatorId: number, year: number, status: Figure['status']): Figure => ({
  id: indicatorId * 10_000 + year, indicatorId, year, value: 1, status, quality: null, source: null, note: null, version: 1, reviewNote: null, updatedByName: null, isSample: false, updatedAt: '',
});

describe('definitionChecks', () => {
  it('reports row 9 of 十四五 (7.17 stated, 7.164 implied) and nothing for the rows that agree', () => {
    const checks = definitionChecks(
      LUQUAN_2021_2025.indicators.map((i) => ({ ...i })),
      LUQUAN_2021_2025.baseYear,
      LUQUAN_2021_2025.lastYear,
    );
    expect(checks.map((c) => c.sequence)).toEqual([9]);
    expect(checks[0]!.differences).toEqual([{ sequence: 9, name: LUQUAN_2021_2025.indicators[8]!.name, field: 'annualRate', stated: 7.17, implied: 7.164 }]);
  });

  it('names what makes the status noTarget and a share outside 0–100, as typed in the form', () => {
    const [missing] = definitionChecks([{ sequence: 1, name: 'a', kind: 'growthRate', baseline: '', target: '', annualRate: '', cumulativeIncrease: '', direction: 'up' }], 2025, 2030);
    expect(missing!.problems).toMatchObject([{ field: 'annualRate', code: 'missing', blocking: true }]);
    const [share] = definitionChecks([{ sequence: 2, name: 'b', kind: 'share', baseline: '40', target: '120', annualRate: '', cumulativeIncrease: '', direction: 'up' }], 2025, 2030);
    expect(share!.problems).toMatchObject([{ field: 'target', code: 'outOfRange', blocking: false }]);
  });
});

describe('overdueFigures and lateUnits', () => {
  const indicators = [indicator(1, { responsibleUnit: '区科技局' }), indicator(2, { responsibleUnit: '区统计局' }), indicator(3, { responsibleUnit: '区科技局' }), indicator(4)];
  const p = plan(indicators, [{ year: 2026, dueDate: '2027-03-31' }, { year: 2027, dueDate: '2028-03-31' }]);
  const figures = [figure(1, 2026, 'approved'), figure(2, 2026, 'submitted'), figure(3, 2026, 'returned')];

  it('lists the figures of years past their due date that are missing or not approved; not on the due date itself', () => {
    expect(overdueFigures(p, figures, '2027-03-31')).toEqual([]);
    const overdue = overdueFigures(p, figures, '2027-04-01');
    expect(overdue.map((o) => [o.indicator.id, o.year, o.state])).toEqual([[2, 2026, 'submitted'], [3, 2026, 'returned'], [4, 2026, 'missing']]);
    expect(overdueFigures(p, figures, '2028-04-01')).toHaveLength(7);
  });

  it('groups by responsible unit, most late first, the indicators without a unit last', () => {
    const groups = lateUnits(overdueFigures(p, figures, '2028-04-01'));
    expect(groups.map((g) => [g.unit, g.items.length])).toEqual([['区科技局', 3], ['区统计局', 2], [null, 2]]);
  });
});
