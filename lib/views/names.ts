/**
 * Indicator and category names in the reader's language. English mode shows the English name an admin
 * entered (Indicator.nameEn/unitEn, Category.nameEn); without one it shows the Chinese name as a whole —
 * name and unit together, in Chinese brackets — never an English unit glued to a Chinese name.
 */
import type { CategoryInfo, IndicatorDefinition } from '@/lib/data/types';

type Named = Pick<IndicatorDefinition, 'name' | 'unit' | 'nameEn' | 'unitEn'>;

export interface IndicatorLabel {
  name: string;
  unit: string;
  /** 名称（单位） or "Name (unit)" */
  nameWithUnit: string;
  /** the English name is shown (English mode and one was entered) */
  english: boolean;
  /** the language of the name as shown, for the lang attribute */
  lang: 'en' | 'zh-CN';
}

// Chinese characters (and CJK punctuation): a unit with them cannot follow an English name.
const CJK = /[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/;

export function indicatorLabel(locale: string, indicator: Named): IndicatorLabel {
  const nameEn = indicator.nameEn?.trim();
  const unitEn = indicator.unitEn?.trim() || (CJK.test(indicator.unit) ? null : indicator.unit);
  if (locale === 'en' && nameEn && unitEn) {
    return { name: nameEn, unit: unitEn, nameWithUnit: `${nameEn} (${unitEn})`, english: true, lang: 'en' };
  }
  return { name: indicator.name, unit: indicator.unit, nameWithUnit: `${indicator.name}（${indicator.unit}）`, english: false, lang: 'zh-CN' };
}

/** The indicator's name alone in the reader's language (see indicatorLabel). */
export const indicatorName = (locale: string, indicator: Named) => indicatorLabel(locale, indicator).name;
/** The indicator's unit in the reader's language: English only together with the English name. */
export const indicatorUnit = (locale: string, indicator: Named) => indicatorLabel(locale, indicator).unit;

export function categoryName(locale: string, category: Pick<CategoryInfo, 'name' | 'nameEn'>): string {
  const nameEn = category.nameEn?.trim();
  return locale === 'en' && nameEn ? nameEn : category.name;
}

/** lang attribute for a name that may stay Chinese on an English page (screen readers then read it right). */
export const categoryLang = (locale: string, category: Pick<CategoryInfo, 'name' | 'nameEn'>) =>
  locale === 'en' && category.nameEn?.trim() ? 'en' : 'zh-CN';
