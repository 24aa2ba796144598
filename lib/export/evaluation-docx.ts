/**
 * The evaluation report (规划实施评估报告) as a Word file, laid out after GB/T 9704 as bureaus format their
 * reports (shared notes: official-documents.md): A4 portrait, margins 37/35/28/26 mm, title 2号 方正小标宋
 * (宋体 fallback), body 3号 仿宋_GB2312 at a fixed 28 pt line with a two-character indent, headings 一、 黑体,
 * （一） 楷体, 1. 仿宋 bold, page numbers "— 3 —". 表1 is on a landscape page of its own (the standard allows
 * landscape pages for wide tables) and is the annual report's table (reportTable of ./docx).
 *
 * Everything written comes from the EvaluationDraft (lib/views/evaluation.ts) and the ReportData
 * (./report.ts); charts are its SVGs rasterised to PNG (./chart-png.ts). No number is computed here.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  ImageRun,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  SectionType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type ISectionOptions,
} from 'docx';
import { categoryChartSvg, statusBarSvg, type ChartSvg } from '@/lib/views/evaluation-charts';
import { paragraphText, type EvaluationDraft, type Sentence } from '@/lib/views/evaluation';
import { PROPOSAL_KIND_LABELS_ZH } from '@/lib/progress';
import { chartPng } from './chart-png';
import { reportTable } from './docx';
import type { ReportData } from './report';

const MM = 56.7; // twips per millimetre
const A4 = { width: 11906, height: 16838 };
const PORTRAIT_MARGIN = { top: Math.round(37 * MM), bottom: Math.round(35 * MM), left: Math.round(28 * MM), right: Math.round(26 * MM) };
const LANDSCAPE_MARGIN = { top: Math.round(20 * MM), bottom: Math.round(20 * MM), left: Math.round(20 * MM), right: Math.round(20 * MM) };
const TYPE_WIDTH = A4.width - PORTRAIT_MARGIN.left - PORTRAIT_MARGIN.right; // ≈ 156 mm
const LANDSCAPE_WIDTH = A4.height - LANDSCAPE_MARGIN.left - LANDSCAPE_MARGIN.right;

// hint eastAsia: characters both scripts share (the quotes “”, ·, —) take the East Asian font, full width as in Chinese text.
const font = (eastAsia: string, latin = 'Times New Roman') => ({ ascii: latin, hAnsi: latin, eastAsia, cs: latin, hint: 'eastAsia' });
const FANGSONG = font('仿宋_GB2312');
const HEITI = font('黑体');
const KAITI = font('楷体_GB2312');
const TITLE = font('方正小标宋简体');

const SIZE = { title: 44, body: 32, table: 18, small: 24 }; // half-points: 2号, 3号, 小五, 小四
const BODY_LINE = { line: 560, lineRule: LineRuleType.EXACT }; // fixed 28 pt
const INDENT_2 = { firstLine: 640 }; // two 3号 characters

const CHINESE_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

function body(text: string, options: { indent?: boolean; bold?: boolean } = {}): Paragraph {
  return new Paragraph({
    spacing: BODY_LINE,
    indent: options.indent === false ? undefined : INDENT_2,
    alignment: AlignmentType.JUSTIFIED,
    children: [new TextRun({ text, font: FANGSONG, size: SIZE.body, bold: options.bold })],
  });
}

const sentencesParagraph = (sentences: readonly Sentence[]) => body(paragraphText(sentences));

function heading1(index: number, text: string): Paragraph {
  return new Paragraph({
    spacing: BODY_LINE,
    indent: INDENT_2,
    keepNext: true,
    children: [new TextRun({ text: `${CHINESE_NUMERALS[index]}、${text}`, font: HEITI, size: SIZE.body })],
  });
}

function heading2(index: number, text: string): Paragraph {
  return new Paragraph({
    spacing: BODY_LINE,
    indent: INDENT_2,
    keepNext: true,
    children: [new TextRun({ text: `（${CHINESE_NUMERALS[index]}）${text}`, font: KAITI, size: SIZE.body })],
  });
}

function small(text: string, options: { bold?: boolean; center?: boolean; right?: boolean; before?: number } = {}): Paragraph {
  return new Paragraph({
    alignment: options.center ? AlignmentType.CENTER : options.right ? AlignmentType.RIGHT : AlignmentType.LEFT,
    spacing: { before: options.before ?? 60, after: 60 },
    children: [new TextRun({ text, font: FANGSONG, size: SIZE.small, bold: options.bold })],
  });
}

/** A chart as a centred PNG, scaled to `widthTwips` (at most the type area). */
async function figure(chart: ChartSvg, widthTwips: number, caption: string): Promise<Paragraph[]> {
  const { png } = await chartPng(chart);
  const widthPx = Math.round(widthTwips / 15); // 1 px = 15 twips at 96 dpi
  const heightPx = Math.round((widthPx * chart.height) / chart.width);
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      spacing: { before: 120 },
      children: [
        new ImageRun({
          type: 'png',
          data: png,
          transformation: { width: widthPx, height: heightPx },
          altText: { name: caption, title: caption, description: chart.alt },
        }),
      ],
    }),
    small(caption, { center: true }),
  ];
}

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER };

