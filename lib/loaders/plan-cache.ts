/**
 * In-process caches of what the plan pages compute, keyed on the plan's data version.
 *
 * Every request reads the plans with their data versions once (lib/data/plans listPlans: one query). A
 * plan's content and figures, and what lib/views shapes from them (the assessed plan, the overview, an
 * indicator's view), are kept under (database, plan id, data version, changedAt) plus the view's own
 * parameters (year, approval mode, …). Every write that can change a page bumps the version in its own
 * transaction (lib/data/plan-version.ts), so the first request after the commit misses and recomputes —
 * in this instance and in every other one behind the same load balancer, without a shared cache.
 *
 * Bounded: at most MAX_PLAN_DATA entries of plans' data (PLAN_DATA_KINDS per plan: content, figures, key tasks,
 * task reports, benchmarks) and MAX_VIEWS shaped views (least recently used go
 * first), and an entry of an older version of a plan is dropped when a newer one is stored. Cached values
 * are shared by concurrent requests: nothing may mutate them.
 */
import type { PlanInfo } from '@/lib/data/types';
import { LruCache } from './lru';

/** what lib/loaders keeps per plan with planData(): content, figures, tasks, taskReports, benchmarks */
export const PLAN_DATA_KINDS = 5;
/** room for the data of 32 plans */
export const MAX_PLAN_DATA = 32 * PLAN_DATA_KINDS;
export const MAX_VIEWS = 512;

/** What names one version of one plan's data. */
export type PlanVersion = Pick<PlanInfo, 'id' | 'dataVersion' | 'changedAt'>;

export type KeyPart = string | number | boolean | null;

/** Tests (and a process switching databases) stay apart: the database URL is part of every key. */
const database = () => process.env.DATABASE_URL ?? '';

/** The key of one version of a plan; everything cached about that version starts with it. */
export function planVersionKey(plan: PlanVersion): string {
  return `${database()}|plan ${plan.id}|`;
}

export function versionedKey(plan: PlanVersion, name: string, parts: readonly KeyPart[] = []): string {
  return `${planVersionKey(plan)}v${plan.dataVersion}@${plan.changedAt}|${name}|${parts.map((p) => JSON.stringify(p)).join(',')}`;
}

export class PlanCache {
  readonly data: LruCache<string, Promise<unknown>>;
  readonly views: LruCache<string, Promise<unknown>>;
  hits = 0;
  misses = 0;

  /**
   * Off under `next dev`: a code change there reloads lib/views but not this cache, which would keep
   * serving what the old code computed until the next write.
   */
  constructor(maxPlanData = MAX_PLAN_DATA, maxViews = MAX_VIEWS, readonly enabled = true) {
    this.data = new LruCache(maxPlanData);
    this.views = new LruCache(maxViews);
  }

  /** A plan's own data (content, figures) for its current version. */
  planData<T>(plan: PlanVersion, name: string, compute: () => Promise<T>): Promise<T> {
    return this.lookUp(this.data, plan, versionedKey(plan, name), compute);
  }

  /** Something shaped from a plan's data, under the version plus the view's parameters. */
  view<T>(plan: PlanVersion, name: string, parts: readonly KeyPart[], compute: () => T | Promise<T>): Promise<T> {
    return this.lookUp(this.views, plan, versionedKey(plan, name, parts), async () => compute());
  }

  clear(): void {
    this.data.clear();
    this.views.clear();
  }

  private lookUp<T>(lru: LruCache<string, Promise<unknown>>, plan: PlanVersion, key: string, compute: () => Promise<T>): Promise<T> {
    if (!this.enabled) return compute();
    if (lru.has(key)) {
      this.hits += 1;
      return lru.get(key) as Promise<T>;
    }
    this.misses += 1;
    // a newer version was stored: what the older ones hold will never be asked for again
    const prefix = planVersionKey(plan);
    const current = `${prefix}v${plan.dataVersion}@${plan.changedAt}|`;
    for (const old of lru.keys()) if (old.startsWith(prefix) && !old.startsWith(current)) lru.delete(old);
    return lru.getOrCompute(key, compute);
  }
}

// One per process; Next's dev server reloads modules, so keep it on globalThis like lib/db's client.
const globalForCache = globalThis as unknown as { planCache?: PlanCache };
export const planCache: PlanCache = (globalForCache.planCache ??= new PlanCache(MAX_PLAN_DATA, MAX_VIEWS, process.env.NODE_ENV !== 'development'));
