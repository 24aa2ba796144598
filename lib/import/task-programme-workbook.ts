/**
 * A new plan's key tasks (专栏 and their numbered actions, with the quantified targets) from an .xlsx: the
 * template has a sheet 重点任务 (专栏 / 专栏标题 / 序号 / 任务名称 / 任务内容, one action a row) and a sheet
 * 量化目标 (专栏 / 序号 / 目标原文 / 对象 / 单位 / 类型 / 下限 / 上限 / 限定词 / 截止年份, one target a row,
 * naming its action by 专栏 and 序号). The reader returns every programme or every error, named by row — the
 * write that follows is all or nothing. Nothing is invented: a blank 专栏标题 stays missing (专栏N（标题缺失）).
 * Bounded like every importer (lib/import/bounded-workbook.ts).
 */
import ExcelJS from 'exceljs';
import type { TaskTargetKind } from '@/lib/progress';
import { limitMessage, readBoundedWorkbook, type SheetValues } from './bounded-workbook';
import type { ImportedTaskProgramme } from '@/lib/data/types';

export const PROGRAMME_SHEET = '重点任务';
export const TARGET_SHEET = '量化目标';
export const PROGRAMME_COLUMNS = ['专栏', '专栏标题', '序号', '任务名称', '任务内容'] as const;
export const TARGET_COLUMNS = ['专栏', '序号', '目标原文', '对象', '单位', '类型', '下限', '上限', '限定词', '截止年份'] as const;
export const TASK_PROGRAMME_MAX_ROWS = 1000;
const KIND_BY_LABEL: Record<string, TaskTargetKind> = { 每年: 'perYear', 累计: 'cumulative', 期末达到: 'levelAt' };

export type TaskProgrammeReading = { ok: true; programmes: ImportedTaskProgramme[] } | { ok: false; errors: { sheet: string | null; row: number; message: string }[] };

export async function buildTaskProgrammeTemplate(planName: string): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '科技创新规划指标监测平台';
  const add = (name: string, columns: readonly string[], widths: number[], note: string) => {
    const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 2 }] });
    sheet.columns = widths.map((width) => ({ width }));
    sheet.mergeCells(1, 1, 1, columns.length);
    sheet.getCell(1, 1).value = note;
    sheet.getCell(1, 1).alignment = { wrapText: true, vertical: 'top' };
    sheet.getRow(1).height = 48;
    columns.forEach((title, i) => {
      const cell = sheet.getCell(2, i + 1);
      cell.value = title;
      cell.font = { bold: true };
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F2' } };
    });
  };
  add(PROGRAMME_SHEET, PROGRAMME_COLUMNS, [6, 24, 6, 30, 80], `${planName} 重点任务：每行一项任务。专栏、序号为整数（按规划文本编号）；专栏标题只在该专栏的第一行填写，规划未写明的留空；任务名称和任务内容照录规划原文。`);
  add(TARGET_SHEET, TARGET_COLUMNS, [6, 6, 40, 20, 6, 10, 8, 8, 8, 10], '量化目标：每行一项，用专栏和序号指明所属任务。类型填“每年”“累计”或“期末达到”；区间目标填下限和上限，单一数值只填下限；限定词可填“左右”或“以上”；截止年份如 2030，没有则留空。');
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

function text(value: ExcelJS.CellValue): string | null {
  let v = value as unknown;
  if (v && typeof v === 'object' && 'formula' in v) v = (v as { result?: unknown }).result ?? null;
  if (v === null || v === undefined) return null;
  if (typeof v === 'object' && 'richText' in v) v = (v as { richText: { text: string }[] }).richText.map((p) => p.text).join('');
  if (typeof v === 'object' && v !== null && 'text' in v) v = (v as { text: unknown }).text;
  if (typeof v !== 'string' && typeof v !== 'number') return null;
  const s = String(v).trim();
  return s === '' ? null : s;
}

const integer = (s: string | null) => (s !== null && /^\d{1,4}$/.test(s) ? Number(s) : null);
const decimal = (s: string | null) => (s !== null && /^\d{1,14}(\.\d{1,6})?$/.test(s) ? s : null);

function headerMatches(sheet: SheetValues, columns: readonly string[]): boolean {
  return columns.every((c, i) => text(sheet.value(2, i + 1)) === c);
}

