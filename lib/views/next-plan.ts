/**
 * The next plan (十五五 from 十四五) as an admin drafts it from the record: the proposed targets per indicator
 * (proposeTargets, shaped by proposalRows of ./evaluation), the new baselines (the latest approved figures,
 * not the old plan's baselines), and the new plan's default fields. Proposals are reference values: the
 * form's target fields start empty and are filled only by what the admin types or adopts.
 */
import type { Figure, PlanDetail, PlanHeader } from '@/lib/data/types';
import { assessPlan } from './plan-progress';
import { proposalRows, type ProposalRow } from './evaluation';

export type NextPlanDefaults = PlanHeader;

export interface NextPlanRow extends ProposalRow {
  kind: PlanDetail['indicators'][number]['kind'];
  direction: PlanDetail['indicators'][number]['direction'];
  category: string;
  /** the form field the admin's target goes in: a level for counts and shares, the annual rate for growth rates */
  targetField: 'target' | 'annualRate';
  /** the new baseline's year differs from the new plan's base year (a later figure still awaits review) */
  baselineFromEarlierYear: boolean;
}

export interface NextPlanDraft {
  defaults: NextPlanDefaults;
  rows: NextPlanRow[];
}

const NEXT_TERM: Record<string, string> = { 十三五: '十四五', 十四五: '十五五', 十五五: '十六五' };

function renamed(text: string, plan: Pick<PlanDetail, 'firstYear' | 'lastYear'>, next: { firstYear: number; lastYear: number }): string {
  const term = Object.keys(NEXT_TERM).find((t) => text.includes(t));
  if (term) return text.replace(term, NEXT_TERM[term]!);
  const range = `${plan.firstYear}-${plan.lastYear}`;
  return text.includes(range) ? text.replace(range, `${next.firstYear}-${next.lastYear}`) : `${text}（${next.firstYear}—${next.lastYear}年）`;
}

export function nextPlanDraft(plan: PlanDetail, figures: readonly Figure[]): NextPlanDraft {
  const length = plan.lastYear - plan.baseYear;
  const next = { baseYear: plan.lastYear, firstYear: plan.lastYear + 1, lastYear: plan.lastYear + length };
  const progress = assessPlan(plan, [...figures], plan.lastYear);
  const rows = proposalRows(plan, progress, figures, next.lastYear).map((row) => {
    const indicator = plan.indicators.find((i) => i.id === row.indicatorId)!;
    return {
      ...row,
      kind: indicator.kind,
      direction: indicator.direction,
      category: indicator.category.name,
      targetField: indicator.kind === 'growthRate' ? ('annualRate' as const) : ('target' as const),
      baselineFromEarlierYear: row.baselineYear !== null && row.baselineYear !== next.baseYear,
    };
  });
  const slugRange = `${plan.firstYear}-${plan.lastYear}`;
  return {
    defaults: {
      slug: plan.slug.includes(slugRange) ? plan.slug.replace(slugRange, `${next.firstYear}-${next.lastYear}`) : `${plan.slug}-${next.firstYear}`,
      name: renamed(plan.name, plan, next),
      shortName: renamed(plan.shortName, plan, next).slice(0, 20),
      region: plan.region,
      ...next,
      sourceDocument: '（待定：新规划文本）',
    },
    rows,
  };
}
