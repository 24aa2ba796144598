import { describe, expect, it } from 'vitest';
import { buildOverview, dashboardHref, matchesStatus, OVERVIEW_CARDS_PER_CATEGORY, parseDashboardQuery } from '@/lib/views/dashboard';
import { sampleFigures, samplePlan } from '../export/sample-plan';
import type { Figure } from '@/lib/data/types';

const plan = { firstYear: 2021, lastYear: 2025 };
const figure = (year: number, status: Figure['status']): Figure => ({
  id: year, indicatorId: 1, year, value: 1, status, quality: 'final', source: null, note: null, version: 1, reviewNote: null, updatedByName: null, isSample: true, updatedAt: '2024-01-01T00:00:00.000Z',
});
const figures = [figure(2021, 'approved'), figure(2022, 'approved'), figure(2023, 'submitted')];

describe('dashboard query', () => {
  it('defaults to the latest year with an approved figure, approved figures only, no filter', () => {
    expect(parseDashboardQuery({}, plan, figures)).toEqual({ asOfYear: 2022, includeUnapproved: false, status: null });
  });

  it('reads ?year, ?unapproved=1 and ?status', () => {
    expect(parseDashboardQuery({ year: '2024', unapproved: '1', status: 'behind' }, plan, figures)).toEqual({ asOfYear: 2024, includeUnapproved: true, status: 'behind' });
    expect(parseDashboardQuery({ status: 'seriouslyLagging' }, plan, figures).status).toBe('seriouslyLagging');
  });

  it('falls back to the defaults for anything outside the plan or unknown', () => {
    for (const year of ['2020', '2026', '20x3', '', '2023.0']) expect(parseDashboardQuery({ year }, plan, figures).asOfYear).toBe(2022);
    expect(parseDashboardQuery({ year: ['2023', '2024'] }, plan, figures).asOfYear).toBe(2023);
    expect(parseDashboardQuery({ status: 'toString', unapproved: 'yes' }, plan, figures)).toMatchObject({ status: null, includeUnapproved: false });
  });

  it('links leave defaults out', () => {
    expect(dashboardHref('/plans/p', { asOfYear: 2022, includeUnapproved: false, status: null }, { asOfYear: 2022 })).toBe('/plans/p');
    expect(dashboardHref('/plans/p', { asOfYear: 2023, includeUnapproved: true, status: 'lagging' }, { asOfYear: 2022 })).toBe('/plans/p?year=2023&unapproved=1&status=lagging');
  });

  it('"behind" means lagging, seriously lagging or not achieved', () => {
    expect(['lagging', 'seriouslyLagging', 'notAchieved'].every((s) => matchesStatus(s as never, 'behind'))).toBe(true);
    expect(['achieved', 'ahead', 'onTrack', 'noData', 'noTarget'].some((s) => matchesStatus(s as never, 'behind'))).toBe(false);
    expect(matchesStatus('ahead', null)).toBe(true);
    expect(matchesStatus('ahead', 'onTrack')).toBe(false);
  });
});

describe('overview cards per category', () => {
  // 表1 repeated 5 times: 80 indicators, 5 categories of 10 to 25
  const base = samplePlan();
  const repeated = Array.from({ length: 5 }, (_, round) => base.indicators.map((i) => ({ ...i, id: i.id + 100 * round, sequence: i.sequence + 16 * round }))).flat();
  const plan = { ...base, indicators: repeated };
  const figures = sampleFigures().flatMap((f) => Array.from({ length: 5 }, (_, round) => ({ ...f, id: f.id + 10_000 * round, indicatorId: f.indicatorId + 100 * round })));
  const query = { asOfYear: 2023, includeUnapproved: false, status: null };

  it('shows at most the limit per category, counts the rest, and charts exactly the cards shown', () => {
    const all = buildOverview(plan, figures, query);
    const capped = buildOverview(plan, figures, query, { cardsPerCategory: OVERVIEW_CARDS_PER_CATEGORY });
    expect(all.capped).toBe(false);
    expect(all.chartItems).toHaveLength(80);
    expect(capped.capped).toBe(true);
    for (const [i, group] of capped.groups.entries()) {
      const full = all.groups[i]!;
      expect(group.cards.map((c) => c.indicator.id)).toEqual(full.cards.slice(0, OVERVIEW_CARDS_PER_CATEGORY).map((c) => c.indicator.id));
      expect(group.moreCount).toBe(Math.max(0, full.cards.length - OVERVIEW_CARDS_PER_CATEGORY));
    }
    expect(capped.shownCount).toBe(all.shownCount);
    expect(capped.chartItems.map((i) => i.indicator.id)).toEqual(capped.groups.flatMap((g) => g.cards.map((c) => c.indicator.id)));
    expect(capped.progress).toEqual(all.progress);
  });

  it('leaves a plan within the limit as it is (表1: at most 5 a category)', () => {
    const overview = buildOverview(base, sampleFigures(), query, { cardsPerCategory: OVERVIEW_CARDS_PER_CATEGORY });
    expect(overview.capped).toBe(false);
    expect(overview.chartItems).toHaveLength(16);
    expect(overview.groups.every((g) => g.moreCount === 0)).toBe(true);
  });
});

describe('indicator view: axis and preliminary marks', async () => {
  const { buildIndicatorView } = await import('@/lib/views/dashboard');
  const { assessPlan } = await import('@/lib/views/plan-progress');
  const { formatNumber } = await import('@/lib/progress');
  const { samplePlan, sampleFigures } = await import('../export/sample-plan');
  const plan = samplePlan();
  const figures = sampleFigures();
  const id15 = plan.indicators.find((i) => i.sequence === 15)!.id;

  it('indicator 15 (a count): whole-number ticks, each label once, the target 12 on the axis', () => {
    const view = buildIndicatorView(plan, figures, id15, { asOfYear: 2025, includeUnapproved: false, status: null })!;
    const labels = view.trajectoryAxis.ticks.map((t) => formatNumber(t, view.trajectoryAxis.decimals));
    expect(new Set(labels).size).toBe(labels.length);
    expect(view.trajectoryAxis.ticks.every(Number.isInteger)).toBe(true);
    expect(view.trajectoryAxis.ticks).toContain(12);
  });

  it('marks a preliminary figure only in the final evaluation', () => {
    const final = assessPlan(plan, figures, 2025);
    const earlier = assessPlan(plan, figures, 2024);
    expect(final.indicators.some((i) => i.preliminaryInFinal)).toBe(true);
    for (const i of final.indicators) expect(i.preliminaryInFinal).toBe(i.figures.some((f) => f.year === 2025 && f.year === i.assessment.latestYear && f.quality === 'preliminary'));
    expect(earlier.indicators.some((i) => i.preliminaryInFinal)).toBe(false);
  });
});
