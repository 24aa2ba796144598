// fast-check over every zod schema in lib/schemas/: arbitrary input never throws, and whatever a schema
// accepts satisfies the rule it states. Full-width digits, separators and signs are what people type.
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { ROLES } from '@/lib/auth/permissions';
import * as accounts from '@/lib/schemas/accounts';
import * as entry from '@/lib/schemas/figure-entry';
import { readEntryForm } from '@/app/_actions/entry-form';
import { figureValueSchema, parseFigure, type FigureRules } from '@/lib/schemas/figure-value';
import { dueDateSchema, indicatorFieldsSchema, planFieldsSchema, planSlugSchema as definitionSlugSchema } from '@/lib/schemas/plan';
import { exportFormatSchema, firstIssue, includeUnapprovedSchema, planSlugSchema, reportQuerySchema, reportYearSchema } from '@/lib/schemas/report';

const RUNS = 500;
// thousands of cases: generous per-test time on a busy 2-core machine (a limit, not a timing assertion)
vi.setConfig({ testTimeout: 600_000 });
const run = <T>(arbitrary: fc.Arbitrary<T>, property: (value: T) => void, numRuns = RUNS) => fc.assert(fc.property(arbitrary, property), { numRuns });

const FULL_WIDTH: Record<string, string> = { '.': '．', ',': '，', '-': '－', '+': '＋' };
const toFullWidth = (s: string) => s.replace(/[0-9.,+-]/g, (c) => FULL_WIDTH[c] ?? String.fromCharCode(c.charCodeAt(0) + 0xfee0));

/** Text people type into a number field: digits, both widths, separators, signs, spaces, letters. */
const typed = fc.oneof(
  fc.string(),
  fc.string({ unit: fc.constantFrom(...'0123456789０１２３４５６７８９.,，．-－+＋ e%−\u00a0'.split('')) }),
  fc.double({ noNaN: false }).map(String),
  fc.integer().map((n) => n.toLocaleString('en')),
);
const rules: fc.Arbitrary<FigureRules> = fc.record({ kind: fc.constantFrom('growthRate', 'cumulative', 'share'), decimals: fc.integer({ min: 0, max: 6 }) });
/** Anything a FormData field or a JSON body might carry. */
const loose = fc.oneof(fc.string(), fc.integer().map(String), fc.constant(''), fc.constant(null), fc.constant(undefined), fc.anything());

describe('figure values', () => {
  it('parseFigure never throws; an accepted figure is canonical decimal text within the indicator’s rules', () => {
    run(fc.tuple(fc.oneof(typed, fc.double(), fc.constant(null)), rules), ([raw, r]) => {
      const parsed = parseFigure(raw as string, r);
      if (!parsed.ok) {
        expect(parsed.message).toMatch(/[\u4e00-\u9fff]/);
        return;
      }
      expect(parsed.text).toMatch(/^-?\d+(\.\d+)?$/);
      expect(Number(parsed.text)).toBe(parsed.value);
      expect(parsed.text.split('.')[1]?.length ?? 0).toBeLessThanOrEqual(r.decimals);
      if (r.kind === 'growthRate') expect(parsed.value).toBeGreaterThan(-100);
      else expect(parsed.value).toBeGreaterThanOrEqual(0);
      if (r.kind === 'share') expect(parsed.value).toBeLessThanOrEqual(100);
    }, 2_000);
  });

  it('full-width digits, separators and signs read exactly like ASCII', () => {
    const numeric = fc.string({ unit: fc.constantFrom(...'0123456789.,-+'.split('')), minLength: 1, maxLength: 16 });
    run(fc.tuple(numeric, rules), ([text, r]) => {
      expect(parseFigure(toFullWidth(text), r)).toEqual(parseFigure(text, r));
    }, 1_000);
  });

  it('thousands separators in groups of three give the same figure as the plain number', () => {
    run(fc.tuple(fc.integer({ min: 0, max: 999_999_999 }), rules), ([n, r]) => {
      const grouped = n.toLocaleString('en');
      expect(parseFigure(grouped, r)).toEqual({ ...parseFigure(String(n), r) });
      expect(parseFigure(grouped.replaceAll(',', '，'), r)).toEqual(parseFigure(String(n), r));
    });
  });

  it('figureValueSchema accepts exactly what parseFigure accepts, as the same text', () => {
    run(fc.tuple(fc.oneof(typed, fc.anything()), rules), ([raw, r]) => {
      const result = figureValueSchema(r).safeParse(raw);
      const direct = typeof raw === 'string' || typeof raw === 'number' ? parseFigure(raw, r) : null;
      expect(result.success).toBe(direct?.ok ?? false);
      if (result.success && direct?.ok) expect(result.data).toBe(direct.text);
    });
  });
});

