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
import { displayWidth } from './layout';
import type { BenchmarkTable } from './benchmark-table';
import type { ReportColumn, ReportColumnKey, ReportData } from './report';

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
const MIN_WEIGHT: Partial<Record<ReportColumnKey, number>> = { category: 5, sequence: 4, name: 26, attribute: 6 };

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

function columnWidths(report: ReportData): number[] {
  const weights = report.columns.map((column) => {
    const widest = Math.max(Math.ceil(displayWidth(column.label) / 2), ...report.rows.map((r) => displayWidth(r.cells[column.key].text)));
    return Math.max(MIN_WEIGHT[column.key] ?? 6, Math.min(widest, 40));
  });
  const total = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => Math.floor((w / total) * TABLE_WIDTH));
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

function reportTable(report: ReportData): Table {
  const widths = columnWidths(report);
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
          if (column.key === 'category') {
            return row.categoryRowSpan > 0 ? [tableCell(row.cells.category.text, column, widths[i]!, { rowSpan: row.categoryRowSpan })] : [];
          }
          return [tableCell(row.cells[column.key].text, column, widths[i]!)];
        }),
      }),
  );
  return new Table({
    width: { size: TABLE_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [header, ...body],
  });
}

const smallParagraph = (text: string, bold = false) =>
  new Paragraph({ spacing: { before: 40 }, children: [new TextRun({ text, size: 18, font: FONT, bold })] });

export async function buildDocx(report: ReportData): Promise<Uint8Array> {
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
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
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
