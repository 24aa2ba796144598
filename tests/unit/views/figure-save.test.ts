// The figure save's planner (lib/views/figure-save): from a year's entry rows, what was typed and the
// button pressed → each row's errors and warnings, the figures to write and the drafts to submit.
import { describe, expect, it } from 'vitest';
import type { Figure, PlanDetail } from '@/lib/data/types';
import type { TypedEntryRow } from '@/lib/schemas/figure-entry';
import { entryRows } from '@/lib/views/entry-sheet';
import { planFigureSave, type EntryIntent, type FigureSavePlan } from '@/lib/views/figure-save';
import { samplePlan } from '../export/sample-plan';

// 表1 indicators 1–3: growth rates in % with 2 decimals; indicator 1's planned rate is 12 (a warning above 36).
const plan: PlanDetail = { ...samplePlan(), indicators: samplePlan().indicators.slice(0, 3) };
const figure = (indicatorId: number, year: number, status: Figure['status'], extra: Partial<Figure> = {}): Figure => ({
  id: indicatorId * 100 + year - 2000, indicatorId, year, value: 10, status, quality: null, source: null, note: null, version: 1, reviewNote: null,
  updatedByName: '张三', isSample: false, updatedAt: '2026-01-01T00:00:00.000Z', ...extra,
});
const figures = [
  figure(1, 2023, 'approved'),
  figure(2, 2024, 'draft', { value: 10, source: '统计年鉴', quality: 'final', version: 3 }),
  figure(3, 2024, 'approved'),
];
const rows = entryRows(plan, figures, 2024);
const row = (typed: Partial<TypedEntryRow>): TypedEntryRow => ({ value: '', source: '', quality: '', note: '', version: '', ...typed });
// what the form shows for indicator 2 (its stored draft), unchanged
const STORED_2 = row({ value: '10', source: '统计年鉴', quality: 'final', version: '3' });

interface Case {
  name: string;
  typed: Record<number, TypedEntryRow>;
  intent?: EntryIntent;
  mayEnter?: (indicatorId: number) => boolean;
  rowErrors?: FigureSavePlan['rowErrors'];
  /** indicator id → warning codes */
  warnings?: Record<number, string[]>;
  changes?: Partial<FigureSavePlan['changes'][number]>[];
  /** ids of the stored figures submitted unchanged */
  toSubmit?: number[];
}

const CASES: Case[] = [
  { name: 'nothing on the form: nothing to do', typed: {} },
  { name: 'a blank row with no stored figure saves nothing', typed: { 1: row({}) } },
  { name: 'a blank value with a source typed is required', typed: { 1: row({ source: '统计年鉴' }) }, rowErrors: { 1: { value: { code: 'required' } } } },
  { name: 'a value that is no number', typed: { 1: row({ value: 'abc' }) }, rowErrors: { 1: { value: { code: 'invalidNumber' } } } },
  { name: 'too many decimals names the allowed number', typed: { 1: row({ value: '1.234' }) }, rowErrors: { 1: { value: { code: 'tooManyDecimals', decimals: 2 } } } },
  {
    name: 'a source over 100 characters, a bad 初步/正式 and a note over 500 are each flagged with the value’s error',
    typed: { 1: row({ value: 'x', source: '长'.repeat(101), quality: 'maybe', note: '长'.repeat(501) }) },
    rowErrors: { 1: { value: { code: 'invalidNumber' }, source: true, quality: true, note: true } },
  },
  {
    name: 'a new value is written as a draft, fields parsed, with the version the person saw',
    typed: { 1: row({ value: ' 8.5 ', source: ' 统计年鉴 ', quality: 'preliminary', version: '0' }) },
    changes: [{ indicatorId: 1, value: '8.5', source: '统计年鉴', quality: 'preliminary', note: null, baseVersion: 0, submit: false }],
  },
  {
    name: 'submit: the year’s changes are submitted with the save',
    typed: { 1: row({ value: '8' }) },
    intent: 'submit',
    changes: [{ indicatorId: 1, value: '8', submit: true }],
  },
  {
    name: 'a value far beyond the planned rate warns (the action asks for 我已核实)',
    typed: { 1: row({ value: '40' }) },
    warnings: { 1: ['bigChange', 'farBeyondTarget'] },
    changes: [{ indicatorId: 1, value: '40' }],
  },
  { name: 'an unchanged draft is left alone when saving drafts', typed: { 2: STORED_2 } },
  { name: 'an unchanged draft is submitted as it is with 提交', typed: { 2: STORED_2 }, intent: 'submit', toSubmit: [figure(2, 2024, 'draft').id] },
  { name: 'submit:<id> submits only that row', typed: { 1: row({ value: '8' }), 2: STORED_2 }, intent: 'submit:1', changes: [{ indicatorId: 1, submit: true }] },
  {
    name: 'a changed source alone is a change (version from the form)',
    typed: { 2: { ...STORED_2, source: '部门报送' } },
    changes: [{ indicatorId: 2, value: '10', source: '部门报送', quality: 'final', baseVersion: 3, submit: false }],
  },
  { name: 'an approved figure is never touched', typed: { 3: row({ value: '99' }) } },
  { name: 'an indicator the person may not enter is skipped', typed: { 1: row({ value: '8' }) }, mayEnter: (id) => id !== 1 },
  {
    name: 'errors and changes of different rows come together (the action writes nothing while any row has errors)',
    typed: { 1: row({ value: 'abc' }), 2: { ...STORED_2, value: '11' } },
    rowErrors: { 1: { value: { code: 'invalidNumber' } } },
    changes: [{ indicatorId: 2, value: '11' }],
  },
];

describe('planFigureSave', () => {
  it.each(CASES)('$name', (c) => {
    const result = planFigureSave(plan, rows, new Map(Object.entries(c.typed).map(([id, t]) => [Number(id), t])), c.intent ?? 'draft', c.mayEnter ?? (() => true));
    expect(result.rowErrors).toEqual(c.rowErrors ?? {});
    expect(Object.fromEntries(Object.entries(result.warnings).map(([id, ws]) => [id, ws.map((w) => w.code)]))).toEqual(c.warnings ?? {});
    expect(result.changes).toHaveLength(c.changes?.length ?? 0);
    (c.changes ?? []).forEach((change, i) => expect(result.changes[i]).toMatchObject(change));
    expect(result.toSubmit.map((f) => f.id)).toEqual(c.toSubmit ?? []);
  });
});
