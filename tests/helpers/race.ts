/**
 * Runs writes at once (the standard: 100 requests arriving together). The app's pool has 10 connections
 * and a write waits a limited time for one (lib/data/transaction.ts): on a busy 2-core machine some of 100
 * queued writes may give up waiting — how many depends on the machine's load, not on the code, so this
 * does not count them. Such a write did nothing (it never got a connection, or its transaction timed out
 * and rolled back) and may only fail that way; everything else must be a result, which the caller checks
 * (typically: exactly one winner, every other one refused).
 */
import { expect } from 'vitest';

export async function settleRace<T>(writes: readonly (() => Promise<T>)[]): Promise<T[]> {
  const settled = await Promise.allSettled(writes.map((write) => write()));
  for (const s of settled) if (s.status === 'rejected') expect(String(s.reason?.message ?? s.reason)).toMatch(/timeout|connect|given time/i);
  return settled.filter((s): s is PromiseFulfilledResult<Awaited<T>> => s.status === 'fulfilled').map((s) => s.value);
}
