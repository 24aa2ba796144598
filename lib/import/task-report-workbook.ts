/**
 * The key-task reporting template (.xlsx) of one period (上半年 / 全年 of a year) and its reader. The
 * template lists the actions the user may report, one row each, pre-filled with the period's report as
 * stored: 推进状态, 完成百分比, 进展情况, 存在问题, 下一步打算 and the achieved value of each quantified target.
 * Approved reports are locked (grey, under the sheet protection). Each row is the action's whole report for
 * the period: a row left entirely blank is not imported; a filled row needs 推进状态 and 进展情况. The reader
 * returns every valid row and every error at once, each error named by its action; what follows (preview,
 * confirm) is all or nothing. Bounded like every importer (lib/import/bounded-workbook.ts).
 */
import ExcelJS from 'exceljs';
import { TASK_HALF_LABELS_ZH, TASK_SCHEDULE_LABELS_ZH, type ReportedTaskStatus, type TaskHalf, type TaskReportState } from '@/lib/progress';
import { REPORTED_TASK_STATUSES, targetValueSchema } from '@/lib/schemas/task-report';
import { limitMessage, readBoundedWorkbook, type SheetValues } from './bounded-workbook';

export interface TaskTemplateTarget {
  id: number;
  /** e.g. 关键核心技术（项）: the target's subject and unit, shown above its value cell */
  label: string;
}

/** The target labels of the template: subject and unit, numbered when two targets of an action read the same. */
export function taskTemplateTargets(targets: readonly { id: number; subject: string; unit: string }[]): TaskTemplateTarget[] {
  return targets.map((t) => {
    const label = `${t.subject}（${t.unit}）`;
    const same = targets.filter((o) => `${o.subject}（${o.unit}）` === label);
    return { id: t.id, label: same.length > 1 ? `${label}${same.indexOf(t) + 1}` : label };
  });
}

export interface TaskTemplateAction {
  id: number;
  programme: number;
  number: number;
  name: string;
  targets: TaskTemplateTarget[];
  /** the period's report as stored (null: none yet) */
  current?: {
    status: ReportedTaskStatus;
    percent: number | null;
    progress: string;
    problems: string | null;
    nextSteps: string | null;
    state: TaskReportState;
    values: { targetId: number; value: number }[];
  } | null;
}

export interface TaskTemplateInput {
  planSlug: string;
  planName: string;
  year: number;
  half: TaskHalf;
  actions: TaskTemplateAction[];
}

/** A row the reader accepted: the action's whole report for the period as the file states it. */
export interface ImportedTaskReport {
  row: number;
  actionId: number;
  programme: number;
  number: number;
  status: ReportedTaskStatus;
  percent: number | null;
  progress: string;
  problems: string | null;
  nextSteps: string | null;
  /** canonical decimal texts of the targets given a value (a blank value cell: none) */
  values: { targetId: number; value: string }[];
}

export interface TaskImportError {
  /** the sheet row (1-based); 0 for the file as a whole */
  row: number;
  column: string | null;
  message: string;
  /** the action the row names, when it names one */
  action?: { id: number; programme: number; number: number; name: string };
}

export interface TaskWorkbookReading {
  reports: ImportedTaskReport[];
  errors: TaskImportError[];
}

export interface TaskWorkbookExpectation {
  planSlug: string;
  firstYear: number;
  lastYear: number;
  year: number;
  half: TaskHalf;
  /** every action of the plan (the preview decides which the user may report) */
  actions: Pick<TaskTemplateAction, 'id' | 'programme' | 'number' | 'name' | 'targets'>[];
}

export const TASK_TEMPLATE_SHEET = '任务填报';
const META_SHEET = '_meta';
const HEADER_ROW = 3;
const TEMPLATE_VERSION = '1';
export const TASK_TEMPLATE_MAX_ROWS = 1000;
/** 9 fixed columns, two per target: room for 8 targets an action, far more than the plan states. */
export const TASK_TEMPLATE_MAX_COLUMNS = 26;
const FIXED = ['专栏', '序号', '任务名称', '推进状态', '完成百分比', '进展情况', '存在问题', '下一步打算', '审核状态'] as const;
const [PROGRAMME, NUMBER, NAME, STATUS, PERCENT, PROGRESS, PROBLEMS, NEXT, STATE] = [1, 2, 3, 4, 5, 6, 7, 8, 9] as const;
const targetLabelColumn = (index: number) => FIXED.length + 1 + index * 2;
const targetValueColumn = (index: number) => FIXED.length + 2 + index * 2;

export const TASK_TEMPLATE_STATE_TEXT: Record<TaskReportState | 'none', string> = {
  none: '未填报',
  draft: '草稿',
  submitted: '已提交（待审核）',
  returned: '已退回',
  approved: '已审核（锁定）',
};

