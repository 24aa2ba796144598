import { describe, expect, it } from 'vitest';
import { completionText } from '@/lib/i18n/progress-text';

describe('completionText: one wording of 完成率 for every page', () => {
  it.each([
    ['zh-CN', { status: 'noData', completion: null }, '暂无数据'],
    ['en', { status: 'noData', completion: null }, 'No data'],
    ['zh-CN', { status: 'noTarget', completion: null }, '—'],
    ['zh-CN', { status: 'ahead', completion: 0.672 }, '67.2%'],
  ] as const)('%s %o → %s', (locale, assessment, want) => {
    expect(completionText(locale, assessment)).toBe(want);
  });
});
