/**
 * The sign-off block (落款) printed under a plan's report — print page, Word, Excel: 填报单位（盖章）,
 * 负责人, 审核人, 填表人, 联系电话, 填报日期. Set per plan by an admin; a field left empty prints as a blank
 * line to be filled in by hand. One declaration of the fields and their labels.
 */
import { z } from 'zod';

export const SIGN_OFF_FIELDS = ['unit', 'head', 'reviewer', 'preparer', 'phone', 'date'] as const;
export type SignOffField = (typeof SIGN_OFF_FIELDS)[number];
export type SignOff = Record<SignOffField, string | null>;

export const SIGN_OFF_LABELS_ZH: Record<SignOffField, string> = {
  unit: '填报单位（盖章）',
  head: '负责人',
  reviewer: '审核人',
  preparer: '填表人',
  phone: '联系电话',
  date: '填报日期',
};

/** The same fields in an English report (English mode). */
export const SIGN_OFF_LABELS_EN: Record<SignOffField, string> = {
  unit: 'Reporting unit (seal)',
  head: 'Head',
  reviewer: 'Reviewed by',
  preparer: 'Prepared by',
  phone: 'Telephone',
  date: 'Date',
};

export const EMPTY_SIGN_OFF: SignOff = { unit: null, head: null, reviewer: null, preparer: null, phone: null, date: null };

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `最多 ${max} 个字`)
    .transform((v) => (v === '' ? null : v));

export const signOffSchema = z.object({
  unit: text(60),
  head: text(30),
  reviewer: text(30),
  preparer: text(30),
  phone: text(40).refine((v) => v === null || /^[0-9０-９+\-－()（）\s转]+$/.test(v), '电话只能包含数字、空格、+、-、括号和“转”'),
  date: text(30),
});
