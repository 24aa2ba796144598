/**
 * A bounded least-recently-used map, for the in-process caches of lib/loaders (see ./plan-cache.ts).
 * Pure: no I/O, no clock. A Map keeps insertion order, so the first key is the least recently used one
 * when every hit re-inserts its key.
 */
export class LruCache<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(readonly maxEntries: number) {
    if (!Number.isSafeInteger(maxEntries) || maxEntries < 1) throw new RangeError(`maxEntries must be a positive integer, not ${maxEntries}`);
  }

  get size(): number {
    return this.entries.size;
  }

  has(key: K): boolean {
    return this.entries.has(key);
  }

  /** The value, marked as the most recently used; undefined when absent. */
  get(key: K): V | undefined {
    if (!this.entries.has(key)) return undefined;
    const value = this.entries.get(key)!;
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  /** Stores the value as the most recently used, evicting the least recently used entries beyond the bound. */
  set(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as K);
  }

  delete(key: K): boolean {
    return this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }

  /** Keys from the least to the most recently used (for tests and diagnostics). */
  keys(): K[] {
    return [...this.entries.keys()];
  }

  /**
   * The cached value for `key`, or `compute()`'s, stored under `key`. Callers at the same time share one
   * computation (the promise is what is stored); a computation that fails is forgotten, so the next
   * caller tries again.
   */
  getOrCompute<T extends V & Promise<unknown>>(key: K, compute: () => T): T {
    const hit = this.get(key);
    if (hit !== undefined) return hit as T;
    const pending = compute();
    this.set(key, pending);
    pending.catch(() => {
      if (this.entries.get(key) === pending) this.entries.delete(key);
    });
    return pending;
  }
}
