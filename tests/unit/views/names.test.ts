import { describe, expect, it } from 'vitest';
import { categoryName, indicatorLabel } from '@/lib/views/names';

const patents = { name: '每万人口发明专利拥有量', unit: '件', nameEn: null, unitEn: null };

describe('indicator and category names in the reader’s language', () => {
  it('Chinese mode always shows the Chinese name and unit', () => {
    expect(indicatorLabel('zh-CN', { ...patents, nameEn: 'Invention patents per 10,000 people', unitEn: 'patents' })).toMatchObject({
      name: '每万人口发明专利拥有量', unit: '件', nameWithUnit: '每万人口发明专利拥有量（件）', english: false,
    });
  });

  it('English mode shows the English name and unit where entered', () => {
    expect(indicatorLabel('en', { ...patents, nameEn: 'Invention patents per 10,000 people', unitEn: 'patents' })).toEqual({
      name: 'Invention patents per 10,000 people', unit: 'patents', nameWithUnit: 'Invention patents per 10,000 people (patents)', english: true, lang: 'en',
    });
  });

  it('keeps a language-neutral unit (%) with an English name that has no English unit', () => {
    expect(indicatorLabel('en', { name: '研发投入强度', unit: '%', nameEn: 'R&D intensity', unitEn: null }).nameWithUnit).toBe('R&D intensity (%)');
  });

  it('without an English name — or with a Chinese unit and no English unit — shows the Chinese name and unit as a whole', () => {
    expect(indicatorLabel('en', patents)).toMatchObject({ nameWithUnit: '每万人口发明专利拥有量（件）', english: false, lang: 'zh-CN' });
    // never “Invention patents (件)”: no English name glued to a Chinese unit
    expect(indicatorLabel('en', { ...patents, nameEn: 'Invention patents', unitEn: '  ' })).toMatchObject({ nameWithUnit: '每万人口发明专利拥有量（件）', english: false });
  });

  it('category names likewise', () => {
    expect(categoryName('en', { name: '创新投入', nameEn: 'Innovation input' })).toBe('Innovation input');
    expect(categoryName('en', { name: '创新投入', nameEn: null })).toBe('创新投入');
    expect(categoryName('zh-CN', { name: '创新投入', nameEn: 'Innovation input' })).toBe('创新投入');
  });
});
