// lib/views/benchmarks on the seeded plan-text benchmarks (shaped as lib/data returns them, ids = 序号
// for indicators, position for series): the 对标 of an indicator, the summary order, the county
// evaluation, the 十三五 segment, the 核对 items, and the export table built from them.
import { describe, expect, it } from 'vitest';
import type { Figure } from '@/lib/data/types';
import { buildBenchmarkTable } from '@/lib/export/benchmark-table';
import { benchmarkSummary, countyEvaluationView, sourceCheckItems, subjectBenchmarkView, subjectsOf, withHistorySegment } from '@/lib/views/benchmarks';
import { samplePlan } from '../export/sample-plan';
import { seededBenchmarks } from '../export/sample-modules';

const plan = samplePlan();
const seeded = seededBenchmarks;
const reviewed = { status: 'approved' as const, version: 1, reviewNote: null, updatedByName: '规划文本', updatedAt: '2026-01-01T00:00:00.000Z' };

describe('subjectBenchmarkView', () => {
  const benchmarks = seeded();
  const subject = (sequence: number) => subjectsOf(plan, benchmarks).find((s) => s.sequence === sequence)!;

  it.each([
    // [序号, district 2020, share of province best, gap to province best, share of city best]
    [6, 228, 228 / 258, 30, null],
    [7, 837, 837 / 1043, 206, null],
    [12, 36.4, 36.4 / 98.82, 62.42, 36.4 / 55.52],
    [9, 14.18, 14.18 / 75.86, 61.68, 14.18 / 31.03],
  ])('表1 row %i in 2020: district %d, shares and the exact gap', (sequence, district, share, gap, cityShare) => {
    const view = subjectBenchmarkView(plan, [], benchmarks, subject(sequence));
    const row = view.rows.find((r) => r.year === 2020)!;
    expect(row.district?.value).toBe(district);
    expect(row.shareOfProvinceBest).toBeCloseTo(share, 12);
    expect(row.gapToProvinceBest).toEqual({ gap, position: 'behind' });
    if (cityShare === null) expect(row.shareOfCityBest).toBeNull();
    else expect(row.shareOfCityBest).toBeCloseTo(cityShare, 12);
  });

  it('keeps a stated share as stated (财政科技支出: 25.59 % of the province best, no maximum reconstructed)', () => {
    const fiscal = subjectsOf(plan, benchmarks).find((s) => s.name === '财政科技支出')!;
    const row = subjectBenchmarkView(plan, [], benchmarks, fiscal).rows[0]!;
    expect(row.references.provinceBest).toBeUndefined();
    expect(row.statedShareOfProvinceBest).toBeCloseTo(0.2559, 12);
    expect(row.shareOfProvinceBest).toBeCloseTo(0.2559, 12);
    expect(row.gapToProvinceBest).toBeNull();
  });

  it('reads ranks and their trend; only approved reference values count unless asked', () => {
    const b = seeded();
    b.referenceValues.push({ ...reviewed, status: 'submitted', id: 99, subject: { type: 'indicator', id: 11 }, kind: 'provinceRank', year: 2021, value: 12, valueText: '12', source: '通报', note: null, isSample: false });
    const approvedOnly = subjectBenchmarkView(plan, [], b, subject(11));
    expect(approvedOnly.provinceRanks.ranks).toEqual([{ year: 2020, rank: 18 }]);
    expect(approvedOnly.provinceRanks.overall).toBeNull();
    const all = subjectBenchmarkView(plan, [], b, subject(11), { includeUnapproved: true });
    expect(all.provinceRanks.overall).toMatchObject({ fromRank: 18, toRank: 12, trend: 'improved' });
    expect(all.unapprovedShown).toBe(true);
  });

  it('uses an approved yearly figure for the district in a later year', () => {
    const b = seeded();
    b.referenceValues.push({ ...reviewed, id: 100, subject: { type: 'indicator', id: 6 }, kind: 'provinceBest', year: 2021, value: 300, valueText: '300', source: '通报', note: null, isSample: false });
    const figures: Figure[] = [{ id: 1, indicatorId: 6, year: 2021, value: 270, status: 'approved', quality: 'final', source: null, note: null, version: 1, reviewNote: null, updatedByName: null, isSample: false, updatedAt: '' }];
    const view = subjectBenchmarkView(plan, figures, b, subject(6));
    expect(view.latest?.year).toBe(2021);
    expect(view.latest?.district).toMatchObject({ value: 270, origin: 'figure' });
    expect(view.latest?.shareOfProvinceBest).toBeCloseTo(0.9, 12);
  });
});

