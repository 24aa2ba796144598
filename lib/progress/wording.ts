/**
 * Signs and words of the changes the pages read out, decided once: how far from the target (还差 …,
 * 已超出目标 …), which way the average moved (年均增加 … / 年均减少 …), and how many decimals a small
 * change needs so it does not print as 0. The words themselves live in the message files; these
 * functions say which phrase applies and give the amount without a sign.
 */

/**
 * Decimals for showing `value`: the indicator's `decimals`, or more (at most `extra` more) when the
 * value is not zero but would print as zero: 0.4 家 at 0 decimals → 1 decimal ("0.4"), never "0".
 */
export function displayDecimals(value: number | null | undefined, decimals: number, extra = 3): number {
  const d = Math.max(0, Math.trunc(decimals) || 0);
  if (value === null || value === undefined || !Number.isFinite(value) || value === 0) return d;
  for (let more = d; more <= d + extra; more += 1) if (Math.abs(value) >= 0.5 * 10 ** -more) return more;
  return d + extra;
}

export type GapState = 'short' | 'exceeded' | 'reached';

export interface GapPhrase {
  /** short: 还差 amount; exceeded: 已超出目标 amount; reached: exactly on target */
  state: GapState;
  /** ≥ 0, in the indicator's unit (percentage points for shares) */
  amount: number;
  /** decimals to print amount with (displayDecimals) */
  decimals: number;
}

/**
 * The distance to the target, gap = T − V, in words: for an indicator where higher is better a positive
 * gap is still to go and a negative one is the excess; where lower is better the other way round.
 * Null when there is no gap (no figure or no target).
 */
export function describeGap(gap: number | null | undefined, decimals: number, direction: 'up' | 'down' = 'up'): GapPhrase | null {
  if (gap === null || gap === undefined || !Number.isFinite(gap)) return null;
  const toGo = direction === 'down' ? -gap : gap;
  const amount = Math.abs(gap);
  const shown = displayDecimals(amount, decimals);
  if (amount === 0) return { state: 'reached', amount: 0, decimals: shown };
  return { state: toGo > 0 ? 'short' : 'exceeded', amount, decimals: shown };
}

export type ChangeTrend = 'increase' | 'decrease' | 'flat';

export interface ChangePhrase {
  /** increase: 增加 amount; decrease: 减少 amount; flat: no change */
  trend: ChangeTrend;
  /** ≥ 0 */
  amount: number;
  decimals: number;
}

/** A change (e.g. the average yearly change) as its direction and unsigned amount; null when undefined. */
export function describeChange(value: number | null | undefined, decimals: number): ChangePhrase | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  const amount = Math.abs(value);
  return { trend: value > 0 ? 'increase' : value < 0 ? 'decrease' : 'flat', amount, decimals: displayDecimals(amount, decimals) };
}
