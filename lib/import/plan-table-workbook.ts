/**
 * A plan's indicator table in the layout of its 表1 (.xlsx), both ways: the bureau usually has the plan
 * document's table in Excel already. Columns: 类别 (merged over its rows, or only on the first row of a
 * group), 指标名称 with the unit in brackets ("6.高新技术企业数量（家）"), 基数, 目标, 年均增长[累计]
 * ("12" a rate, "[122]" a cumulative increase, "-" none) and 指标属性. Optional further columns carry
 * what 表1 does not show (指标类型, 方向, 小数位数, 责任单位, 联系人, 指标口径); without them the kind and
 * decimals are inferred. The import checks every row and returns all definitions or all row errors.
 */
import ExcelJS from 'exceljs';
import { limitMessage, readBoundedWorkbook } from './bounded-workbook';
import type { IndicatorDefinition } from '@/lib/data/types';
import { formatPlanFigure, formatPlannedChange } from '@/lib/progress';
import { indicatorFieldsSchema, type IndicatorFields } from '@/lib/schemas/plan';

const KIND_LABELS = { growthRate: '增长率', cumulative: '累计增量', share: '比重' } as const;
const DIRECTION_LABELS = { up: '越高越好', down: '越低越好' } as const;
const ATTRIBUTE_LABELS = { expected: '预期性', binding: '约束性' } as const;
const EXTRA_COLUMNS = ['指标类型', '方向', '小数位数', '责任单位', '联系人', '指标口径'] as const;

export interface PlanTableInput {
  name: string;
  baseYear: number;
  lastYear: number;
  indicators: IndicatorDefinition[];
}

