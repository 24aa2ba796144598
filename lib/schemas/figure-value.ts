/**
 * Parsing and validating a yearly figure as typed by a person or read from an Excel cell. The same
 * rules run in the browser (for the message beside the field) and on the server (for the write).
 *
 * Accepted: ASCII or full-width digits (１２３．４), an optional sign, a decimal point, thousands separators
 * in correct groups of three (1,200 or 1，200), surrounding spaces. Everything else is refused with a
 * Chinese message naming the rule.
 */
import { z } from 'zod';
import entryMessages from '@/messages/zh-CN/entry.json';
import type { IndicatorKind } from '@/lib/progress';

export interface FigureRules {
  kind: IndicatorKind;
  /** most decimals allowed (the indicator's decimals shown); 0 = whole numbers */
  decimals: number;
}

/** Why a figure was refused: a key for the UI's messages (entry.valueErrors.<code>), with the Chinese text for files and logs. */
export type FigureErrorCode =
  | 'required'
  | 'invalidNumber'
  | 'scientific'
  | 'badGrouping'
  | 'notWhole'
  | 'tooManyDecimals'
  | 'tooLarge'
  | 'growthTooLow'
  | 'negativeWhole'
  | 'negative'
  | 'shareRange';

export type ParsedFigure =
  | { ok: true; value: number; text: string }
  | { ok: false; code: FigureErrorCode; decimals?: number; message: string };

/** The Chinese texts are the UI's own (messages/zh-CN/entry.json, entry.valueErrors): one wording everywhere. */
const MESSAGES_ZH: Record<FigureErrorCode, string> = entryMessages.entry.valueErrors;

function refuse(code: FigureErrorCode, decimals?: number): ParsedFigure {
  return { ok: false, code, ...(decimals === undefined ? {} : { decimals }), message: MESSAGES_ZH[code].replace('{decimals}', String(decimals ?? 0)) };
}

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
  if (raw === null || raw === undefined) return refuse('required');
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return refuse('invalidNumber');
    raw = String(raw);
  }
  const text = normalize(raw);
  if (text === '') return refuse('required');
  if (/^[+-]?\d+(\.\d+)?e[+-]?\d+$/i.test(text)) return refuse('scientific');
  if (text.includes(',') && !NUMBER.test(text)) return refuse('badGrouping');
  if (!NUMBER.test(text)) return refuse('invalidNumber');
  const plain = text.replace(/,/g, '').replace(/^\+/, '');
  const fraction = plain.split('.')[1] ?? '';
  if (fraction.length > rules.decimals) {
    return rules.decimals === 0 ? refuse('notWhole') : refuse('tooManyDecimals', rules.decimals);
  }
  const value = Number(plain);
  if (!Number.isFinite(value) || Math.abs(value) >= MAX_ABS) return refuse('tooLarge');
  if (rules.kind === 'growthRate') {
    if (value <= -100) return refuse('growthTooLow');
  } else if (value < 0) {
    return refuse(rules.decimals === 0 ? 'negativeWhole' : 'negative');
  }
  if (rules.kind === 'share' && value > 100) return refuse('shareRange');
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
