/** The figures awaiting review in every active plan, with last year's figure and the entry warnings. */
import { getPlanFigures } from '@/lib/data/figures';
import { getPlanDetail, listPlans } from '@/lib/data/plans';
import type { Figure, IndicatorDefinition, PlanDetail } from '@/lib/data/types';
import { entryRows, warningsFor } from '@/lib/entry-sheet';
import type { FigureWarning } from '@/lib/progress';

export interface ReviewItem {
  plan: Pick<PlanDetail, 'slug' | 'name' | 'hasSampleData'>;
  indicator: IndicatorDefinition;
  figure: Figure;
  previous: { year: number; value: number; approved: boolean } | null;
  warnings: FigureWarning[];
}

export async function getReviewQueue(): Promise<ReviewItem[]> {
  const plans = (await listPlans()).filter((p) => p.status === 'active');
  const items: ReviewItem[] = [];
  for (const info of plans) {
    const plan = await getPlanDetail(info.slug);
    if (!plan) continue;
    const figures = await getPlanFigures(plan.id);
    const submittedYears = [...new Set(figures.filter((f) => f.status === 'submitted').map((f) => f.year))].sort();
    for (const year of submittedYears) {
      for (const row of entryRows(plan, figures, year)) {
        if (row.current?.status !== 'submitted') continue;
        items.push({ plan, indicator: row.indicator, figure: row.current, previous: row.previous, warnings: warningsFor(plan, row, row.current.value) });
      }
    }
  }
  return items;
}
