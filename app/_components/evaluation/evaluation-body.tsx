import { ReportNotes, ReportTable } from '@/app/_components/report-table';
import type { ReportData } from '@/lib/export/report';
import { PROPOSAL_KIND_LABELS_ZH } from '@/lib/progress';
import { categoryChartSvg, statusBarSvg, type ChartSvg } from '@/lib/views/evaluation-charts';
import { paragraphText, type EvaluationDraft } from '@/lib/views/evaluation';

const NUMERALS = ['一', '二', '三', '四', '五', '六'];

function Chart({ chart, caption }: { chart: ChartSvg; caption: string }) {
  return (
    <figure className="my-3 break-inside-avoid">
      {/* The SVG is built from numbers and escaped text only (lib/views/evaluation-charts.ts). */}
      <div role="img" aria-label={chart.alt} className="mx-auto max-w-[160mm] [&>svg]:h-auto [&>svg]:w-full" dangerouslySetInnerHTML={{ __html: chart.svg }} />
      <figcaption className="mt-1 text-center text-sm">{caption}</figcaption>
    </figure>
  );
}

const H1 = ({ n, children }: { n: number; children: string }) => (
  <h2 className="mt-6 text-[16pt] font-bold" style={{ fontFamily: '"SimHei", "黑体", "Noto Sans CJK SC", sans-serif' }}>{`${NUMERALS[n]}、${children}`}</h2>
);
const H2 = ({ n, children }: { n: number; children: string }) => (
  <h3 className="mt-4 text-[16pt]" style={{ fontFamily: '"KaiTi", "楷体", "Noto Serif CJK SC", serif' }}>{`（${NUMERALS[n]}）${children}`}</h3>
);
const P = ({ children, strong }: { children: string; strong?: boolean }) => (
  <p className={`indent-[2em] leading-[1.75] ${strong ? 'font-semibold' : ''}`}>{children}</p>
);

/** The evaluation report as HTML: the same content, in the same order, as the Word file. */
export function EvaluationBody({ draft, report }: { draft: EvaluationDraft; report: ReportData }) {
  return (
    <div className="space-y-2 text-[13pt] sm:text-[14pt]" style={{ fontFamily: '"FangSong", "仿宋", "Noto Serif CJK SC", serif' }}>
      <h1 className="py-4 text-center text-[20pt] font-bold leading-snug sm:text-[22pt]" style={{ fontFamily: '"SimSun", "宋体", "Noto Serif CJK SC", serif' }}>{draft.title}</h1>
      {draft.preface && draft.preface.split(/\n+/).map((line, i) => <P key={i}>{line}</P>)}
      <P>{draft.dataNote}</P>

      <H1 n={0}>总体情况</H1>
      <P>{paragraphText(draft.overview.sentences)}</P>
      <Chart chart={statusBarSvg(draft.overview.counts, draft.overview.total)} caption={`图1 ${draft.year}年主要指标状态分布`} />

      <H1 n={1}>主要指标完成情况</H1>
      <P>{`${draft.planName}确定的${draft.overview.total}项主要指标${draft.year}年完成情况见表1。`}</P>
      <div data-table1>
        <p className="text-center text-sm font-semibold">{`表1 ${report.title}`}</p>
        <div className="overflow-x-auto text-[9pt]">
          <ReportTable report={report} variant="print" />
        </div>
        <ReportNotes report={report} className="mt-1 text-[8pt] leading-snug" />
      </div>
      {draft.categories.map((category, i) => (
        <section key={category.name} className="space-y-2">
          <H2 n={i}>{`${category.name}类指标`}</H2>
          <P>{paragraphText([category.lead, ...category.sentences])}</P>
          <Chart chart={categoryChartSvg(category.chart)} caption={`图${i + 2} ${category.chart.title}`} />
        </section>
      ))}

      <H1 n={2}>重点任务推进情况</H1>
      {draft.tasks.programmes.length === 0 ? (
        <P>{paragraphText(draft.tasks.sentences)}</P>
      ) : (
        <>
          <H2 n={0}>总体进展</H2>
          <P>{paragraphText(draft.tasks.sentences)}</P>
          <H2 n={1}>各专栏推进情况</H2>
          {draft.tasks.programmes.map((p, i) => <P key={p.label}>{`${i + 1}.${p.label}：${p.sentence.text}`}</P>)}
          {draft.tasks.behind.length > 0 && <H2 n={2}>逾期和滞后的任务</H2>}
          {draft.tasks.behind.map((s, i) => <P key={i}>{`${i + 1}.${s.text}`}</P>)}
        </>
      )}

      <H1 n={3}>对标分析</H1>
      {draft.benchmarks.sentences.map((s, i) => <P key={i}>{s.text}</P>)}

      <H1 n={4}>存在的问题</H1>
      {draft.problems.map((s, i) => <P key={i}>{`${i + 1}.${s.text}`}</P>)}

      <H1 n={5}>下一步工作建议</H1>
      <H2 n={0}>{draft.proposals.heading}</H2>
      <P strong>{draft.proposals.notice}</P>
      <P>{paragraphText(draft.proposals.sentences)}</P>
      <p className="text-center text-sm font-semibold">{`表2 ${draft.proposals.heading}（${draft.proposals.nextLastYear}年参考值）`}</p>
      <div className="overflow-x-auto">
        <table className="w-full border-collapse text-[9pt] leading-snug [&_td]:border [&_td]:border-black [&_td]:px-1 [&_th]:border [&_th]:border-black [&_th]:px-1">
          <thead>
            <tr>
              <th scope="col">序号</th>
              <th scope="col">指标（单位）</th>
              <th scope="col">新基数（年份）</th>
              {(draft.proposals.rows[0]?.cells ?? []).map((c) => <th key={c.kind} scope="col">{PROPOSAL_KIND_LABELS_ZH[c.kind]}</th>)}
              <th scope="col">说明</th>
            </tr>
          </thead>
          <tbody>
            {draft.proposals.rows.map((row) => (
              <tr key={row.indicatorId} className="break-inside-avoid">
                <td className="text-center">{row.sequence}</td>
                <td>{`${row.name}（${row.unit}）`}</td>
                <td className="text-right tabular-nums">{row.baselineYear === null ? row.baselineText : `${row.baselineText}（${row.baselineYear}年）`}</td>
                {row.cells.map((c) => (
                  <td key={c.kind} className="text-right tabular-nums">
                    {c.text}
                    {c.worse && <span title="低于新基数">※</span>}
                    {c.rate && <span className="block text-[8pt] text-slate-700">{c.rate}</span>}
                  </td>
                ))}
                <td className="text-[8pt]">{row.notes.join('；')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="text-sm">注：※为低于新基数的测算值（数值越大越好的指标）；增长率类指标的参考值为年均增长率（%）。</p>
      <H2 n={1}>工作建议</H2>
      <P>{draft.suggestions.lead.text}</P>
      {draft.suggestions.items.map((s, i) => <P key={i}>{`${i + 1}.${s.text}`}</P>)}
      <p className="text-sm text-slate-700">{report.generatedAtText}</p>
    </div>
  );
}
