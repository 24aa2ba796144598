// The evaluation report's Word file regenerated from the sample fixture: it opens as a zip, document.xml
// holds the title, the numbered headings, every generated sentence and the 表1 rows, and every chart is a
// real PNG (status bar + one per category) embedded in the file.
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { buildEvaluationDocx } from '@/lib/export/evaluation-docx';
import { buildReport } from '@/lib/export/report';
import { evaluationDraft, paragraphText, type EvaluationKind } from '@/lib/views/evaluation';
import { benchmarkSummary, countyEvaluationView } from '@/lib/views/benchmarks';
import { assessPlan } from '@/lib/views/plan-progress';
import { buildTaskOverview } from '@/lib/views/tasks';
import { SAMPLE_TODAY, sampleTaskPlan, sampleTaskReports, seededBenchmarks } from './sample-modules';
import { sampleFigures, samplePlan } from './sample-plan';

const PNG = [0x89, 0x50, 0x4e, 0x47];
const xmlText = (xml: string) => xml.replace(/<w:tab\/>/g, '\t').replace(/<[^>]+>/g, '').replace(/&quot;/g, '"').replace(/&amp;/g, '&');

async function open(year: number, kind: EvaluationKind, withModules = false) {
  const plan = samplePlan();
  const figures = sampleFigures();
  const progress = assessPlan(plan, figures, year);
  const report = buildReport(plan, progress, { generatedAt: new Date('2026-12-03T04:00:00Z') });
  const reports = sampleTaskReports();
  const b = seededBenchmarks();
  const modules = withModules
    ? {
        tasks: { overview: buildTaskOverview(sampleTaskPlan(), reports, { year, today: SAMPLE_TODAY, approvedOnly: true }), reports, approvedOnly: true },
        benchmarks: { items: benchmarkSummary(plan, figures, b, year), county: countyEvaluationView(b.countyEvaluations) },
      }
    : {};
  const draft = evaluationDraft(plan, progress, { kind, allFigures: figures, sampleNotice: report.sampleNotice, preface: '根据规划第七章要求，开展本次评估。', ...modules });
  const zip = await JSZip.loadAsync(await buildEvaluationDocx({ draft, report }));
  const xml = await zip.file('word/document.xml')!.async('string');
  const media = Object.keys(zip.files).filter((f) => f.startsWith('word/media/'));
  return { draft, report, zip, xml, text: xmlText(xml), media };
}

describe.each([
  [2023, 'midterm' as const],
  [2025, 'final' as const],
])('evaluation docx %i %s', (year, kind) => {
  it('holds the title, the six numbered sections, every sentence and the 表1 table', async () => {
    const { draft, report, text } = await open(year, kind);
    expect(text).toContain(draft.title);
    for (const h of ['一、总体情况', '二、主要指标完成情况', '三、重点任务推进情况', '四、对标分析', '五、存在的问题', '六、下一步工作建议', '（一）创新投入类指标']) {
      expect(text).toContain(h);
    }
    expect(text).toContain('根据规划第七章要求，开展本次评估。');
    expect(text).toContain(paragraphText(draft.overview.sentences));
    for (const c of draft.categories) expect(text).toContain(paragraphText([c.lead, ...c.sentences]));
    for (const p of draft.problems) expect(text).toContain(p.text);
    for (const row of report.rows) expect(text).toContain(row.cells.actual.text);
    expect(text).toContain(draft.proposals.notice);
    expect(text).toContain('示例数据');
    expect(text).toContain('重点任务模块暂无数据');
  });

  it('embeds one PNG chart per category and the status bar, A4 portrait with a landscape 表1 page', async () => {
    const { draft, zip, xml, media } = await open(year, kind);
    expect(media).toHaveLength(draft.categories.length + 1);
    for (const file of media) {
      const bytes = await zip.file(file)!.async('uint8array');
      expect([...bytes.slice(0, 4)]).toEqual(PNG);
      expect(bytes.length).toBeGreaterThan(5000);
    }
    expect((xml.match(/<wp:inline/g) ?? []).length).toBe(media.length);
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toMatch(/w:orient="landscape"/);
    expect(xml).toContain('仿宋_GB2312');
  });
});

describe('evaluation docx 2025 with key-task reports and reference values', () => {
  it('writes sections 3–6 from the modules: programmes, actions behind, 对标 sentences, suggestions', async () => {
    const { draft, text } = await open(2025, 'final', true);
    for (const h of ['（一）总体进展', '（二）各专栏推进情况', '（三）逾期和滞后的任务', '（二）工作建议']) expect(text).toContain(h);
    expect(text).toContain(paragraphText(draft.tasks.sentences));
    draft.tasks.programmes.forEach((p, i) => expect(text).toContain(`${i + 1}.${p.label}：${p.sentence.text}`));
    draft.tasks.behind.forEach((s, i) => expect(text).toContain(`${i + 1}.${s.text}`));
    for (const s of draft.benchmarks.sentences) expect(text).toContain(s.text);
    expect(text).toContain(draft.suggestions.lead.text);
    draft.suggestions.items.forEach((s, i) => expect(text).toContain(`${i + 1}.${s.text}`));
    expect(text).toContain('关键设备进口受限，攻关项目延期');
    expect(text).not.toContain('重点任务模块暂无数据');
    expect(text).not.toContain('对标分析模块暂无数据');
  });
});
