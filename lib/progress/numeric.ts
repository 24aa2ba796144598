/** Small numeric helpers shared by the engine; they keep NaN/Infinity from leaving the module. */

/**
 * Slack for "at least" comparisons, relative to the compared bound (absolute below 1).
 * Why: 0.57 / 0.6 evaluates to 0.9499999999999999 and must still count as R = 0.95.
 * No meaningful plan figure lies within 1e-9 of a boundary, so this only absorbs binary rounding.
 */
export const EPS = 1e-9;

export function atLeast(value: number, bound: number): boolean {
  return value >= bound - EPS * Math.max(1, Math.abs(bound));
}

/** The value if it is a finite number, else null (overflow or an undefined quantity). */
export function finite(value: number | null | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/**
 * (v − v0) / (t − v0) without overflow: when a difference overflows (values near ±1.8e308)
 * both differences are halved first, which leaves the ratio unchanged.
 */
export function ratioOfDifferences(v: number, v0: number, t: number): number {
  let num = v - v0;
  let den = t - v0;
  if (!Number.isFinite(num) || !Number.isFinite(den)) {
    num = v / 2 - v0 / 2;
    den = t / 2 - v0 / 2;
  }
  return num / den;
}

/** Significant digits kept before rounding: a double holds 15 exactly, so binary noise (1.1200000000000003) is dropped. */
const SIGNIFICANT_DIGITS = 15;

/**
 * The value rounded to `decimals` places (0–20), half away from zero, on its decimal form rather than its
 * binary one: 10.499999999999998 (10.5 after a power and a product) → 11, 1.005 → 1.01, −2.5 → −3. Binary noise
 * beyond 15 significant digits is dropped first. Never returns −0; a non-finite value is returned as is.
 */
export function roundDecimal(value: number, decimals: number): number {
  if (!Number.isFinite(value)) return value;
  const d = Math.min(20, Math.max(0, Math.trunc(decimals) || 0));
  const abs = Math.abs(value);
  if (abs >= 2 ** 52) return value; // already a whole number (and trimming could overflow)
  const trimmed = Number(abs.toPrecision(SIGNIFICANT_DIGITS));
  const rounded = shiftDecimal(Math.round(shiftDecimal(trimmed, d)), -d);
  return (value < 0 ? -rounded : rounded) + 0;
}

/** x · 10^places, exactly on the decimal form (moves the decimal point of its shortest representation). */
function shiftDecimal(x: number, places: number): number {
  const [mantissa, exponent = '0'] = String(x).split('e');
  return Number(`${mantissa}e${Number(exponent) + places}`);
}
