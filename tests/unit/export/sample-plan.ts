// The fixed sample of the export tests: the real 表1 seed and the sample figures (示例数据), shaped as
// lib/data returns them, without a database. Ids follow 序号 (indicator id = sequence).
import type { Figure, PlanDetail } from '@/lib/data/types';
import { LUQUAN_2021_2025 } from '@/lib/plans/luquan-2021-2025';
import { LUQUAN_2021_2025_SAMPLE, SAMPLE_SOURCE } from '@/lib/plans/luquan-2021-2025-sample';
import { toNumber } from '@/lib/progress';

export function samplePlan(): PlanDetail {
  const seed = LUQUAN_2021_2025;
  const categories = seed.categories.map((name, index) => ({ id: index + 1, name, position: index + 1 }));
  return {
    id: 1,
    slug: seed.slug,
    name: seed.name,
    shortName: seed.shortName,
    region: seed.region,
    baseYear: seed.baseYear,
    firstYear: seed.firstYear,
    lastYear: seed.lastYear,
    sourceDocument: seed.sourceDocument,
    status: 'active',
    isCurrent: true,
    dataVersion: 0,
    changedAt: '2026-01-01T00:00:00.000Z',
    categories,
    indicators: seed.indicators.map((i) => ({
      id: i.sequence,
      sequence: i.sequence,
      category: categories.find((c) => c.name === i.category)!,
      name: i.name,
      unit: i.unit,
      kind: i.kind,
      baseline: toNumber(i.baseline),
      target: toNumber(i.target),
      annualRate: toNumber(i.annualRate),
      cumulativeIncrease: toNumber(i.cumulativeIncrease),
      attribute: i.attribute,
      direction: i.direction,
      decimals: i.decimals,
      responsibleUnit: null, cooperatingUnits: null,
      contact: null,
      definition: null,
      status: 'active' as const,
    })),
    archivedIndicators: [],
    dueDates: [],
    hasSampleData: true,
  };
}

export function sampleFigures(): Figure[] {
  return LUQUAN_2021_2025_SAMPLE.map((f, index) => ({
    id: index + 1,
    indicatorId: f.sequence,
    year: f.year,
    value: Number(f.value),
    status: f.status,
    quality: f.quality,
    source: SAMPLE_SOURCE,
    note: null,
    version: 1,
    reviewNote: null,
    updatedByName: null,
    isSample: true,
    updatedAt: '2026-01-01T00:00:00.000Z',
  }));
}
