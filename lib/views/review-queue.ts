/** The figures of one plan awaiting review, with last year's figure and the entry warnings. Pure shaping. */
import type { Figure, IndicatorDefinition, PlanDetail } from '@/lib/data/types';
import { entryRows, warningsFor } from '@/lib/views/entry-sheet';
import type { FigureWarning } from '@/lib/progress';

export interface ReviewItem {
  plan: Pick<PlanDetail, 'slug' | 'name' | 'hasSampleData'>;
  indicator: IndicatorDefinition;
  figure: Figure;
  previous: { year: number; value: number; approved: boolean } | null;
  warnings: FigureWarning[];
}

/** The submitted figures of a plan, by year then indicator order. */
export function reviewItems(plan: PlanDetail, figures: readonly Figure[]): ReviewItem[] {
  const items: ReviewItem[] = [];
  const submittedYears = [...new Set(figures.filter((f) => f.status === 'submitted').map((f) => f.year))].sort();
  for (const year of submittedYears) {
    for (const row of entryRows(plan, figures, year)) {
      if (row.current?.status !== 'submitted') continue;
      items.push({ plan, indicator: row.indicator, figure: row.current, previous: row.previous, warnings: warningsFor(plan, row, row.current.value) });
    }
  }
  return items;
}
