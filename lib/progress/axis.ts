/**
 * Value axes of the charts: "nice" ticks (1, 2 or 5 × 10ⁿ apart) that cover every plotted value, with
 * the number of decimals that tells each label apart. Counts get whole-number ticks only, so an axis
 * never reads 11, 12, 12, 13, 13 (fractional ticks rounded for display). Pure; the chart draws the
 * ticks it is given and formats them with `decimals`.
 */

export interface ValueAxis {
  /** [first tick, last tick]: the drawn range */
  domain: [number, number];
  /** evenly spaced, increasing, at least two */
  ticks: number[];
  /** decimals that print every tick exactly and every label differently */
  decimals: number;
}

export interface AxisOptions {
  /** whole-number ticks only (counts: 家, 件, 人 …) */
  integer?: boolean;
  /** at most this many ticks (default 6, at least 3: a range across zero may need three) */
  maxTicks?: number;
}

const STEPS = [1, 2, 5] as const;

/** Decimals a step of 1, 2 or 5 × 10ⁿ needs: 0 for n ≥ 0, −n otherwise. */
function decimalsOf(step: number): number {
  return Math.max(0, Math.ceil(-Math.log10(step) - 1e-9));
}

const roundTo = (v: number, decimals: number) => (decimals > 20 ? v : Number(v.toFixed(decimals)));

/**
 * The axis for a set of values (non-finite ones are ignored). A single value, or none, gets a range
 * around it (none: 0…1). The axis reaches from a tick at or below the smallest value to one at or above
 * the largest.
 */
export function niceAxis(values: readonly (number | null | undefined)[], options: AxisOptions = {}): ValueAxis {
  const integer = options.integer ?? false;
  const maxTicks = Math.max(3, Math.trunc(options.maxTicks ?? 6));
  const finiteValues = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  let lo = finiteValues.length > 0 ? Math.min(...finiteValues) : 0;
  let hi = finiteValues.length > 0 ? Math.max(...finiteValues) : 1;
  if (lo === hi) {
    const pad = Math.abs(lo) * 0.1 || 1;
    lo -= integer ? Math.max(1, pad) : pad;
    hi += integer ? Math.max(1, pad) : pad;
  }
  // Steps finer than 10⁻⁶, or than the values' own precision, would print equal labels: not below that.
  const raw = Math.max((hi - lo) / (maxTicks - 1), 1e-6, Math.max(Math.abs(lo), Math.abs(hi)) * 1e-12);
  let exponent = Math.floor(Math.log10(raw));
  if (integer) exponent = Math.max(0, exponent);
  // Try 1, 2, 5 × 10ⁿ upwards until the ticks covering [lo, hi] fit into maxTicks.
  for (let attempt = 0; attempt < 12; attempt += 1) {
    for (const m of STEPS) {
      const step = m * 10 ** exponent;
      if (step < raw) continue;
      const decimals = decimalsOf(step);
      // The slack absorbs binary noise (0.3 / 0.1 = 2.9999…); the printed tick must still cover the value.
      let first = Math.floor(lo / step + 1e-9);
      if (roundTo(first * step, decimals) > lo) first -= 1;
      let last = Math.ceil(hi / step - 1e-9);
      if (roundTo(last * step, decimals) < hi) last += 1;
      const count = last - first + 1;
      if (count > maxTicks || !Number.isFinite(count)) continue;
      const ticks = Array.from({ length: Math.max(2, count) }, (_, i) => roundTo((first + i) * step, decimals));
      return { domain: [ticks[0]!, ticks.at(-1)!], ticks, decimals };
    }
    exponent += 1;
  }
  // Unreachable for finite input; a plain two-tick axis as a last resort.
  return { domain: [lo, hi], ticks: [lo, hi], decimals: 0 };
}
