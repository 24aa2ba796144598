/** Fields that travel with a yearly figure, shared by the entry form, server actions and the Excel importer. */
import { z } from 'zod';

export const FIGURE_QUALITIES = ['preliminary', 'final'] as const;
export const QUALITY_LABELS_ZH = { preliminary: '初步', final: '正式' } as const;
export const COMMON_SOURCES = ['统计年鉴', '科技统计快报', '部门报送'] as const;

export const figureSourceSchema = z
  .string()
  .trim()
  .max(100, '来源最多100个字')
  .transform((s) => (s === '' ? null : s))
  .nullable();

export const figureNoteSchema = z
  .string()
  .trim()
  .max(500, '备注最多500个字')
  .transform((s) => (s === '' ? null : s))
  .nullable();

export const figureQualitySchema = z.enum(FIGURE_QUALITIES, { error: '请选择初步或正式' }).nullable();

/** "初步"/"正式" as typed in Excel, or the codes themselves. */
export function parseQuality(raw: string | null): (typeof FIGURE_QUALITIES)[number] | null | 'invalid' {
  const text = (raw ?? '').trim();
  if (text === '') return null;
  for (const quality of FIGURE_QUALITIES) if (text === quality || text === QUALITY_LABELS_ZH[quality]) return quality;
  return 'invalid';
}
