/**
 * At most MAX_CONCURRENT_IMPORTS Excel imports are parsed at once per process: a few large uploads in
 * parallel must not take the memory and the CPU every page needs. A further import is answered at once
 * with 'busy' (the user tries again), never queued behind the others.
 */
export const MAX_CONCURRENT_IMPORTS = 2;

let active = 0;

export async function withImportSlot<T>(work: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; busy: true }> {
  if (active >= MAX_CONCURRENT_IMPORTS) return { ok: false, busy: true };
  active += 1;
  try {
    return { ok: true, value: await work() };
  } finally {
    active -= 1;
  }
}

export const IMPORT_BUSY_MESSAGE = '服务器正在处理其他导入，请稍后再试。';