describe('benchmarkSummary (the evaluation report’s 对标分析, the overview, the exports)', () => {
  it('lists everything with a reference value, furthest from the province best first', () => {
    const items = benchmarkSummary(plan, [], seeded(), 2025);
    const shares = items.map((i) => i.shareOfProvinceBest).filter((s) => s !== null) as number[];
    expect(shares).toEqual([...shares].sort((a, b) => a - b));
    expect(items[0]!.subject.name).toBe('规上工业企业R&D经费支出占主营业务收入比重'); // 13.92 %
    expect(items[0]!.shareStated).toBe(true);
    expect(items.map((i) => i.subject.sequence ?? i.subject.name)).toEqual(expect.arrayContaining([6, 7, 9, 11, 12, 13]));
    // those without a province comparison follow, in 表1 order
    const tail = items.filter((i) => i.shareOfProvinceBest === null).map((i) => i.subject.sequence);
    expect(tail.slice(0, 2)).toEqual([11, 13]);
  });

  it('is empty before any reference value and builds the export table', () => {
    expect(benchmarkSummary(plan, [], seeded(), 2019)).toEqual([]);
    const table = buildBenchmarkTable(benchmarkSummary(plan, [], seeded(), 2023), 2023);
    expect(table.title).toBe('对标情况（截至2023年）');
    const row6 = table.rows.find((r) => r.cells.name.startsWith('6. 高新技术企业数量'))!;
    expect(row6.cells).toMatchObject({ year: '2020', district: '228', provinceBest: '258', shareOfProvinceBest: '88.37%', gapToProvinceBest: '30家', cityBest: '—' });
    const row12 = table.rows.find((r) => r.cells.name.startsWith('12.'))!;
    expect(row12.cells.gapToProvinceBest).toBe('62.42个百分点');
    expect(row12.cells.ranks).toBe('全市2020年第8位；全省2020年第44位');
    expect(table.rows.find((r) => r.cells.name.startsWith('财政科技支出'))!.cells.shareOfProvinceBest).toBe('25.59%（规划所述）');
  });
});

describe('county evaluation, 十三五 segment, 核对', () => {
  it('the county evaluation: first in 2018–2020, unchanged', () => {
    const view = countyEvaluationView(seeded().countyEvaluations);
    expect(view.ranks.ranks.map((r) => r.rank)).toEqual([1, 1, 1]);
    expect(view.ranks.overall?.trend).toBe('unchanged');
  });

  it('prepends the 2015 level and joins it at the base year (level kinds only)', () => {
    const rows = [2020, 2021].map((year) => ({ year, actual: year === 2020 ? 228 : null, planned: 228, target: 400 }));
    const out = withHistorySegment(rows, { id: 6, kind: 'cumulative', baseline: 228 }, 2020, seeded().history);
    expect(out.map((r) => [r.year, r.history])).toEqual([[2015, 44], [2020, 228], [2021, null]]);
    expect(withHistorySegment(rows, { id: 2, kind: 'growthRate', baseline: 13.31 }, 2020, seeded().history)).toEqual(rows);
    expect(withHistorySegment(rows, { id: 12, kind: 'share', baseline: 36.4 }, 2020, seeded().history)).toEqual(rows); // no year before 2020 stated
  });

  it.each([
    // [rule, other value, mismatch]
    [null, '10', false],
    [null, '10.01', true],
    [{ toleranceMode: 'relative' as const, tolerance: 0.05 }, '10.5', false],
    [{ toleranceMode: 'relative' as const, tolerance: 0.05 }, '10.51', true],
    [{ toleranceMode: 'absolute' as const, tolerance: 1 }, '9', false],
  ])('核对 with rule %j: a further source at %s → mismatch %s', (rule, other, mismatch) => {
    const b = seeded();
    if (rule) b.sourceRules.push({ indicatorId: 3, primarySource: '统计部门', ...rule });
    b.sourceValues.push({ id: 1, observationId: 7, sourceName: '税务部门', value: Number(other), valueText: other, source: null, note: null, updatedByName: null, updatedAt: '' });
    const figures: Figure[] = [{ id: 7, indicatorId: 3, year: 2021, value: 10, status: 'submitted', quality: null, source: '统计年鉴', note: null, version: 2, reviewNote: null, updatedByName: null, isSample: false, updatedAt: '' }];
    const [item] = sourceCheckItems(plan, figures, b, 2021);
    expect(item!.check.mismatch).toBe(mismatch);
    expect(item!.primarySource).toBe(rule ? '统计部门' : '统计年鉴');
    expect(sourceCheckItems(plan, figures, b, 2022)).toEqual([]);
  });
});
