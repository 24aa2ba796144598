import { requirePageUser } from '@/lib/auth/session';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { EvaluationBody } from '@/app/_components/evaluation/evaluation-body';
import { PrefaceForm } from '@/app/_components/evaluation/preface-form';
import { PrintButton } from '@/app/_components/print/print-button';
import { SampleDataNotice } from '@/app/_components/sample-data-notice';
import { can } from '@/lib/auth/permissions';
import type { ReportPageProps } from '@/lib/loaders';
import { loadEvaluation } from '@/lib/loaders/evaluation';
import { single } from '@/lib/schemas/params';
import { EVALUATION_KIND_LABELS_ZH } from '@/lib/views/evaluation';
import { evaluationPath, reportPath } from '@/lib/views/paths';

async function load({ params, searchParams }: ReportPageProps) {
  const [{ slug, year }, search] = await Promise.all([params, searchParams]);
  return loadEvaluation(slug, { year, includeUnapproved: single(search.includeUnapproved), kind: single(search.kind) });
}

export async function generateMetadata(props: ReportPageProps): Promise<Metadata> {
  const loaded = await load(props);
  return { title: loaded.ok ? loaded.draft.title : '评估报告' };
}

// On screen the controls sit above the report; in print only the report, on A4 portrait, with 表1 on an
// A4 landscape page of its own (a named page), as in the Word file.
const PRINT_CSS = `
@page { size: A4 portrait; margin: 37mm 26mm 35mm 28mm; }
@page table1 { size: A4 landscape; margin: 15mm 15mm; }
@media print {
  [data-table1] { page: table1; break-before: page; break-after: page; }
  [data-table1] .overflow-x-auto { overflow: visible; }
  body:has([data-evaluation]) > header { display: none !important; }
  body:has([data-evaluation]) > main { max-width: none; padding: 0; }
  [data-evaluation] thead { display: table-header-group; }
  [data-evaluation] tr, [data-evaluation] figure { break-inside: avoid; }
  [data-evaluation] h2, [data-evaluation] h3 { break-after: avoid; }
}
@media screen { [data-evaluation-paper] { max-width: 273mm; } }
`;

export default async function EvaluationPage(props: ReportPageProps) {
  const user = await requirePageUser('plans.read');
  const loaded = await load(props);
  if (!loaded.ok) notFound();
  const { plan, report, draft, preface, kinds } = loaded;
  const mayEdit = can(user, 'plans.manage') && plan.status === 'active';
  const link = 'rounded border border-brand-600 bg-white px-3 py-1.5 text-sm text-brand-700 hover:bg-brand-50';
  return (
    <article data-evaluation className="space-y-4">
      <style>{PRINT_CSS}</style>
      <div className="no-print space-y-3">
        {report.containsSampleData && <SampleDataNotice />}
        <p className="text-sm text-slate-600">
          <a className="underline" href={reportPath(plan.slug, report.year, report.includeUnapproved)}>年度报表</a> › 规划实施评估报告（{EVALUATION_KIND_LABELS_ZH[draft.kind]}）
        </p>
        <div className="flex flex-wrap items-center gap-2" role="group" aria-label="评估类型与下载">
          {kinds.map((k) =>
            k === draft.kind ? (
              <span key={k} aria-current="page" className="rounded bg-slate-800 px-3 py-1.5 text-sm text-white">{EVALUATION_KIND_LABELS_ZH[k]}</span>
            ) : (
              <a key={k} className={link} href={evaluationPath(plan.slug, report.year, report.includeUnapproved, k)}>{EVALUATION_KIND_LABELS_ZH[k]}</a>
            ),
          )}
          <a className={link} href={evaluationPath(plan.slug, report.year, report.includeUnapproved, draft.kind, '/docx')} download>
            下载 Word（.docx）
          </a>
          <PrintButton />
        </div>
        {mayEdit && <PrefaceForm slug={plan.slug} year={report.year} text={preface?.text ?? ''} version={preface?.version ?? 0} />}
      </div>
      <div data-evaluation-paper className="mx-auto bg-white p-4 text-black shadow-sm sm:p-10 print:p-0 print:shadow-none">
        {draft.sampleNotice && <p className="mb-2 text-center text-sm font-semibold">{draft.sampleNotice}</p>}
        <EvaluationBody draft={draft} report={report} />
      </div>
    </article>
  );
}