describe('figure entry fields', () => {
  it('source, note and quality: length limits, "" → null, only 初步/正式', () => {
    run(loose, (raw) => {
      const source = entry.figureSourceSchema.safeParse(raw);
      if (source.success) expect(source.data === null || (source.data.length > 0 && source.data.length <= 100 && source.data === source.data.trim())).toBe(true);
      const note = entry.figureNoteSchema.safeParse(raw);
      if (note.success) expect(note.data === null || (note.data.length <= 500 && note.data !== '')).toBe(true);
      const quality = entry.figureQualitySchema.safeParse(raw);
      if (quality.success) expect([null, 'preliminary', 'final']).toContain(quality.data);
      const parsed = entry.parseQuality(typeof raw === 'string' ? raw : null);
      expect([null, 'preliminary', 'final', 'invalid']).toContain(parsed);
    });
  });

  it('intent, plan year, review and unlock forms', () => {
    run(fc.record({ intent: loose, planSlug: loose, year: loose, id: loose, version: loose, decision: loose, reason: loose }), (input) => {
      const intent = entry.entryIntentSchema.safeParse(input.intent);
      if (intent.success) expect(intent.data).toMatch(/^(draft|submit|submit:\d+)$/);
      const planYear = entry.planYearSchema.safeParse(input);
      if (planYear.success) expect(Number.isInteger(planYear.data.year) && planYear.data.year >= 2000 && planYear.data.year <= 2100).toBe(true);
      const review = entry.reviewSchema.safeParse(input);
      if (review.success) {
        expect(review.data.id).toBeGreaterThan(0);
        expect(review.data.decision === 'approve' || review.data.reason !== '').toBe(true);
      }
      const unlock = entry.unlockSchema.safeParse(input);
      if (unlock.success) expect(unlock.data.reason.length).toBeGreaterThan(0);
    });
  });

  it('readEntryForm reads only the rows on the form, as strings', () => {
    run(fc.array(fc.tuple(fc.constantFrom(...entry.ENTRY_FIELDS), fc.integer({ min: 1, max: 20 }), fc.string()), { maxLength: 30 }), (fields) => {
      const form = new FormData();
      for (const [field, id, value] of fields) form.append(entry.entryFieldName(field, id), value);
      const rows = readEntryForm(form, Array.from({ length: 20 }, (_, i) => i + 1));
      for (const [id, row] of rows) {
        expect(form.has(entry.entryFieldName('value', id))).toBe(true);
        for (const field of entry.ENTRY_FIELDS) expect(typeof row[field]).toBe('string');
      }
    });
  });
});

describe('plan definitions', () => {
  const year = fc.oneof(fc.integer({ min: 1990, max: 2110 }).map(String), loose);
  it('planFieldsSchema: accepted plans have consecutive years and at most 15 years', () => {
    run(fc.record({ name: loose, shortName: loose, region: loose, baseYear: year, firstYear: year, lastYear: year, sourceDocument: loose }), (input) => {
      const result = planFieldsSchema.safeParse(input);
      if (!result.success) return;
      expect(result.data.firstYear).toBe(result.data.baseYear + 1);
      expect(result.data.lastYear).toBeGreaterThanOrEqual(result.data.firstYear);
      expect(result.data.lastYear - result.data.baseYear).toBeLessThanOrEqual(15);
    });
  });

  it('indicatorFieldsSchema: accepted indicators keep shares within 0–100 and decimals within 0–6', () => {
    const figure = fc.oneof(typed, fc.constantFrom('-', '—', ''), loose);
    run(
      fc.record({
        sequence: fc.oneof(fc.integer({ min: -5, max: 1200 }).map(String), loose),
        category: loose,
        name: loose,
        unit: loose,
        kind: fc.oneof(fc.constantFrom('growthRate', 'cumulative', 'share'), loose),
        baseline: figure,
        target: figure,
        annualRate: figure,
        cumulativeIncrease: figure,
        attribute: fc.oneof(fc.constantFrom('expected', 'binding'), loose),
        direction: fc.oneof(fc.constantFrom('up', 'down'), loose),
        decimals: fc.oneof(fc.integer({ min: -2, max: 9 }).map(String), loose),
        responsibleUnit: loose,
        contact: loose,
        definition: loose,
      }),
      (input) => {
        const result = indicatorFieldsSchema.safeParse(input);
        if (!result.success) return;
        const { kind, baseline, target, decimals, cumulativeIncrease } = result.data;
        expect(decimals >= 0 && decimals <= 6).toBe(true);
        if (kind === 'share') for (const v of [baseline, target]) if (v !== null) expect(Number(v) >= 0 && Number(v) <= 100).toBe(true);
        if (kind === 'growthRate') expect(cumulativeIncrease).toBeNull();
        for (const v of [baseline, target]) if (v !== null) expect(v).toMatch(/^-?\d+(\.\d+)?$/);
      },
    );
  });

  it('slugs and due dates', () => {
    run(fc.tuple(fc.oneof(fc.string(), fc.stringMatching(/^[a-z0-9-]{1,70}$/)), loose, fc.oneof(fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)), loose)), ([slug, y, date]) => {
      const definition = definitionSlugSchema.safeParse(slug);
      if (definition.success) expect(definition.data).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      const report = planSlugSchema.safeParse(slug);
      if (report.success) expect(report.data.length).toBeLessThanOrEqual(100);
      const due = dueDateSchema.safeParse({ year: y, dueDate: date });
      if (due.success) expect(Number.isNaN(Date.parse(due.data.dueDate))).toBe(false);
    });
  });
});

