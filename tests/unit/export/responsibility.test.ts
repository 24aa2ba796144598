// 责任分解表: every indicator and every action with its lead and cooperating units, 未填写 where none is
// stored (never invented), laid out by the report tables' xlsx/docx/csv builders and read back.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildCsv } from '@/lib/export/csv';
import { buildDocx } from '@/lib/export/docx';
import { buildResponsibilityTable } from '@/lib/export/responsibility';
import { buildXlsx } from '@/lib/export/xlsx';
import type { TaskPlan } from '@/lib/data/types';
import { LUQUAN_2021_2025_PROGRAMMES } from '@/lib/plans/luquan-2021-2025-tasks';
import { parseCsv } from '@/tests/helpers/csv';
import { samplePlan } from './sample-plan';

const TASKS: Pick<TaskPlan, 'programmes'> = {
  programmes: LUQUAN_2021_2025_PROGRAMMES.map((p) => ({
    id: p.number,
    number: p.number,
    title: p.title,
    actions: p.actions.map((a) => ({
      id: p.number * 100 + a.number, programmeNumber: p.number, number: a.number, name: a.name, text: a.text,
      leadUnit: p.number === 2 && a.number === 1 ? '区科技局' : null,
      cooperatingUnits: p.number === 2 && a.number === 1 ? '区财政局、区发改局' : null,
      targets: [],
    })),
  })),
};

function table() {
  const plan = samplePlan();
  plan.indicators[0] = { ...plan.indicators[0]!, responsibleUnit: '区统计局', cooperatingUnits: '   ' };
  return buildResponsibilityTable(plan, TASKS, { generatedAt: new Date('2026-12-03T02:00:00Z') });
}

describe('buildResponsibilityTable', () => {
  it('lists the 16 indicators then the 36 actions, units as stored and 未填写 otherwise', () => {
    const t = table();
    expect(t.rows.filter((r) => r.kind === 'indicator')).toHaveLength(16);
    expect(t.rows.filter((r) => r.kind === 'action')).toHaveLength(36);
    expect(t.rows.findIndex((r) => r.kind === 'action')).toBe(16);
    const first = t.rows[0]!;
    expect(first.cells.lead.text).toBe('区统计局');
    expect(first.cells.cooperating.text).toBe('未填写'); // blank text is not a unit
    const action = t.rows.find((r) => r.kind === 'action' && r.id === 201)!;
    expect([action.cells.lead.text, action.cells.cooperating.text]).toEqual(['区科技局', '区财政局、区发改局']);
    expect(t.rows.filter((r) => r.cells.lead.text === '未填写')).toHaveLength(15 + 35);
    expect(t.counts).toEqual({ indicators: 16, actions: 36, indicatorsWithoutLead: 15, actionsWithoutLead: 35 });
    expect(t.summary).toContain('主要指标15项，重点任务35项');
  });

  it('merges the first column over each category and each 专栏, a lost heading kept as missing', () => {
    const t = table();
    const spans = t.rows.filter((r) => r.categoryRowSpan > 0);
    expect(spans.reduce((sum, r) => sum + r.categoryRowSpan, 0)).toBe(t.rows.length);
    expect(spans.filter((r) => r.kind === 'action').map((r) => r.cells.programme.text)).toContain('专栏1（标题缺失）');
    expect(t.rows[0]!.cells.programme.text).toMatch(/^主要指标·/);
  });

  it('reads back from the xlsx and csv, and builds a docx', async () => {
    const t = table();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await buildXlsx(t)) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('责任分解表')!;
    expect(sheet.getCell(1, 1).value).toBe(t.title);
    expect([1, 2, 3, 4, 5].map((c) => sheet.getCell(2, c).value)).toEqual(['类别', '序号', '指标或任务', '牵头单位', '配合单位']);
    expect(sheet.pageSetup.orientation).toBe('landscape');
    const rows = parseCsv(new TextDecoder().decode(await buildCsv(t)));
    const header = rows.findIndex((r) => r[0] === '类别');
    expect(rows[header + 1]!.slice(3, 5)).toEqual(['区统计局', '未填写']);
    expect(rows.some((r) => r[2] === TASKS.programmes[1]!.actions[0]!.name && r[3] === '区科技局')).toBe(true);
    const docx = await buildDocx(t);
    expect(docx.byteLength).toBeGreaterThan(5000);
  });
});