export async function buildPlanTableWorkbook(plan: PlanTableInput): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('表1', { pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  sheet.columns = [8, 46, 12, 12, 14, 10, 10, 10, 9, 18, 16, 40].map((width) => ({ width }));
  const headers = ['类别', '指标名称', `${plan.baseYear}年基数`, `${plan.lastYear}年目标`, '年均增长[累计]', '指标属性', ...EXTRA_COLUMNS];
  sheet.mergeCells(1, 1, 1, headers.length);
  sheet.getCell(1, 1).value = `${plan.name} 主要指标`;
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
  const header = sheet.getRow(2);
  headers.forEach((title, index) => {
    const cell = header.getCell(index + 1);
    cell.value = title;
    cell.font = { bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });

  let row = 3;
  let groupStart = row;
  plan.indicators.forEach((indicator, index) => {
    const r = sheet.getRow(row);
    r.values = [
      indicator.category.name,
      `${indicator.sequence}.${indicator.name}（${indicator.unit}）`,
      formatPlanFigure(indicator.baseline),
      formatPlanFigure(indicator.target),
      formatPlannedChange(indicator),
      ATTRIBUTE_LABELS[indicator.attribute],
      KIND_LABELS[indicator.kind],
      DIRECTION_LABELS[indicator.direction],
      indicator.decimals,
      indicator.responsibleUnit ?? '',
      indicator.contact ?? '',
      indicator.definition ?? '',
    ];
    const next = plan.indicators[index + 1];
    if (!next || next.category.id !== indicator.category.id) {
      if (row > groupStart) sheet.mergeCells(groupStart, 1, row, 1);
      sheet.getCell(groupStart, 1).alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
      groupStart = row + 1;
    }
    row += 1;
  });
  sheet.getCell(row, 1).value = `注：[]括弧内数据为${plan.lastYear - plan.baseYear}年累计增长。`;
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

export interface ImportedDefinitions {
  baseYear: number | null;
  lastYear: number | null;
  categories: string[];
  indicators: IndicatorFields[];
}

export type PlanTableImportResult = { ok: true; value: ImportedDefinitions } | { ok: false; errors: { row: number; message: string }[] };

function cellText(cellValue: ExcelJS.CellValue): string {
  const value = cellValue as unknown;
  if (value === null || value === undefined) return '';
  if (typeof value === 'object' && value !== null) {
    if ('result' in value) return String((value as { result?: unknown }).result ?? '');
    if ('richText' in value) return (value as { richText: { text: string }[] }).richText.map((p) => p.text).join('');
    if ('error' in value) return String((value as { error: unknown }).error);
    if (value instanceof Date) return value.toISOString().slice(0, 10);
  }
  return String(value).trim();
}

const NAME = /^(\d+)\s*[.．、]\s*(.+?)\s*[（(]([^（）()]+)[)）]\s*$/;
const BRACKETED = /^[[［]\s*(.+?)\s*[\]］]$/;

function decimalsOf(text: string | null): number {
  return text === null ? 0 : (text.split('.')[1]?.length ?? 0);
}

function byLabel<T extends string>(labels: Record<T, string>, text: string): T | undefined {
  return (Object.keys(labels) as T[]).find((key) => labels[key] === text || key === text);
}

/** Bounds of an upload: far more rows than any plan table has indicators, 表1's columns with room to spare. */
export const PLAN_TABLE_MAX_ROWS = 1000;
export const PLAN_TABLE_MAX_COLUMNS = 26;

export async function parsePlanTableWorkbook(bytes: ArrayBuffer | Uint8Array): Promise<PlanTableImportResult> {
  // Only the first visible sheet is wanted, but a sheet's state is known only once it is reached: read them
  // all within the same bounds.
  const read = await readBoundedWorkbook(bytes, { maxRows: PLAN_TABLE_MAX_ROWS, maxColumns: PLAN_TABLE_MAX_COLUMNS });
  if (!read.ok) return { ok: false, errors: [{ row: 0, message: read.problem === 'unreadable' ? '无法读取文件：请上传 .xlsx 格式的指标表' : limitMessage(read.problem, read.limit) }] };
  const sheet = read.sheets.find((ws) => ws.state === 'visible') ?? read.sheets[0];
  if (!sheet) return { ok: false, errors: [{ row: 0, message: '文件中没有工作表' }] };

  let headerRow = 0;
  const columns = new Map<string, number>();
  for (let r = 1; r <= Math.min(sheet.rowCount, 10) && headerRow === 0; r++) {
    const texts = Array.from({ length: sheet.columnCount(r) }, (_, i) => cellText(sheet.value(r, i + 1)).replace(/\s/g, ''));
    if (texts.includes('指标名称')) {
      headerRow = r;
      texts.forEach((text, i) => columns.set(text, i + 1));
    }
  }
  if (headerRow === 0) return { ok: false, errors: [{ row: 0, message: '找不到表头：表中须有“指标名称”列' }] };
  const findColumn = (pattern: RegExp) => [...columns.entries()].find(([text]) => pattern.test(text));
  const baseline = findColumn(/^(\d{4})年?基数$/);
  const target = findColumn(/^(\d{4})年?目标$/);
  const change = findColumn(/^年均增长/);
  const missing = [['类别', columns.get('类别')], ['基数', baseline], ['目标', target], ['年均增长[累计]', change], ['指标属性', columns.get('指标属性')]].filter(([, c]) => !c).map(([label]) => label);
  if (missing.length > 0) return { ok: false, errors: [{ row: headerRow, message: `表头缺少：${missing.join('、')}` }] };

  const errors: { row: number; message: string }[] = [];
  const indicators: IndicatorFields[] = [];
  const categories: string[] = [];
  let category = '';
  for (let r = headerRow + 1; r <= sheet.rowCount; r++) {
    const get = (column: number | undefined) => (column ? cellText(sheet.value(r, column)) : '');
    const nameText = get(columns.get('指标名称'));
    const categoryText = get(columns.get('类别')).replace(/\s/g, '');
    if (nameText === '') {
      if (categoryText.startsWith('注')) break; // the note row ends the table
      continue;
    }
    if (categoryText !== '') category = categoryText;
    const name = NAME.exec(nameText);
    if (!name) {
      errors.push({ row: r, message: `指标名称应写成“序号.名称（单位）”，例如“6.高新技术企业数量（家）”，而不是“${nameText}”` });
      continue;
    }
    if (category === '') {
      errors.push({ row: r, message: '缺少类别' });
      continue;
    }
    const changeText = get(change?.[1]);
    const bracket = BRACKETED.exec(changeText);
    const plain = (s: string) => (s === '' || s === '-' || s === '—' ? null : s);
    const baselineText = plain(get(baseline?.[1]));
    const targetText = plain(get(target?.[1]));
    const unit = name[3]!.trim();
    const kindText = get(columns.get('指标类型'));
    const inferredKind = bracket ? 'cumulative' : (baselineText === null && targetText === null) || name[2]!.endsWith('增长率') ? 'growthRate' : unit === '%' ? 'share' : 'cumulative';
    const kind = kindText ? byLabel(KIND_LABELS, kindText) : inferredKind;
    const attributeText = get(columns.get('指标属性'));
    const attribute = byLabel(ATTRIBUTE_LABELS, attributeText);
    const directionText = get(columns.get('方向'));
    const direction = directionText ? byLabel(DIRECTION_LABELS, directionText) : 'up';
    const decimalsText = get(columns.get('小数位数'));
    const annualText = bracket ? null : plain(changeText);
    const decimals = decimalsText !== '' ? decimalsText : String(kind === 'growthRate' ? 2 : Math.max(decimalsOf(baselineText), decimalsOf(targetText)));

    if (!kind) errors.push({ row: r, message: `指标类型“${kindText}”无法识别，应为增长率、累计增量或比重` });
    if (!attribute) errors.push({ row: r, message: `指标属性“${attributeText}”无法识别，应为预期性或约束性` });
    if (!direction) errors.push({ row: r, message: `方向“${directionText}”无法识别，应为越高越好或越低越好` });
    if (!kind || !attribute || !direction) continue;

    const parsed = indicatorFieldsSchema.safeParse({
      sequence: name[1],
      category,
      name: name[2]!.trim(),
      unit,
      kind,
      baseline: baselineText,
      target: targetText,
      annualRate: annualText,
      cumulativeIncrease: bracket ? bracket[1] : null,
      attribute,
      direction,
      decimals,
      responsibleUnit: get(columns.get('责任单位')),
      contact: get(columns.get('联系人')),
      definition: get(columns.get('指标口径')),
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) errors.push({ row: r, message: issue.message });
      continue;
    }
    if (indicators.some((i) => i.sequence === parsed.data.sequence)) {
      errors.push({ row: r, message: `序号 ${parsed.data.sequence} 重复` });
      continue;
    }
    if (!categories.includes(category)) categories.push(category);
    indicators.push(parsed.data);
  }
  if (errors.length > 0) return { ok: false, errors };
  if (indicators.length === 0) return { ok: false, errors: [{ row: 0, message: '表中没有指标' }] };
  const year = (column: [string, number] | undefined) => (column ? Number(/^(\d{4})/.exec(column[0])?.[1]) : null);
  return { ok: true, value: { baseYear: year(baseline), lastYear: year(target), categories, indicators } };
}
