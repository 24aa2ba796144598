/**
 * Display formatting in one place (pages, exports and summaries import these): zh-CN digits with
 * thousands separators, '—' for a missing or non-finite value. Rounding happens only here.
 */
export const MISSING = '—';

const cache = new Map<string, Intl.NumberFormat>();

function formatter(decimals: number, signed: boolean): Intl.NumberFormat {
  const d = Math.min(20, Math.max(0, Math.trunc(decimals) || 0));
  const key = `${d}:${signed}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: d, maximumFractionDigits: d, signDisplay: signed ? 'exceptZero' : 'auto' });
    cache.set(key, f);
  }
  return f;
}

/** 1234.5 → '1,234.50' (decimals 2). A value that rounds to zero prints without a minus sign. */
export function formatNumber(value: number | null | undefined, decimals: number): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return MISSING;
  return formatter(decimals, false).format(value).replace(/^-(?=0(\.0*)?$)/, '');
}

/** A ratio as a percentage: 0.157 → '15.7%'. */
export function formatPercent(ratio: number | null | undefined, decimals = 1): string {
  const s = formatNumber(ratio === null || ratio === undefined ? null : ratio * 100, decimals);
  return s === MISSING ? s : `${s}%`;
}

/** A change with its sign: '+1.20', '-0.50', '0.00'; `suffix` e.g. '个百分点' or '%'. */
export function formatSignedChange(value: number | null | undefined, decimals: number, suffix = ''): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return MISSING;
  return `${formatter(decimals, true).format(value)}${suffix}`;
}
