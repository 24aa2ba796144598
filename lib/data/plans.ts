import { getPrisma } from '@/lib/db';
import { decimalToNumber } from './decimal';
import type { CategoryInfo, IndicatorDefinition, PlanContent, PlanDetail, PlanInfo } from './types';

type PlanRow = Awaited<ReturnType<typeof loadPlanRows>>[number];

function loadPlanRows(where: { id?: number; slug?: string; isCurrent?: boolean; indicators?: { some: { id: number } } }) {
  return getPrisma().plan.findMany({
    where,
    include: {
      categories: { orderBy: { position: 'asc' } },
      indicators: { orderBy: { sequence: 'asc' }, include: { category: true } },
      years: { orderBy: { year: 'asc' } },
    },
    take: 1,
  });
}

function toPlanInfo(row: Omit<PlanRow, 'categories' | 'indicators' | 'years'>): PlanInfo {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    shortName: row.shortName,
    region: row.region,
    baseYear: row.baseYear,
    firstYear: row.firstYear,
    lastYear: row.lastYear,
    sourceDocument: row.sourceDocument,
    status: row.status,
    isCurrent: row.isCurrent,
    dataVersion: row.dataVersion,
    changedAt: row.updatedAt.toISOString(),
  };
}

function toCategory(row: PlanRow['categories'][number]): CategoryInfo {
  return { id: row.id, name: row.name, nameEn: row.nameEn, position: row.position };
}

function toIndicator(row: PlanRow['indicators'][number]): IndicatorDefinition {
  return {
    id: row.id,
    sequence: row.sequence,
    category: toCategory(row.category),
    name: row.name,
    unit: row.unit,
    nameEn: row.nameEn,
    unitEn: row.unitEn,
    kind: row.kind,
    baseline: decimalToNumber(row.baseline),
    target: decimalToNumber(row.target),
    annualRate: decimalToNumber(row.annualRate),
    cumulativeIncrease: decimalToNumber(row.cumulativeIncrease),
    attribute: row.attribute,
    direction: row.direction,
    decimals: row.decimals,
    responsibleUnit: row.responsibleUnit,
    cooperatingUnits: row.cooperatingUnits,
    contact: row.contact,
    definition: row.definition,
    status: row.status,
  };
}

/** The plan with its categories and indicators; the current plan when no slug is given. */
export async function getPlanDetail(slug?: string): Promise<PlanDetail | null> {
  return toPlanDetail(await loadPlanRows(slug ? { slug } : { isCurrent: true }));
}

/** The plan an indicator belongs to, with all its indicators (the indicator page needs the plan's years). */
export async function getPlanDetailByIndicator(indicatorId: number): Promise<PlanDetail | null> {
  if (!Number.isSafeInteger(indicatorId) || indicatorId <= 0) return null;
  return toPlanDetail(await loadPlanRows({ indicators: { some: { id: indicatorId } } }));
}

async function toPlanDetail([row]: PlanRow[]): Promise<PlanDetail | null> {
  return row ? { ...toPlanInfo(row), ...(await toPlanContent(row)) } : null;
}

async function toPlanContent(row: PlanRow): Promise<PlanContent> {
  const sample = await getPrisma().figure.findFirst({
    where: { isSample: true, indicator: { planId: row.id } },
    select: { id: true },
  });
  const indicators = row.indicators.map(toIndicator);
  return {
    categories: row.categories.map(toCategory),
    indicators: indicators.filter((i) => i.status === 'active'),
    archivedIndicators: indicators.filter((i) => i.status === 'archived'),
    dueDates: row.years.map((y) => ({ year: y.year, dueDate: y.dueDate.toISOString().slice(0, 10) })),
    hasSampleData: sample !== null,
  };
}

/** What a plan holds besides its own row (categories, indicators, due dates), or null when there is no such plan. */
export async function getPlanContent(planId: number): Promise<PlanContent | null> {
  const [row] = await loadPlanRows({ id: planId });
  return row ? toPlanContent(row) : null;
}

/** The id of the plan an indicator belongs to, or null (one query). */
export async function getPlanIdOfIndicator(indicatorId: number): Promise<number | null> {
  if (!Number.isSafeInteger(indicatorId) || indicatorId <= 0) return null;
  const row = await getPrisma().indicator.findUnique({ where: { id: indicatorId }, select: { planId: true } });
  return row?.planId ?? null;
}

/** Every plan with its data version, newest period first: one query, read once per request by lib/loaders. */
export async function listPlans(): Promise<PlanInfo[]> {
  const rows = await getPrisma().plan.findMany({ orderBy: [{ baseYear: 'desc' }, { id: 'asc' }] });
  return rows.map(toPlanInfo);
}