describe('report parameters', () => {
  const plan = { firstYear: 2021, lastYear: 2025 };
  it('year, includeUnapproved and format: only the plan’s years, only 1/0/true/false, only xlsx/docx/csv', () => {
    run(fc.record({ year: fc.oneof(fc.integer({ min: 1990, max: 2040 }).map(String), fc.string(), loose), includeUnapproved: loose, format: loose }), (input) => {
      const year = reportYearSchema(plan).safeParse(input.year);
      if (year.success) expect(year.data >= 2021 && year.data <= 2025).toBe(true);
      const include = includeUnapprovedSchema.safeParse(input.includeUnapproved);
      if (include.success) expect(typeof include.data).toBe('boolean');
      const query = reportQuerySchema(plan).safeParse(input);
      if (!query.success) expect(firstIssue(query.error)).toMatch(/[\u4e00-\u9fff]|\w/);
      const format = exportFormatSchema.safeParse(input.format);
      if (format.success) expect(['xlsx', 'docx', 'csv']).toContain(format.data);
    });
  });
});

describe('account forms', () => {
  it('sign-in, new user, access, password, disable and token forms', () => {
    const username = fc.oneof(fc.stringMatching(/^[a-zA-Z0-9_.]{1,32}$/), fc.string());
    run(
      fc.record({
        username,
        password: fc.oneof(fc.string({ maxLength: 300 }), loose),
        next: loose,
        name: loose,
        role: fc.oneof(fc.constantFrom(...ROLES), loose),
        userId: loose,
        scope: fc.oneof(fc.constantFrom('all', 'assigned'), loose),
        indicatorIds: fc.array(fc.oneof(fc.integer().map(String), fc.string()), { maxLength: 5 }),
        disabled: fc.oneof(fc.constantFrom('true', 'false'), loose),
        tokenId: loose,
      }),
      (input) => {
        expect(() => accounts.signInSchema.safeParse(input)).not.toThrow();
        const created = accounts.createUserSchema.safeParse(input);
        if (created.success) {
          expect(created.data.username).toMatch(accounts.USERNAME_REGEX);
          expect(created.data.password.length >= 8 && created.data.password.length <= 128).toBe(true);
          expect(ROLES).toContain(created.data.role);
        }
        const access = accounts.userAccessSchema.safeParse(input);
        if (access.success) for (const id of access.data.indicatorIds) expect(Number.isInteger(id) && id > 0).toBe(true);
        const reset = accounts.resetPasswordSchema.safeParse(input);
        if (reset.success) expect(reset.data.password.length).toBeGreaterThanOrEqual(8);
        const disabled = accounts.setDisabledSchema.safeParse(input);
        if (disabled.success) expect(typeof disabled.data.disabled).toBe('boolean');
        const token = accounts.issueTokenSchema.safeParse(input);
        if (token.success) expect(token.data.name.length >= 1 && token.data.name.length <= 60).toBe(true);
        const revoke = accounts.revokeTokenSchema.safeParse(input);
        if (revoke.success) expect(revoke.data.tokenId).toBeGreaterThan(0);
      },
    );
  });
});
