/**
 * The report as a Word document (docx 9): title, the auto-drafted summary paragraph (plain text the bureau
 * edits), the 表1 table with vertically merged category cells and a header row repeated on each page,
 * the notes, data status and generated-at lines. A4 landscape.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import { displayWidth, longestWord } from './layout';
import type { BenchmarkTable } from './benchmark-table';
import type { SignOffLine, TableReport } from './report';

type ReportColumn = TableReport['columns'][number];

// Sizes are in twentieths of a point (twips); font sizes in half-points.
const A4 = { width: 11906, height: 16838 };
const MARGIN = 850; // 15 mm
const TABLE_WIDTH = A4.height - 2 * MARGIN;
const FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '宋体', cs: 'Times New Roman' };
const HEADING_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '黑体', cs: 'Times New Roman' };
const TABLE_SIZE = 18; // 9 pt
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER };

/** Relative column weights; the name column gets the room its text needs. */
const MIN_WEIGHT: Record<string, number> = { category: 5, sequence: 4, name: 26, attribute: 6, programme: 8, number: 4, task: 14, unit: 10, target: 22, progress: 30, status: 8, lead: 16, cooperating: 22 };

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

function columnWidths(report: TableReport, tableWidth: number): number[] {
  const weights = report.columns.map((column) => {
    const widest = Math.max(Math.ceil(displayWidth(column.label) / 2), ...report.rows.map((r) => displayWidth(r.cells[column.key]!.text)));
    // an English header or cell must not break inside a word (Chinese breaks anywhere)
    const word = Math.max(longestWord(column.label), ...report.rows.map((r) => (column.key === 'name' ? 0 : longestWord(r.cells[column.key]!.text))));
    return Math.max(MIN_WEIGHT[column.key] ?? 6, word + 1, Math.min(widest, 40));
  });
  const total = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => Math.floor((w / total) * tableWidth));
}

function tableCell(text: string, column: ReportColumn, width: number, options: { header?: boolean; rowSpan?: number } = {}) {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    rowSpan: options.rowSpan,
    verticalAlign: VerticalAlignTable.CENTER,
    borders: BORDERS,
    margins: { left: 60, right: 60, top: 30, bottom: 30 },
    shading: options.header ? { type: ShadingType.CLEAR, color: 'auto', fill: 'E7ECF3' } : undefined,
    children: [
      new Paragraph({
        alignment: options.header ? AlignmentType.CENTER : ALIGN[column.align],
        children: [new TextRun({ text, size: TABLE_SIZE, bold: options.header, font: options.header ? HEADING_FONT : FONT })],
      }),
    ],
  });
}

/** The 表1 table of a report, `tableWidth` twips wide (default: the landscape A4 type area of this report). Also used by the evaluation report. */
export function reportTable(report: TableReport, tableWidth = TABLE_WIDTH): Table {
  const widths = columnWidths(report, tableWidth);
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: report.columns.map((column, i) => tableCell(column.label, column, widths[i]!, { header: true })),
  });
  const body = report.rows.map(
    (row) =>
      new TableRow({
        cantSplit: true,
        children: report.columns.flatMap((column, i) => {
          // The category cell is written once with its row span; docx continues the vertical merge below it.
          if (i === 0) {
            return row.categoryRowSpan > 0 ? [tableCell(row.cells[column.key]!.text, column, widths[i]!, { rowSpan: row.categoryRowSpan })] : [];
          }
          return [tableCell(row.cells[column.key]!.text, column, widths[i]!)];
        }),
      }),
  );
  return new Table({
    width: { size: tableWidth, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [header, ...body],
  });
}

const smallParagraph = (text: string, bold = false) =>
  new Paragraph({ spacing: { before: 40 }, children: [new TextRun({ text, size: 18, font: FONT, bold })] });

export async function buildDocx(report: TableReport): Promise<Uint8Array> {
  const document = new Document({
    creator: report.planName,
    title: report.title,
    styles: { default: { document: { run: { font: FONT, size: 24 } } } },
    sections: [
      {
        properties: {
          // docx swaps width and height for a landscape page: give the portrait A4 size.
          page: { size: { orientation: PageOrientation.LANDSCAPE, width: A4.width, height: A4.height }, margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN } },
        },
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 200 },
            children: [new TextRun({ text: report.title, size: 32, bold: true, font: HEADING_FONT })],
          }),
          ...(report.sampleNotice ? [smallParagraph(report.sampleNotice, true)] : []),
          new Paragraph({
            indent: { firstLine: 480 },
            spacing: { before: 120, after: 200, line: 360 },
            children: [new TextRun({ text: report.summary, size: 24, font: FONT })],
          }),
          reportTable(report),
          ...report.notes.map((note) => smallParagraph(note)),
          smallParagraph(report.dataStatus),
          ...(report.benchmarks ? benchmarkSection(report.benchmarks) : []),
          smallParagraph(report.generatedAtText),
          ...(report.signOff ? [signOffTable(report.signOff)] : []),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

/** The sign-off block (落款): a borderless table, three labelled fields a row; a blank value is a line to write on. */
function signOffTable(signOff: SignOffLine[]): Table {
  const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
  const width = Math.floor(TABLE_WIDTH / 3);
  const cell = (line: SignOffLine) =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      borders: { top: none, left: none, right: none, bottom: none },
      margins: { top: 80, bottom: 80, left: 60, right: 60 },
      children: [
        new Paragraph({
          children: [
            new TextRun({ text: line.caption, size: 21, font: FONT }),
            new TextRun({ text: line.value || '\u3000'.repeat(10), size: 21, font: FONT, underline: line.value ? undefined : {} }),
          ],
        }),
      ],
    });
  const rows = [signOff.slice(0, 3), signOff.slice(3)].map((group) => new TableRow({ cantSplit: true, children: group.map(cell) }));
  return new Table({ width: { size: width * 3, type: WidthType.DXA }, columnWidths: [width, width, width], layout: TableLayoutType.FIXED, rows });
}

/** The optional 对标 table: its title, a table with a repeated header row, its note. */
function benchmarkSection(table: BenchmarkTable): (Paragraph | Table)[] {
  const weights = table.columns.map((column) => Math.max(6, Math.min(40, ...[displayWidth(column.label) / 2, ...table.rows.map((r) => displayWidth(r.cells[column.key]))].map(Math.ceil))));
  const total = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.floor((w / total) * TABLE_WIDTH));
  const column = (key: string): ReportColumn => ({ key: 'name', label: '', align: key === 'name' || key === 'ranks' ? 'left' : 'right' });
  const header = new TableRow({ tableHeader: true, cantSplit: true, children: table.columns.map((c, i) => tableCell(c.label, column(c.key), widths[i]!, { header: true })) });
  const body = table.rows.map((row) => new TableRow({ cantSplit: true, children: table.columns.map((c, i) => tableCell(row.cells[c.key], column(c.key), widths[i]!)) }));
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 360, after: 160 },
      children: [new TextRun({ text: table.title, size: 28, bold: true, font: HEADING_FONT })],
    }),
    new Table({ width: { size: TABLE_WIDTH, type: WidthType.DXA }, columnWidths: widths, layout: TableLayoutType.FIXED, rows: [header, ...body] }),
    ...table.notes.map((note) => smallParagraph(note)),
  ];
}
