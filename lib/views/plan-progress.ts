/**
 * Wires the gateway's domain data into the progress engine for a whole plan, so the overview, the
 * indicator pages and every export assess figures the same way. No arithmetic here: lib/progress does it.
 */
import type { Figure, IndicatorDefinition, PlanDetail } from '@/lib/data/types';
import {
  assessIndicator,
  summarizePlan,
  summarySentenceEn,
  summarySentenceZh,
  toIndicatorPlan,
  type Assessment,
  type IndicatorPlan,
  type PlanRollup,
} from '@/lib/progress';

export interface IndicatorProgress {
  indicator: IndicatorDefinition;
  plan: IndicatorPlan;
  /** the figures the assessment used (approved only, unless unapproved ones were asked for) */
  figures: Figure[];
  assessment: Assessment;
  /** the figure of the assessed year used includes one not yet approved */
  usesUnapproved: boolean;
  /**
   * the final evaluation (asOfYear ≥ the plan's last year) uses a preliminary (初步) figure: every page
   * and export marks it so; decided here once
   */
  preliminaryInFinal: boolean;
}

export interface PlanProgress {
  asOfYear: number;
  includeUnapproved: boolean;
  indicators: IndicatorProgress[];
  rollup: PlanRollup;
  summaryZh: string;
  summaryEn: string;
}

export function indicatorPlanOf(indicator: IndicatorDefinition, plan: Pick<PlanDetail, 'baseYear' | 'lastYear'>): IndicatorPlan {
  return toIndicatorPlan(indicator, plan.baseYear, plan.lastYear);
}

/** Figures leaders and exports see: approved ones by default; unapproved ones only when asked for. */
export function visibleFigures(figures: Figure[], includeUnapproved: boolean): Figure[] {
  return includeUnapproved ? figures.filter((f) => f.status !== 'returned') : figures.filter((f) => f.status === 'approved');
}

export function assessPlan(plan: PlanDetail, allFigures: Figure[], asOfYear: number, options: { includeUnapproved?: boolean } = {}): PlanProgress {
  const includeUnapproved = options.includeUnapproved ?? false;
  const byIndicator = new Map<number, Figure[]>();
  for (const figure of visibleFigures(allFigures, includeUnapproved)) {
    const list = byIndicator.get(figure.indicatorId) ?? [];
    list.push(figure);
    byIndicator.set(figure.indicatorId, list);
  }
  const indicators = plan.indicators.map((indicator) => {
    const figures = byIndicator.get(indicator.id) ?? [];
    const indicatorPlan = indicatorPlanOf(indicator, plan);
    const assessment = assessIndicator(indicatorPlan, figures, asOfYear);
    const usesUnapproved = figures.some((f) => f.year === assessment.latestYear && f.status !== 'approved');
    const preliminaryInFinal = asOfYear >= plan.lastYear && figures.some((f) => f.year === assessment.latestYear && f.quality === 'preliminary');
    return { indicator, plan: indicatorPlan, figures, assessment, usesUnapproved, preliminaryInFinal };
  });
  const rollup = summarizePlan(
    indicators.map((i) => ({ category: i.indicator.category.name, assessment: i.assessment })),
    asOfYear,
    { targetYear: plan.lastYear },
  );
  return { asOfYear, includeUnapproved, indicators, rollup, summaryZh: summarySentenceZh(rollup), summaryEn: summarySentenceEn(rollup) };
}

/** The default year of the overview: the latest plan year with an approved figure, else the first plan year. */
export function defaultAsOfYear(plan: Pick<PlanDetail, 'firstYear' | 'lastYear'>, figures: Figure[]): number {
  const approvedYears = figures.filter((f) => f.status === 'approved' && f.year >= plan.firstYear && f.year <= plan.lastYear).map((f) => f.year);
  return approvedYears.length > 0 ? Math.max(...approvedYears) : plan.firstYear;
}
