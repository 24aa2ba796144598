/** Fields that travel with a yearly figure, shared by the entry form, server actions and the Excel importer. */
import { z } from 'zod';
import { idSchema } from './params';

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

/** The fields of one indicator's row in the entry form: value.<id>, source.<id>, quality.<id>, note.<id>, version.<id>. */
export const ENTRY_FIELDS = ['value', 'source', 'quality', 'note', 'version'] as const;
export type EntryField = (typeof ENTRY_FIELDS)[number];
export type TypedEntryRow = Record<EntryField, string>;

export function entryFieldName(field: EntryField, indicatorId: number): string {
  return `${field}.${indicatorId}`;
}

export const entryIntentSchema = z.union([z.literal('draft'), z.literal('submit'), z.custom<`submit:${number}`>((v) => typeof v === 'string' && /^submit:\d+$/.test(v))]);
/** The answer to a figure for a year outside the plan period — the entry page's (review.refused.outsidePlan), the importers'. */
export const OUTSIDE_PLAN_YEAR_MESSAGE = '年份不在规划期内。';

export const planYearSchema = z.object({
  planSlug: z.string().min(1).max(60),
  year: z.coerce.number().int().min(2000).max(2100),
});
/** The entry form of a plan year: which year, and which button (save drafts, submit the year, submit one figure). */
export const yearFiguresFormSchema = planYearSchema.extend({ intent: entryIntentSchema });
/** The grid view's form: the plan it saves figures of. */
export const gridFormSchema = z.object({ planSlug: z.string() });
export const reviewSchema = z
  .object({
    id: idSchema,
    version: idSchema,
    decision: z.enum(['approve', 'return']),
    reason: z.string().trim().max(500, 'reasonTooLong').default(''),
  })
  .refine((r) => r.decision === 'approve' || r.reason !== '', { path: ['reason'], message: 'reasonRequired' });
export const unlockSchema = z.object({
  id: idSchema,
  version: idSchema,
  reason: z.string().trim().min(1, 'reasonRequired').max(500, 'reasonTooLong'),
});

/** A cell of the grid view (indicators × plan years): value.<id>.<year>, version.<id>.<year>, confirm.<id>.<year>. */
export function gridFieldName(field: 'value' | 'version' | 'confirm', indicatorId: number, year: number): string {
  return `${field}.${indicatorId}.${year}`;
}
