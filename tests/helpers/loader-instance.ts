/**
 * One "app instance" for tests/integration/plan-cache-instances.test.ts: a separate Node process with
 * its own in-process plan cache, reading through lib/loaders and writing through lib/data exactly as the
 * server does, driven over IPC. Started with `fork(…, { execArgv: ['--import', 'tsx'] })` and DATABASE_URL.
 */
import { importFigureDrafts, saveFigure, transitionFigure, type Actor } from '@/lib/data/figure-writes';
import { archiveIndicator } from '@/lib/data/plan-writes';
import { loadIndicatorView, loadOverview, loadPlan, loadPlanFigures } from '@/lib/loaders';
import { planCache } from '@/lib/loaders/plan-cache';

export type InstanceRequest =
  | { op: 'card'; slug: string; sequence: number; year: number; includeUnapproved: boolean }
  | { op: 'indicator'; slug: string; sequence: number; year: number; includeUnapproved: boolean }
  | { op: 'save'; indicatorId: number; year: number; value: string; baseVersion: number; submit?: boolean }
  | { op: 'transition'; id: number; version: number; action: 'submit' | 'approve' | 'return' | 'unlock'; reason?: string }
  | { op: 'import'; indicatorId: number; sequence: number; year: number; value: string }
  | { op: 'archive'; slug: string; indicatorId: number };

const actor: Actor = { id: 'instance-test', name: '测试实例' };

async function handle(request: InstanceRequest): Promise<unknown> {
  switch (request.op) {
    case 'card': {
      const plan = (await loadPlan(request.slug))!;
      const overview = await loadOverview(plan, { asOfYear: request.year, includeUnapproved: request.includeUnapproved, status: null });
      const card = overview.groups.flatMap((g) => g.cards).find((c) => c.indicator.sequence === request.sequence);
      return { found: card !== undefined, latestValue: card?.assessment.latestValue ?? null, latestYear: card?.assessment.latestYear ?? null, cards: overview.shownCount };
    }
    case 'indicator': {
      const plan = (await loadPlan(request.slug))!;
      const indicator = plan.indicators.find((i) => i.sequence === request.sequence);
      const view = indicator && (await loadIndicatorView(plan, indicator.id, { asOfYear: request.year, includeUnapproved: request.includeUnapproved, status: null }));
      const figures = indicator ? (await loadPlanFigures(plan.id)).filter((f) => f.indicatorId === indicator.id) : [];
      return { latestValue: view?.item.assessment.latestValue ?? null, figures: figures.map((f) => ({ id: f.id, year: f.year, value: f.value, status: f.status, version: f.version })) };
    }
    case 'save':
      return saveFigure({ indicatorId: request.indicatorId, year: request.year, value: request.value, source: '测试', quality: 'final', note: null, baseVersion: request.baseVersion, submit: request.submit ?? false }, actor);
    case 'transition':
      return transitionFigure({ id: request.id, version: request.version, action: request.action, reason: request.reason ?? null }, actor);
    case 'import':
      return importFigureDrafts([{ row: 2, indicatorId: request.indicatorId, sequence: request.sequence, year: request.year, value: request.value, source: '测试', quality: 'final', note: null }], actor);
    case 'archive': {
      const plan = (await loadPlan(request.slug))!;
      return archiveIndicator(plan.slug, request.indicatorId, actor, '测试');
    }
  }
}

process.on('message', (message: { id: number; request: InstanceRequest }) => {
  handle(message.request).then(
    (value) => process.send!({ id: message.id, ok: true, value, cache: { hits: planCache.hits, misses: planCache.misses } }),
    (error: unknown) => process.send!({ id: message.id, ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
  );
});
process.send!({ ready: true });
