/**
 * The data an entry page and its actions share: for one plan year, each indicator with the plan's
 * baseline and target, last year's figure (the base-year baseline in the first year) and this year's
 * figure if any. No arithmetic: warnings come from lib/progress.
 */
import type { Figure, IndicatorDefinition, PlanDetail } from '@/lib/data/types';
import { planYears } from '@/lib/schemas/params';
import { indicatorPlanOf } from '@/lib/views/plan-progress';
import { figureWarnings, type FigureWarning } from '@/lib/progress';

export interface EntryRow {
  indicator: IndicatorDefinition;
  /** last year's figure to compare with: approved if there is one, else any; the baseline in the first plan year */
  previous: { year: number; value: number; approved: boolean } | null;
  current: Figure | null;
}

export function entryRows(plan: PlanDetail, figures: readonly Figure[], year: number): EntryRow[] {
  return plan.indicators.map((indicator) => {
    const mine = figures.filter((f) => f.indicatorId === indicator.id);
    const last = mine.find((f) => f.year === year - 1);
    let previous: EntryRow['previous'] = last ? { year: last.year, value: last.value, approved: last.status === 'approved' } : null;
    if (!previous && year - 1 === plan.baseYear && indicator.kind !== 'growthRate' && indicator.baseline !== null) {
      previous = { year: plan.baseYear, value: indicator.baseline, approved: true };
    }
    return { indicator, previous, current: mine.find((f) => f.year === year) ?? null };
  });
}

export function warningsFor(plan: PlanDetail, row: EntryRow, value: number): FigureWarning[] {
  return figureWarnings(indicatorPlanOf(row.indicator, plan), value, row.previous);
}

/** The plan years staff enter figures for, each with its due date and whether it is overdue. */
export function entryYears(plan: PlanDetail, figures: readonly Figure[], today: string) {
  return planYears(plan).map((year) => {
    const ofYear = figures.filter((f) => f.year === year && plan.indicators.some((i) => i.id === f.indicatorId));
    const count = (status: Figure['status']) => ofYear.filter((f) => f.status === status).length;
    const dueDate = plan.dueDates.find((d) => d.year === year)?.dueDate ?? null;
    const approved = count('approved');
    return {
      year,
      dueDate,
      total: plan.indicators.length,
      approved,
      submitted: count('submitted'),
      draft: count('draft'),
      returned: count('returned'),
      missing: plan.indicators.length - ofYear.length,
      overdue: dueDate !== null && dueDate < today && approved < plan.indicators.length,
    };
  });
}

export interface OverdueFigure {
  indicator: IndicatorDefinition;
  year: number;
  dueDate: string;
  /** missing: no figure yet; otherwise the figure is there but not approved */
  state: 'missing' | 'draft' | 'submitted' | 'returned';
}

/** Figures of years past their due date (strictly before today) that are missing or not approved, by year then sequence. */
export function overdueFigures(plan: PlanDetail, figures: readonly Figure[], today: string): OverdueFigure[] {
  const out: OverdueFigure[] = [];
  for (const { year, dueDate } of [...plan.dueDates].sort((a, b) => a.year - b.year)) {
    if (!(dueDate < today) || year < plan.firstYear || year > plan.lastYear) continue;
    for (const indicator of plan.indicators) {
      const figure = figures.find((f) => f.indicatorId === indicator.id && f.year === year);
      if (figure?.status === 'approved') continue;
      out.push({ indicator, year, dueDate, state: figure ? figure.status : 'missing' });
    }
  }
  return out;
}

/** The overdue figures grouped by responsible unit (null: no unit set, listed last), for leaders. */
export function lateUnits(overdue: readonly OverdueFigure[]): { unit: string | null; items: OverdueFigure[] }[] {
  const groups = new Map<string | null, OverdueFigure[]>();
  for (const item of overdue) {
    const unit = item.indicator.responsibleUnit;
    groups.set(unit, [...(groups.get(unit) ?? []), item]);
  }
  return [...groups.entries()]
    .map(([unit, items]) => ({ unit, items }))
    .sort((a, b) => (a.unit === null ? 1 : b.unit === null ? -1 : b.items.length - a.items.length || a.unit.localeCompare(b.unit, 'zh-CN')));
}