function cell(text: string, width: number, options: { header?: boolean; align?: 'left' | 'center' | 'right' } = {}): TableCell {
  const alignment = options.header || options.align === 'center' ? AlignmentType.CENTER : options.align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT;
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    borders: BORDERS,
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { left: 50, right: 50, top: 20, bottom: 20 },
    children: text.split('\n').map(
      (line) => new Paragraph({ alignment, children: [new TextRun({ text: line, size: SIZE.table, font: options.header ? HEITI : FANGSONG })] }),
    ),
  });
}

/** The 十五五 proposals: 序号, 指标, 新基数, one column per kind (value and implied rate), 说明. */
function proposalsTable(draft: EvaluationDraft): Table {
  // wide enough for the seven-character headers (新基数（年份）, 保持原规划速度) on one line at 小五
  const weights = [6, 17, 16, 15, 15, 15, 16];
  const total = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.floor((w / total) * TYPE_WIDTH));
  const kinds = draft.proposals.rows[0]?.cells.map((c) => c.kind) ?? [];
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: [
      cell('序号', widths[0]!, { header: true }),
      cell('指标（单位）', widths[1]!, { header: true }),
      cell('新基数（年份）', widths[2]!, { header: true }),
      ...kinds.map((k, i) => cell(PROPOSAL_KIND_LABELS_ZH[k], widths[3 + i]!, { header: true })),
      cell('说明', widths[6]!, { header: true }),
    ],
  });
  const rows = draft.proposals.rows.map(
    (row) =>
      new TableRow({
        cantSplit: true,
        children: [
          cell(String(row.sequence), widths[0]!, { align: 'center' }),
          cell(`${row.name}（${row.unit}）`, widths[1]!),
          cell(row.baselineYear === null ? row.baselineText : `${row.baselineText}\n${row.baselineYear}年`, widths[2]!, { align: 'right' }),
          ...row.cells.map((c, i) => cell(`${c.text}${c.worse ? '※' : ''}${c.rate ? `\n${c.rate}` : ''}`, widths[3 + i]!, { align: 'right' })),
          cell(row.notes.join('；'), widths[6]!),
        ],
      }),
  );
  return new Table({ width: { size: TYPE_WIDTH, type: WidthType.DXA }, columnWidths: widths, layout: TableLayoutType.FIXED, rows: [header, ...rows] });
}

/** 三、重点任务推进情况: one paragraph when there is nothing to go on; else （一）总体 （二）各专栏 （三）逾期和滞后 with numbered lines. */
function taskParagraphs(draft: EvaluationDraft): Paragraph[] {
  const { sentences, programmes, behind } = draft.tasks;
  if (programmes.length === 0) return [sentencesParagraph(sentences)];
  return [
    heading2(0, '总体进展'),
    sentencesParagraph(sentences),
    heading2(1, '各专栏推进情况'),
    ...programmes.map((p, i) => body(`${i + 1}.${p.label}：${p.sentence.text}`)),
    ...(behind.length > 0 ? [heading2(2, '逾期和滞后的任务'), ...behind.map((s, i) => body(`${i + 1}.${s.text}`))] : []),
  ];
}

