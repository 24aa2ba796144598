/**
 * 责任分解表 (responsibility matrix): every indicator of the plan's 表1 and every action of its 专栏 with
 * its 牵头单位 and 配合单位, as a TableReport so that the xlsx, docx and csv builders of the other report
 * tables lay it out (A4 landscape), and the page and print page show the same texts. Units are what an
 * admin entered; an empty one reads 未填写 — the plan text names none and nothing is invented here. Pure.
 */
import type { PlanDetail, TaskPlan } from '@/lib/data/types';
import { programmeHeading } from '@/lib/progress';
import { reportText, responsibilityText } from './labels';
import { GENERATED_AT, type ReportCell, type TableReport } from './report';

export type ResponsibilityColumnKey = 'programme' | 'number' | 'task' | 'lead' | 'cooperating';

export interface ResponsibilityRow {
  kind: 'indicator' | 'action';
  /** the indicator's or the action's id */
  id: number;
  /** rows the first cell (类别 or 专栏) spans on its group's first row; 0 below it */
  categoryRowSpan: number;
  /** the units as stored (null = 未填写) */
  leadUnit: string | null;
  cooperatingUnits: string | null;
  cells: Record<ResponsibilityColumnKey, ReportCell>;
}

export interface ResponsibilityTable extends TableReport {
  planSlug: string;
  columns: { key: ResponsibilityColumnKey; label: string; align: 'left' | 'center' | 'right' }[];
  rows: ResponsibilityRow[];
  /** how many indicators and actions, and how many of them still lack a lead unit */
  counts: { indicators: number; actions: number; indicatorsWithoutLead: number; actionsWithoutLead: number };
}

const text = (t: string): ReportCell => ({ text: t, value: null, marks: [] });
const withoutQuotes = (name: string) => name.replace(/["'“”‘’「」『』]/g, '');
/** A unit as stored, or 未填写 (empty text counts as not filled in). */
export const unitOrMissing = (unit: string | null | undefined): string => (unit && unit.trim() ? unit.trim() : responsibilityText('missing'));

export function buildResponsibilityTable(
  plan: Pick<PlanDetail, 'slug' | 'name' | 'categories' | 'indicators'>,
  tasks: Pick<TaskPlan, 'programmes'>,
  options: { generatedAt: Date },
): ResponsibilityTable {
  const columns: ResponsibilityTable['columns'] = [
    { key: 'programme', label: responsibilityText('group'), align: 'center' },
    { key: 'number', label: responsibilityText('sequence'), align: 'center' },
    { key: 'task', label: responsibilityText('item'), align: 'left' },
    { key: 'lead', label: responsibilityText('lead'), align: 'left' },
    { key: 'cooperating', label: responsibilityText('cooperating'), align: 'left' },
  ];
  const rows: ResponsibilityRow[] = [];
  const categories = [...plan.categories].sort((a, b) => a.position - b.position);
  for (const category of categories) {
    const indicators = plan.indicators.filter((i) => i.category.id === category.id).sort((a, b) => a.sequence - b.sequence);
    indicators.forEach((indicator, index) => {
      rows.push({
        kind: 'indicator',
        id: indicator.id,
        categoryRowSpan: index === 0 ? indicators.length : 0,
        leadUnit: indicator.responsibleUnit,
        cooperatingUnits: indicator.cooperatingUnits,
        cells: {
          programme: text(responsibilityText('indicatorGroup', { category: category.name })),
          number: text(String(indicator.sequence)),
          task: text(`${indicator.name}（${indicator.unit}）`),
          lead: text(unitOrMissing(indicator.responsibleUnit)),
          cooperating: text(unitOrMissing(indicator.cooperatingUnits)),
        },
      });
    });
  }
  for (const programme of [...tasks.programmes].sort((a, b) => a.number - b.number)) {
    const heading = programmeHeading(programme);
    const actions = [...programme.actions].sort((a, b) => a.number - b.number);
    actions.forEach((action, index) => {
      rows.push({
        kind: 'action',
        id: action.id,
        categoryRowSpan: index === 0 ? actions.length : 0,
        leadUnit: action.leadUnit,
        cooperatingUnits: action.cooperatingUnits,
        cells: {
          programme: text(heading),
          number: text(String(action.number)),
          task: text(action.name),
          lead: text(unitOrMissing(action.leadUnit)),
          cooperating: text(unitOrMissing(action.cooperatingUnits)),
        },
      });
    });
  }
  const missing = (kind: ResponsibilityRow['kind']) => rows.filter((r) => r.kind === kind && !(r.leadUnit && r.leadUnit.trim())).length;
  const counts = {
    indicators: rows.filter((r) => r.kind === 'indicator').length,
    actions: rows.filter((r) => r.kind === 'action').length,
    indicatorsWithoutLead: missing('indicator'),
    actionsWithoutLead: missing('action'),
  };
  return {
    planSlug: plan.slug,
    planName: plan.name,
    title: responsibilityText('title', { plan: plan.name }),
    fileBaseName: responsibilityText('fileName', { plan: withoutQuotes(plan.name) }),
    sheetName: responsibilityText('sheetName'),
    columns,
    rows,
    counts,
    summary: responsibilityText('summary', counts),
    notes: [responsibilityText('noteMissing'), responsibilityText('noteSource')],
    dataStatus: responsibilityText('dataStatus'),
    sampleNotice: null,
    generatedAt: options.generatedAt.toISOString(),
    generatedAtText: reportText('generatedAt', { time: GENERATED_AT.format(options.generatedAt) }),
  };
}
