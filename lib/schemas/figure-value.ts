/**
 * Parsing and validating a yearly figure as typed by a person or read from an Excel cell. The same
 * rules run in the browser (for the message beside the field) and on the server (for the write).
 *
 * Accepted: ASCII or full-width digits (１２３．４), an optional sign, a decimal point, thousands separators
 * in correct groups of three (1,200 or 1，200), surrounding spaces. Everything else is refused with a
 * Chinese message naming the rule.
 */
import { z } from 'zod';

export interface FigureRules {
  kind: 'growthRate' | 'cumulative' | 'share';
  /** most decimals allowed (the indicator's decimals shown); 0 = whole numbers */
  decimals: number;
}

export type ParsedFigure = { ok: true; value: number; text: string } | { ok: false; message: string };

/** The database keeps 14 integer digits (Decimal(20, 6)); real figures are far below. */
const MAX_ABS = 1e12;

function normalize(input: string): string {
  return input
    .normalize('NFKC') // full-width digits, ．, ，, －, ＋ → ASCII
    .replace(/[\s\u00a0]/g, '')
    .replace(/^\u2212/, '-'); // a typographic minus
}

const NUMBER = /^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/;

export function parseFigure(raw: string | number | null | undefined, rules: FigureRules): ParsedFigure {
  if (raw === null || raw === undefined) return { ok: false, message: '请填写数值' };
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return { ok: false, message: '请输入有效的数字' };
    raw = String(raw);
  }
  const text = normalize(raw);
  if (text === '') return { ok: false, message: '请填写数值' };
  if (/^[+-]?\d+(\.\d+)?e[+-]?\d+$/i.test(text)) return { ok: false, message: '请直接输入数字，不要使用科学计数法' };
  if (text.includes(',') && !NUMBER.test(text)) return { ok: false, message: '千位分隔符位置不正确，请直接输入数字，例如 1200' };
  if (!NUMBER.test(text)) return { ok: false, message: '请输入数字，例如 1200 或 13.31' };
  const plain = text.replace(/,/g, '').replace(/^\+/, '');
  const fraction = plain.split('.')[1] ?? '';
  if (fraction.length > rules.decimals) {
    return { ok: false, message: rules.decimals === 0 ? '请输入整数' : `最多保留${rules.decimals}位小数` };
  }
  const value = Number(plain);
  if (!Number.isFinite(value) || Math.abs(value) >= MAX_ABS) return { ok: false, message: '数值过大，请检查单位' };
  if (rules.kind === 'growthRate') {
    if (value <= -100) return { ok: false, message: '增长率须大于 -100%' };
  } else if (value < 0) {
    return { ok: false, message: rules.decimals === 0 ? '须为不小于 0 的整数' : '须为不小于 0 的数' };
  }
  if (rules.kind === 'share' && value > 100) return { ok: false, message: '比例须在 0 到 100 之间' };
  // Canonical decimal text for the database (no float round trip): "1,200.50" → "1200.50"
  const canonical = plain.replace(/^(-?)0+(?=\d)/, '$1');
  return { ok: true, value: value === 0 ? 0 : value, text: canonical === '-0' ? '0' : canonical };
}

/** A zod schema for one figure's value under the indicator's rules; parses to the canonical decimal text. */
export function figureValueSchema(rules: FigureRules) {
  return z.union([z.string(), z.number()]).transform((input, ctx) => {
    const parsed = parseFigure(input, rules);
    if (!parsed.ok) {
      ctx.addIssue({ code: 'custom', message: parsed.message });
      return z.NEVER;
    }
    return parsed.text;
  });
}