function pageFooter(): { default: Footer } {
  return {
    default: new Footer({
      children: [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: font('宋体'), size: 28 })],
        }),
      ],
    }),
  };
}

export interface EvaluationDocxInput {
  draft: EvaluationDraft;
  /** the annual report of the same plan, year and data option (its 表1 table and notes) */
  report: ReportData;
}

export async function buildEvaluationDocx({ draft, report }: EvaluationDocxInput): Promise<Uint8Array> {
  const portrait = { size: { width: A4.width, height: A4.height }, margin: PORTRAIT_MARGIN };
  const footers = pageFooter();

  // Charts first (rasterised one after another: each holds the font in WebAssembly memory while it draws).
  const statusFigure = await figure(statusBarSvg(draft.overview.counts, draft.overview.total), TYPE_WIDTH * 0.95, `图1 ${draft.year}年主要指标状态分布`);
  const categoryFigures: Paragraph[][] = [];
  for (const [i, category] of draft.categories.entries()) {
    categoryFigures.push(await figure(categoryChartSvg(category.chart), TYPE_WIDTH, `图${i + 2} ${category.chart.title}`));
  }

  const opening: Paragraph[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 560, line: 700, lineRule: LineRuleType.EXACT },
      children: [new TextRun({ text: draft.title, font: TITLE, size: SIZE.title, bold: true })],
    }),
    ...(draft.sampleNotice ? [small(draft.sampleNotice, { bold: true })] : []),
    ...(draft.preface ? draft.preface.split(/\n+/).map((line) => body(line)) : []),
    body(draft.dataNote),
    heading1(0, '总体情况'),
    sentencesParagraph(draft.overview.sentences),
    ...statusFigure,
    heading1(1, '主要指标完成情况'),
    body(`${draft.planName}确定的${draft.overview.total}项主要指标${draft.year}年完成情况见表1。`),
  ];

  const tableSection: (Paragraph | Table)[] = [
    small(`表1 ${report.title}`, { bold: true, center: true }),
    reportTable(report, LANDSCAPE_WIDTH),
    ...report.notes.map((n) => small(n)),
    small(report.dataStatus),
    ...(report.sampleNotice ? [small(report.sampleNotice, { bold: true })] : []),
  ];

  const rest: (Paragraph | Table)[] = [
    ...draft.categories.flatMap((category, i) => [
      heading2(i, `${category.name}类指标`),
      sentencesParagraph([category.lead, ...category.sentences]),
      ...categoryFigures[i]!,
    ]),
    heading1(2, '重点任务推进情况'),
    ...taskParagraphs(draft),
    heading1(3, '对标分析'),
    ...draft.benchmarks.sentences.map((s) => body(s.text)),
    heading1(4, '存在的问题'),
    ...draft.problems.map((s, i) => body(`${i + 1}.${s.text}`)),
    heading1(5, '下一步工作建议'),
    heading2(0, draft.proposals.heading),
    body(draft.proposals.notice, { bold: true }),
    sentencesParagraph(draft.proposals.sentences),
    small(`表2 ${draft.proposals.heading}（${draft.proposals.nextLastYear}年参考值）`, { bold: true, center: true }),
    proposalsTable(draft),
    small('注：※为低于新基数的测算值（数值越大越好的指标）；增长率类指标的参考值为年均增长率（%）。'),
    heading2(1, '工作建议'),
    body(draft.suggestions.lead.text),
    ...draft.suggestions.items.map((s, i) => body(`${i + 1}.${s.text}`)),
    small(report.generatedAtText, { right: true, before: 480 }),
  ];

  const sections: ISectionOptions[] = [
    { properties: { page: portrait }, footers, children: opening },
    {
      properties: {
        type: SectionType.NEXT_PAGE,
        page: { size: { orientation: PageOrientation.LANDSCAPE, width: A4.width, height: A4.height }, margin: LANDSCAPE_MARGIN },
      },
      footers,
      children: tableSection,
    },
    { properties: { type: SectionType.NEXT_PAGE, page: portrait }, footers, children: rest },
  ];

  const doc = new Document({
    creator: draft.planName,
    title: draft.title,
    styles: { default: { document: { run: { font: FANGSONG, size: SIZE.body } } } },
    sections,
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
