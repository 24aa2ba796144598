import { describe, expect, it } from 'vitest';
import { LruCache } from '@/lib/loaders/lru';
import { PlanCache, versionedKey, type PlanVersion } from '@/lib/loaders/plan-cache';

describe('LruCache', () => {
  it('evicts the least recently used entry beyond its bound; a hit makes an entry recent', () => {
    const lru = new LruCache<string, number>(3);
    lru.set('a', 1);
    lru.set('b', 2);
    lru.set('c', 3);
    expect(lru.get('a')).toBe(1); // a is now the most recent
    lru.set('d', 4); // evicts b
    expect(lru.keys()).toEqual(['c', 'a', 'd']);
    expect(lru.get('b')).toBeUndefined();
    lru.set('c', 30); // re-setting refreshes too
    lru.set('e', 5); // evicts a
    expect(lru.keys()).toEqual(['d', 'c', 'e']);
    expect(lru.size).toBe(3);
  });

  it('refuses a bound that is not a positive integer', () => {
    expect(() => new LruCache(0)).toThrow(RangeError);
    expect(() => new LruCache(1.5)).toThrow(RangeError);
  });

  it('shares one computation between callers at the same time and forgets one that failed', async () => {
    const lru = new LruCache<string, Promise<number>>(4);
    let runs = 0;
    const compute = () => new Promise<number>((resolve) => setTimeout(() => resolve(++runs), 5));
    const [x, y] = await Promise.all([lru.getOrCompute('k', compute), lru.getOrCompute('k', compute)]);
    expect([x, y, runs]).toEqual([1, 1, 1]);
    await expect(lru.getOrCompute('bad', () => Promise.reject(new Error('database down')))).rejects.toThrow('database down');
    await Promise.resolve();
    expect(lru.has('bad')).toBe(false);
    await expect(lru.getOrCompute('bad', () => Promise.resolve(7))).resolves.toBe(7);
  });
});

describe('PlanCache keying', () => {
  const v1: PlanVersion = { id: 1, dataVersion: 1, changedAt: '2026-12-01T00:00:00.000Z' };

  it('keys on the plan, its data version, its change time, the view and its parameters', () => {
    const keys = new Set([
      versionedKey(v1, 'overview', [2023, false]),
      versionedKey({ ...v1, id: 2 }, 'overview', [2023, false]),
      versionedKey({ ...v1, dataVersion: 2 }, 'overview', [2023, false]),
      // a database restored from a backup counts the version again, at another time
      versionedKey({ ...v1, changedAt: '2026-12-02T00:00:00.000Z' }, 'overview', [2023, false]),
      versionedKey(v1, 'overview', [2024, false]),
      versionedKey(v1, 'overview', [2023, true]),
      versionedKey(v1, 'indicator', [2023, false]),
      versionedKey(v1, 'overview', ['2023', false]),
    ]);
    expect(keys.size).toBe(8);
  });

  it('computes once per key, again after a bump, and drops what older versions of the plan held', async () => {
    const cache = new PlanCache(4, 8);
    let computed = 0;
    const view = (plan: PlanVersion, year: number) => cache.view(plan, 'overview', [year], () => ({ n: ++computed, year }));
    expect(await view(v1, 2023)).toEqual({ n: 1, year: 2023 });
    expect(await view(v1, 2023)).toEqual({ n: 1, year: 2023 });
    expect(await view(v1, 2024)).toEqual({ n: 2, year: 2024 });
    const other: PlanVersion = { id: 9, dataVersion: 1, changedAt: v1.changedAt };
    await view(other, 2023);
    expect([cache.hits, cache.misses]).toEqual([1, 3]);

    const v2 = { ...v1, dataVersion: 2 };
    expect(await view(v2, 2023)).toEqual({ n: 4, year: 2023 });
    // plan 1's version-1 entries are gone; plan 9's stay
    expect(cache.views.keys().filter((k) => k.includes('v1@'))).toEqual([versionedKey(other, 'overview', [2023])]);
    expect(cache.views.size).toBe(2);
  });

  it('holds at most its bound of views', async () => {
    const cache = new PlanCache(2, 3);
    for (let year = 2021; year <= 2025; year++) await cache.view(v1, 'overview', [year], () => year);
    expect(cache.views.size).toBe(3);
    expect(cache.views.keys()).toEqual([2023, 2024, 2025].map((y) => versionedKey(v1, 'overview', [y])));
  });

  it('computes every time when switched off (next dev)', async () => {
    const cache = new PlanCache(2, 3, false);
    let computed = 0;
    await cache.view(v1, 'overview', [2023], () => ++computed);
    await cache.view(v1, 'overview', [2023], () => ++computed);
    expect([computed, cache.views.size]).toEqual([2, 0]);
  });
});
