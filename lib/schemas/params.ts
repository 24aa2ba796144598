/**
 * The one parser of what a request names: a record id, a plan slug, a plan year. Route params
 * (/plans/[slug]/entry/[year], /admin/users/[id] …), query strings (?year=) and action inputs (a hidden
 * `id` field) all go through these, so a value the database cannot hold (an id beyond int4) or a year
 * outside the plan is refused here, never by PostgreSQL.
 */
import { z } from 'zod';
import { yearRange } from '@/lib/progress';

/** PostgreSQL `integer` (int4), the type of every id and version column. */
export const INT4_MAX = 2_147_483_647;

/**
 * A record id (or row version): a whole number 1 … 2147483647, given as a number or as decimal digits
 * (a form field, a route segment). Anything else — 2147483648, 1e3, 0x10, "", "1.0" — is refused with
 * `message` (a key of the form's message namespace, or a sentence).
 */
export function int4IdSchema(message = 'idInvalid') {
  return z
    .union([z.number(), z.string().trim().regex(/^\d{1,10}$/, message).transform(Number)], { error: message })
    .pipe(z.number().int(message).min(1, message).max(INT4_MAX, message));
}

/** The id schema of every id and version parameter. */
export const idSchema = int4IdSchema();

/** The id a request names, or null when it names none. */
export function parseId(raw: unknown): number | null {
  const parsed = idSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

/** A plan slug: lower-case letters and digits in hyphen-separated words, e.g. luquan-2026-2030. */
export const planSlugSchema = z
  .string()
  .trim()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, '标识只能由小写字母、数字和连字符组成，例如 luquan-2026-2030')
  .max(60, '标识最多60个字符');

/** The slug a request names, or null when it cannot name a plan. */
export function parseSlug(raw: unknown): string | null {
  const parsed = planSlugSchema.safeParse(raw);
  return parsed.success && parsed.data === raw ? parsed.data : null;
}

/** The plan period, first…last year; the years a figure, an entry page or a report may be about. */
export interface PlanPeriod {
  firstYear: number;
  lastYear: number;
}

/** The plan years, firstYear … lastYear, in order. */
export function planYears(plan: PlanPeriod): number[] {
  return yearRange(plan.firstYear, plan.lastYear);
}

/** A year of the plan's own period, given as four digits (route segment, ?year=). */
export function planYearSchema(plan: PlanPeriod) {
  const message = `年份须为 ${plan.firstYear}–${plan.lastYear} 年之间的整数。`;
  return z
    .string({ error: `请指定年份（year），须为 ${plan.firstYear}–${plan.lastYear} 年之间的整数。` })
    .trim()
    .regex(/^\d{4}$/, message)
    .transform(Number)
    .pipe(z.number().int().min(plan.firstYear, message).max(plan.lastYear, message));
}

/** The plan year a request names, or null when it is malformed or outside the plan period. */
export function parseYear(raw: unknown, plan: PlanPeriod): number | null {
  const parsed = planYearSchema(plan).safeParse(raw);
  return parsed.success ? parsed.data : null;
}

/** One value of a search param (?a=1&a=2 → '1'). */
export function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export type SearchParams = Record<string, string | string[] | undefined>;

/** The statuses the review queue lists and filters by (待审核, 已退回, 已通过). */
export const REVIEW_STATUSES = ['submitted', 'returned', 'approved'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/** The review queue's filters (/review?plan=&year=&unit=&status=); null = no filter on that field. */
export interface ReviewQuery {
  plan: string | null;
  year: number | null;
  /** an indicator's responsible unit (责任单位) */
  unit: string | null;
  /** null: every status ("all"); without the parameter: submitted */
  status: ReviewStatus | null;
}

const reviewStatusParam = z.enum([...REVIEW_STATUSES, 'all']);

/**
 * The review queue's filters from its query string. A value that cannot name anything (a malformed slug
 * or year, an unknown status, an overlong unit) is dropped — the queue then shows more, never an error.
 */
export function parseReviewQuery(search: SearchParams): ReviewQuery {
  const status = reviewStatusParam.safeParse(single(search.status));
  const year = z.string().regex(/^\d{4}$/).transform(Number).safeParse(single(search.year));
  const unit = z.string().trim().min(1).max(100).safeParse(single(search.unit));
  return {
    plan: parseSlug(single(search.plan)),
    year: year.success ? year.data : null,
    unit: unit.success ? unit.data : null,
    status: !status.success ? 'submitted' : status.data === 'all' ? null : status.data,
  };
}
