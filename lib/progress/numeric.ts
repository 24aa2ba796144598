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
