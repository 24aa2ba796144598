import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { figureValueSchema, parseFigure, type FigureRules } from '@/lib/schemas/figure-value';

const count: FigureRules = { kind: 'cumulative', decimals: 0 };
const amount: FigureRules = { kind: 'cumulative', decimals: 2 };
const share: FigureRules = { kind: 'share', decimals: 2 };
const growth: FigureRules = { kind: 'growthRate', decimals: 2 };

describe('parseFigure', () => {
  it.each([
    ['1200', count, '1200', 1200],
    [' 1200 ', count, '1200', 1200],
    ['1,200', count, '1200', 1200],
    ['1，200', count, '1200', 1200],
    ['１２００', count, '1200', 1200],
    ['13.31', amount, '13.31', 13.31],
    ['１３．３１', amount, '13.31', 13.31],
    ['0', count, '0', 0],
    ['007', count, '7', 7],
    ['+8.45', amount, '8.45', 8.45],
    ['100', share, '100', 100],
    ['-5.5', growth, '-5.5', -5.5],
    ['－5.5', growth, '-5.5', -5.5],
    [12, growth, '12', 12],
  ] as const)('accepts %j', (input, rules, text, value) => {
    expect(parseFigure(input, rules)).toEqual({ ok: true, text, value });
  });

  it.each([
    ['', count, '请填写数值'],
    [null, count, '请填写数值'],
    ['abc', count, '请输入数字，例如 1200 或 13.31'],
    ['12a', count, '请输入数字，例如 1200 或 13.31'],
    ['1.5', count, '请输入整数'],
    ['13.314', amount, '最多保留2位小数'],
    ['-1', count, '须为不小于 0 的整数'],
    ['-0.5', amount, '须为不小于 0 的数'],
    ['100.01', share, '比例须在 0 到 100 之间'],
    ['-100', growth, '增长率须大于 -100%'],
    ['1e5', count, '请直接输入数字，不要使用科学计数法'],
    ['12,00', count, '千位分隔符位置不正确，请直接输入数字，例如 1200'],
    ['1,2,3', count, '千位分隔符位置不正确，请直接输入数字，例如 1200'],
    ['9999999999999', count, '数值过大，请检查单位'],
    [Number.NaN, count, '请输入数字，例如 1200 或 13.31'],
    [Number.POSITIVE_INFINITY, count, '请输入数字，例如 1200 或 13.31'],
    ['#VALUE!', count, '请输入数字，例如 1200 或 13.31'],
    ['1.2.3', amount, '请输入数字，例如 1200 或 13.31'],
  ] as const)('refuses %j with a Chinese message', (input, rules, message) => {
    expect(parseFigure(input, rules)).toMatchObject({ ok: false, message });
  });

  it('never throws and always answers with a value or a message, for any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), fc.constantFrom(count, amount, share, growth), (input, rules) => {
        const parsed = parseFigure(input, rules);
        if (parsed.ok) {
          expect(Number.isFinite(parsed.value)).toBe(true);
          expect(Number(parsed.text)).toBe(parsed.value);
        } else {
          expect(parsed.message).toMatch(/[\u4e00-\u9fff]/);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('round-trips every valid decimal exactly, under each kind’s bounds', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 2 }), (units, decimals) => {
        const text = decimals === 0 ? String(units) : `${Math.floor(units / 10 ** decimals)}.${String(units % 10 ** decimals).padStart(decimals, '0')}`;
        const parsed = parseFigure(text, { kind: 'cumulative', decimals: 2 });
        expect(parsed).toEqual({ ok: true, text: text.replace(/^0+(?=\d)/, ''), value: Number(text) });
      }),
    );
  });

  it('accepts huge, tiny and signed numbers only within the rules', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true }), (value) => {
        const parsed = parseFigure(String(value), share);
        if (parsed.ok) expect(parsed.value >= 0 && parsed.value <= 100).toBe(true);
      }),
    );
  });
});

describe('figureValueSchema', () => {
  it('parses to canonical decimal text or reports the rule', () => {
    expect(figureValueSchema(count).safeParse('1,200')).toEqual({ success: true, data: '1200' });
    const refused = figureValueSchema(count).safeParse('1.5');
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.message).toBe('请输入整数');
  });
});