export async function readTaskProgrammeWorkbook(bytes: ArrayBuffer | Uint8Array): Promise<TaskProgrammeReading> {
  const read = await readBoundedWorkbook(bytes, { maxRows: TASK_PROGRAMME_MAX_ROWS, maxColumns: 20, wantSheet: (n) => n === PROGRAMME_SHEET || n === TARGET_SHEET });
  if (!read.ok) return { ok: false, errors: [{ sheet: null, row: 0, message: read.problem === 'unreadable' ? '无法读取文件：请上传 .xlsx 格式的重点任务表' : limitMessage(read.problem, read.limit) }] };
  const actionsSheet = read.sheets.find((s) => s.name === PROGRAMME_SHEET);
  const targetsSheet = read.sheets.find((s) => s.name === TARGET_SHEET);
  if (!actionsSheet || !headerMatches(actionsSheet, PROGRAMME_COLUMNS)) return { ok: false, errors: [{ sheet: null, row: 0, message: `缺少“${PROGRAMME_SHEET}”工作表，或其第 2 行不是：${PROGRAMME_COLUMNS.join('、')}` }] };
  if (targetsSheet && !headerMatches(targetsSheet, TARGET_COLUMNS)) return { ok: false, errors: [{ sheet: TARGET_SHEET, row: 2, message: `第 2 行应为：${TARGET_COLUMNS.join('、')}` }] };

  const errors: { sheet: string | null; row: number; message: string }[] = [];
  const programmes = new Map<number, ImportedTaskProgramme>();
  for (let r = 3; r <= actionsSheet.rowCount; r++) {
    const [p, title, n, name, body] = [1, 2, 3, 4, 5].map((c) => text(actionsSheet.value(r, c)));
    if ([p, title, n, name, body].every((v) => v === null)) continue;
    const err = (message: string) => errors.push({ sheet: PROGRAMME_SHEET, row: r, message });
    const programme = integer(p ?? null);
    const number = integer(n ?? null);
    if (programme === null || programme < 1) err('专栏须为正整数');
    if (number === null || number < 1) err('序号须为正整数');
    if (!name) err('请填写任务名称');
    else if (name.length > 200) err('任务名称过长（上限 200 字）');
    if (!body) err('请填写任务内容');
    else if (body.length > 4000) err('任务内容过长（上限 4000 字）');
    if (title && title.length > 100) err('专栏标题过长（上限 100 字）');
    if (programme === null || number === null || !name || !body) continue;
    const entry = programmes.get(programme) ?? { number: programme, title: null, actions: [] };
    if (title) {
      if (entry.title !== null && entry.title !== title) err(`专栏${programme}的标题与前面的行不一致`);
      entry.title = title;
    }
    if (entry.actions.some((a) => a.number === number)) err(`专栏${programme}第${number}项重复`);
    else entry.actions.push({ number, name, text: body, targets: [] });
    programmes.set(programme, entry);
  }
  if (programmes.size === 0 && errors.length === 0) errors.push({ sheet: PROGRAMME_SHEET, row: 0, message: '表中没有任何任务' });

  for (let r = 3; targetsSheet && r <= targetsSheet.rowCount; r++) {
    const cells = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((c) => text(targetsSheet.value(r, c)));
    if (cells.every((v) => v === null)) continue;
    const [p, n, phrase, subject, unit, kindLabel, lowerText, upperText, qualifierText, deadlineText] = cells;
    const err = (message: string) => errors.push({ sheet: TARGET_SHEET, row: r, message });
    const action = programmes.get(integer(p ?? null) ?? -1)?.actions.find((a) => a.number === integer(n ?? null));
    if (!action) err('专栏和序号不是“重点任务”表中的任务');
    if (!phrase) err('请填写目标原文');
    if (!subject) err('请填写对象');
    if (!unit) err('请填写单位');
    const kind = kindLabel ? KIND_BY_LABEL[kindLabel] : undefined;
    if (!kind) err('类型须为“每年”“累计”或“期末达到”');
    const lower = decimal(lowerText ?? null);
    if (lower === null) err('下限须为不小于 0 的数');
    const upper = upperText ? decimal(upperText) : null;
    if (upperText && (upper === null || (lower !== null && Number(upper) < Number(lower)))) err('上限须为不小于下限的数，没有则留空');
    const qualifier = qualifierText === '左右' || qualifierText === '以上' ? qualifierText : null;
    if (qualifierText && !qualifier) err('限定词只能是“左右”或“以上”');
    const deadlineYear = deadlineText ? integer(deadlineText) : null;
    if (deadlineText && (deadlineYear === null || deadlineYear < 2000 || deadlineYear > 2100)) err('截止年份须为 2000 到 2100 的年份');
    if (action && phrase && subject && unit && kind && lower !== null && (!upperText || upper !== null) && (!qualifierText || qualifier) && (!deadlineText || deadlineYear !== null)) {
      action.targets.push({ phrase, subject, unit, kind, lower, upper, qualifier, deadlineYear });
    }
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, programmes: [...programmes.values()].sort((a, b) => a.number - b.number).map((p) => ({ ...p, actions: p.actions.sort((a, b) => a.number - b.number) })) };
}
