/**
 * The documented rendering check of the evaluation report's Word file (not part of `npm test`: it needs
 * LibreOffice, which CI does not install). Builds the 2023 mid-term and the 2025 final evaluation from the
 * sample fixture (the same one the unit tests use, with its task reports and the plan text's reference
 * values, so sections 3–6 have content) — or takes .docx files given on the command line, e.g.
 * ones downloaded from /reports/<plan>/<year>/evaluation/docx — converts each with
 * `soffice --headless --convert-to pdf` and renders the pages with `pdftoppm -png -r 60`, then prints
 * where the PNGs are. Look at them: every chart visible, no table cut off, Chinese legible.
 *
 *   npx tsx scripts/render-evaluation.ts [--out /tmp/evaluation-render] [file.docx …]
 *
 * Needs: apt-get install -y libreoffice-writer poppler-utils fonts-noto-cjk
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { buildEvaluationDocx } from '@/lib/export/evaluation-docx';
import { buildReport } from '@/lib/export/report';
import { benchmarkSummary, countyEvaluationView } from '@/lib/views/benchmarks';
import { evaluationDraft, type EvaluationKind } from '@/lib/views/evaluation';
import { assessPlan } from '@/lib/views/plan-progress';
import { buildTaskOverview } from '@/lib/views/tasks';
import { SAMPLE_TODAY, sampleTaskPlan, sampleTaskReports, seededBenchmarks } from '@/tests/unit/export/sample-modules';
import { sampleFigures, samplePlan } from '@/tests/unit/export/sample-plan';

async function fixtureDocx(out: string, year: number, kind: EvaluationKind): Promise<string> {
  const plan = samplePlan();
  const figures = sampleFigures();
  const progress = assessPlan(plan, figures, year);
  const report = buildReport(plan, progress, { generatedAt: new Date() });
  const reports = sampleTaskReports();
  const benchmarks = seededBenchmarks();
  const draft = evaluationDraft(plan, progress, {
    kind,
    allFigures: figures,
    sampleNotice: report.sampleNotice,
    tasks: { overview: buildTaskOverview(sampleTaskPlan(), reports, { year, today: SAMPLE_TODAY, approvedOnly: true }), reports, approvedOnly: true },
    benchmarks: { items: benchmarkSummary(plan, figures, benchmarks, year), county: countyEvaluationView(benchmarks.countyEvaluations.filter((e) => e.year <= year)) },
  });
  const file = join(out, `evaluation-${year}-${kind}.docx`);
  writeFileSync(file, await buildEvaluationDocx({ draft, report }));
  return file;
}

async function main() {
  const args = process.argv.slice(2);
  const outAt = args.indexOf('--out');
  const out = outAt >= 0 ? args[outAt + 1]! : '/tmp/evaluation-render';
  const given = args.filter((a, i) => a.endsWith('.docx') && i !== outAt + 1);
  mkdirSync(out, { recursive: true });
  const files = given.length > 0 ? given : [await fixtureDocx(out, 2023, 'midterm'), await fixtureDocx(out, 2025, 'final')];
  for (const file of files) {
    execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', out, file], { stdio: 'inherit' });
    const pdf = join(out, basename(file).replace(/\.docx$/, '.pdf'));
    const prefix = join(out, basename(file).replace(/\.docx$/, ''));
    execFileSync('pdftoppm', ['-png', '-r', '60', pdf, prefix], { stdio: 'inherit' });
  }
  const pngs = readdirSync(out).filter((f) => f.endsWith('.png')).sort();
  console.log(`${pngs.length} pages rendered in ${out}:\n${pngs.map((p) => `  ${join(out, p)}`).join('\n')}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