export const TASK_TEMPLATE_INSTRUCTIONS =
  '每行是该任务本期的完整报告，已预填系统中的内容：请填写或修改“推进状态”（下拉选择）“完成百分比”（0–100 的整数，可留空）“进展情况”“存在问题”“下一步打算”和各量化目标的完成值。整行留空的任务不导入；填写了的行须有推进状态和进展情况。导入后报告为草稿，请在系统中提交审核。已审核的行已锁定，不能修改。';

const STATUS_BY_LABEL = new Map<string, ReportedTaskStatus>(REPORTED_TASK_STATUSES.map((s) => [TASK_SCHEDULE_LABELS_ZH[s], s]));
export const TASK_STATUS_LABELS = REPORTED_TASK_STATUSES.map((s) => TASK_SCHEDULE_LABELS_ZH[s]);

export const periodTitle = (year: number, half: TaskHalf) => `${year}年${TASK_HALF_LABELS_ZH[half]}`;
const slotCount = (actions: readonly Pick<TaskTemplateAction, 'targets'>[]) => Math.max(0, ...actions.map((a) => a.targets.length));

export async function buildTaskReportTemplate(input: TaskTemplateInput): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '科技创新规划指标监测平台';
  const slots = slotCount(input.actions);
  const columnCount = FIXED.length + slots * 2;
  const sheet = workbook.addWorksheet(TASK_TEMPLATE_SHEET, {
    views: [{ state: 'frozen', ySplit: HEADER_ROW, xSplit: NAME }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.columns = [
    { width: 6 }, { width: 6 }, { width: 24 }, { width: 11 }, { width: 9 }, { width: 40 }, { width: 24 }, { width: 24 }, { width: 14 },
    ...Array.from({ length: slots }, () => [{ width: 22 }, { width: 10 }]).flat(),
  ];
  sheet.mergeCells(1, 1, 1, columnCount);
  sheet.getCell(1, 1).value = `${input.planName} 重点任务推进情况填报表（${periodTitle(input.year, input.half)}）`;
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
  sheet.mergeCells(2, 1, 2, columnCount);
  sheet.getCell(2, 1).value = TASK_TEMPLATE_INSTRUCTIONS;
  sheet.getCell(2, 1).font = { size: 10, color: { argb: 'FF555555' } };
  sheet.getCell(2, 1).alignment = { wrapText: true, vertical: 'top' };
  sheet.getRow(2).height = 44;

  const header = sheet.getRow(HEADER_ROW);
  const titles = [...FIXED, ...Array.from({ length: slots }, (_, i) => [`量化目标${i + 1}`, `目标${i + 1}完成值`]).flat()];
  titles.forEach((title, index) => {
    const cell = header.getCell(index + 1);
    cell.value = title;
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F2' } };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  header.height = 30;

  input.actions.forEach((action, index) => {
    const row = sheet.getRow(HEADER_ROW + 1 + index);
    const current = action.current ?? null;
    const locked = current?.state === 'approved';
    row.getCell(PROGRAMME).value = action.programme;
    row.getCell(NUMBER).value = action.number;
    row.getCell(NAME).value = action.name;
    row.getCell(NAME).alignment = { wrapText: true, vertical: 'top' };
    if (current) {
      row.getCell(STATUS).value = TASK_SCHEDULE_LABELS_ZH[current.status];
      row.getCell(PERCENT).value = current.percent;
      row.getCell(PROGRESS).value = current.progress;
      row.getCell(PROBLEMS).value = current.problems;
      row.getCell(NEXT).value = current.nextSteps;
    }
    row.getCell(STATE).value = TASK_TEMPLATE_STATE_TEXT[current?.state ?? 'none'];
    const editable: number[] = [STATUS, PERCENT, PROGRESS, PROBLEMS, NEXT];
    action.targets.forEach((target, i) => {
      row.getCell(targetLabelColumn(i)).value = target.label;
      row.getCell(targetLabelColumn(i)).alignment = { wrapText: true, vertical: 'top' };
      const stored = current?.values.find((v) => v.targetId === target.id);
      if (stored) row.getCell(targetValueColumn(i)).value = stored.value;
      editable.push(targetValueColumn(i));
    });
    for (const column of editable) {
      const cell = row.getCell(column);
      cell.protection = { locked };
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: locked ? 'FFE5E7EB' : 'FFFFF8DC' } };
      if (column === PROGRESS || column === PROBLEMS || column === NEXT) cell.alignment = { wrapText: true, vertical: 'top' };
    }
    if (locked) return;
    row.getCell(STATUS).dataValidation = { type: 'list', allowBlank: true, showErrorMessage: true, error: `请选择：${TASK_STATUS_LABELS.join('、')}`, formulae: [`"${TASK_STATUS_LABELS.join(',')}"`] };
    row.getCell(PERCENT).dataValidation = { type: 'whole', operator: 'between', allowBlank: true, showErrorMessage: true, error: '完成百分比须为 0 到 100 的整数', formulae: [0, 100] };
    action.targets.forEach((_, i) => {
      row.getCell(targetValueColumn(i)).dataValidation = { type: 'decimal', operator: 'greaterThanOrEqual', allowBlank: true, showErrorMessage: true, error: '完成值须为不小于 0 的数', formulae: [0] };
    });
  });
  // Not security (the importer refuses changes to approved reports whatever the file says): it keeps locked rows from being typed over.
  await sheet.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true, autoFilter: true, sort: false });

  const meta = workbook.addWorksheet(META_SHEET, { state: 'veryHidden' });
  meta.addRows([['plan', input.planSlug], ['year', input.year], ['half', input.half], ['kind', 'tasks'], ['version', TEMPLATE_VERSION]]);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

type CellText = { ok: true; text: string | null; number: number | null } | { ok: false; message: string };

/** What a cell holds, as trimmed text (and as a number when Excel stored one); errors and dates are refused. */
function readCell(cellValue: ExcelJS.CellValue): CellText {
  let value = cellValue as unknown;
  if (value && typeof value === 'object' && 'formula' in value) value = (value as { result?: unknown }).result ?? null;
  if (value === null || value === undefined) return { ok: true, text: null, number: null };
  if (typeof value === 'number') return Number.isFinite(value) ? { ok: true, text: String(value), number: value } : { ok: false, message: '不是有效的数字' };
  if (typeof value === 'string') return { ok: true, text: value.trim() === '' ? null : value.trim(), number: null };
  if (typeof value === 'boolean') return { ok: false, message: '单元格是逻辑值' };
  if (value instanceof Date) return { ok: false, message: '单元格是日期格式' };
  if (typeof value === 'object' && 'error' in value) return { ok: false, message: `单元格为错误值 ${String((value as { error: unknown }).error)}` };
  if (typeof value === 'object' && 'richText' in value) {
    const text = (value as { richText: { text: string }[] }).richText.map((part) => part.text).join('').trim();
    return { ok: true, text: text === '' ? null : text, number: null };
  }
  if (typeof value === 'object' && 'text' in value) return { ok: true, text: String((value as { text: unknown }).text).trim() || null, number: null };
  return { ok: false, message: '无法识别的单元格内容' };
}

/** A number Excel stored in binary (13.309999999999999) read back at 6 decimals, the values' precision. */
const numberText = (cell: Extract<CellText, { ok: true }>) => (cell.number === null ? cell.text : String(Number(cell.number.toFixed(6))));

const MAX_PROGRESS = 4000;
const MAX_TEXT = 2000;

function metaReader(meta: SheetValues) {
  return (key: string) => {
    for (let r = 1; r <= meta.rowCount; r++) if (meta.value(r, 1) === key) return meta.value(r, 2);
    return undefined;
  };
}

/** Reads a filled-in template: every valid row and every error at once, each row error naming its action. */
export async function readTaskReportWorkbook(bytes: ArrayBuffer | Uint8Array, expected: TaskWorkbookExpectation): Promise<TaskWorkbookReading> {
  const fileError = (message: string): TaskWorkbookReading => ({ reports: [], errors: [{ row: 0, column: null, message }] });
  if (!Number.isInteger(expected.year) || expected.year < expected.firstYear || expected.year > expected.lastYear) return fileError('该年份不在规划期内');
  const read = await readBoundedWorkbook(bytes, {
    maxRows: TASK_TEMPLATE_MAX_ROWS,
    maxColumns: TASK_TEMPLATE_MAX_COLUMNS,
    wantSheet: (name) => name === TASK_TEMPLATE_SHEET || name === META_SHEET,
  });
  if (!read.ok) return fileError(read.problem === 'unreadable' ? '无法读取文件：请上传从本系统下载的 .xlsx 重点任务填报模板' : limitMessage(read.problem, read.limit));
  const sheet = read.sheets.find((s) => s.name === TASK_TEMPLATE_SHEET);
  const meta = read.sheets.find((s) => s.name === META_SHEET);
  if (!sheet || !meta) return fileError('这不是本系统的重点任务填报模板：缺少“任务填报”工作表');
  const metaValue = metaReader(meta);
  if (metaValue('kind') !== 'tasks') return fileError('这不是重点任务填报模板');
  if (metaValue('plan') !== expected.planSlug) return fileError('模板属于另一个规划，请重新下载本规划的模板');
  const year = Number(metaValue('year'));
  const half = metaValue('half');
  if (year !== expected.year || half !== expected.half) {
    const shown = half === 'H1' || half === 'FY' ? periodTitle(year, half) : String(metaValue('year'));
    return fileError(`模板是${shown}的，当前导入的是${periodTitle(expected.year, expected.half)}`);
  }

  const byKey = new Map(expected.actions.map((a) => [`${a.programme}.${a.number}`, a]));
  const reports: ImportedTaskReport[] = [];
  const errors: TaskImportError[] = [];
  const seen = new Set<number>();
  const lastColumn = TASK_TEMPLATE_MAX_COLUMNS;

  for (let r = HEADER_ROW + 1; r <= sheet.rowCount; r++) {
    const cells = Array.from({ length: lastColumn }, (_, i) => readCell(sheet.value(r, i + 1)));
    const cell = (column: number) => cells[column - 1]!;
    if (cells.every((c) => c.ok && c.text === null)) continue;
    const programme = cell(PROGRAMME);
    const number = cell(NUMBER);
    const action = programme.ok && number.ok ? byKey.get(`${Number(programme.text)}.${Number(number.text)}`) : undefined;
    const named = action && { id: action.id, programme: action.programme, number: action.number, name: action.name };
    const rowErrors: TaskImportError[] = [];
    const err = (column: string, message: string) => rowErrors.push({ row: r, column, message, ...(named ? { action: named } : {}) });
    if (!action) {
      errors.push({ row: r, column: '专栏/序号', message: '专栏和序号不是本规划的重点任务' });
      continue;
    }
    if (seen.has(action.id)) {
      err('序号', `专栏${action.programme}第${action.number}项任务重复出现`);
      errors.push(...rowErrors);
      continue;
    }
    seen.add(action.id);
    const name = cell(NAME);
    if (!name.ok || (name.text ?? '') !== action.name) err('任务名称', `任务名称与规划不一致，应为“${action.name}”`);

    const reportCells = [STATUS, PERCENT, PROGRESS, PROBLEMS, NEXT, ...action.targets.map((_, i) => targetValueColumn(i))].map(cell);
    if (reportCells.every((c) => c.ok && c.text === null)) {
      errors.push(...rowErrors);
      continue; // nothing reported for this action
    }
    const statusCell = cell(STATUS);
    const status = statusCell.ok && statusCell.text !== null ? STATUS_BY_LABEL.get(statusCell.text) : undefined;
    if (!statusCell.ok) err('推进状态', statusCell.message);
    else if (statusCell.text === null) err('推进状态', '请填写推进状态');
    else if (!status) err('推进状态', `推进状态须为：${TASK_STATUS_LABELS.join('、')}`);

    const percentCell = cell(PERCENT);
    let percent: number | null = null;
    if (!percentCell.ok) err('完成百分比', percentCell.message);
    else if (percentCell.text !== null) {
      const n = Number(percentCell.text.replace(/[%％]$/, ''));
      if (Number.isInteger(n) && n >= 0 && n <= 100) percent = n;
      else err('完成百分比', '完成百分比须为 0 到 100 的整数');
    }

    const text = (column: number, label: string, max: number, required: boolean): string | null => {
      const c = cell(column);
      if (!c.ok) {
        err(label, c.message);
        return null;
      }
      if (c.text === null) {
        if (required) err(label, `请填写${label}`);
        return null;
      }
      if (c.text.length > max) err(label, `${label}过长（上限 ${max} 字）`);
      return c.text;
    };
    const progress = text(PROGRESS, '进展情况', MAX_PROGRESS, true);
    const problems = text(PROBLEMS, '存在问题', MAX_TEXT, false);
    const nextSteps = text(NEXT, '下一步打算', MAX_TEXT, false);

    const values: ImportedTaskReport['values'] = [];
    action.targets.forEach((target, i) => {
      const c = cell(targetValueColumn(i));
      const column = `目标${i + 1}完成值`;
      if (!c.ok) return err(column, c.message);
      const raw = numberText(c);
      if (raw === null) return;
      const parsed = targetValueSchema.safeParse(raw);
      if (parsed.success) values.push({ targetId: target.id, value: parsed.data });
      else err(column, `“${target.label}”的完成值须为不小于 0 的数（最多 6 位小数）`);
    });
    // a value in a target column the action does not have is a mistake, not something to drop silently
    for (let i = action.targets.length; targetValueColumn(i) <= lastColumn; i++) {
      const c = cell(targetValueColumn(i));
      if (!c.ok || c.text !== null) err(`目标${i + 1}完成值`, '该任务没有这一项量化目标');
    }

    if (rowErrors.length > 0) errors.push(...rowErrors);
    else reports.push({ row: r, actionId: action.id, programme: action.programme, number: action.number, status: status!, percent, progress: progress!, problems, nextSteps, values });
  }
  return { reports, errors };
}
