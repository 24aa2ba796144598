// The evaluation report's sentences, regenerated from the sample fixture for every plan year, kind and
// data option, with the key-task reports and the plan text's reference values of sample-modules.ts: every
// number printed in a sentence is one of the sentence's facts, and every fact is the engine's number
// (assessIndicator, the task overview the tasks page shows, standingAgainstReferences — computed here
// from the fixtures, not taken from the draft) printed correctly.
import { describe, expect, it } from 'vitest';
import type { TaskReport } from '@/lib/data/types';
import {
  assessIndicator,
  gapToBest,
  shareOfReference,
  summarySentenceZh,
  toIndicatorPlan,
  type Assessment,
  type Status,
} from '@/lib/progress';
import { benchmarkSummary, countyEvaluationView } from '@/lib/views/benchmarks';
import { buildTaskOverview } from '@/lib/views/tasks';
import {
  defaultEvaluationKind,
  evaluationDraft,
  evaluationKindsFor,
  evaluationTitle,
  middleYear,
  NO_BENCHMARKS_SENTENCE,
  NO_TASKS_SENTENCE,
  paragraphText,
  type EvaluationDraft,
  type EvaluationKind,
  type EvaluationOptions,
  type Fact,
  type Sentence,
} from '@/lib/views/evaluation';
import { assessPlan } from '@/lib/views/plan-progress';
import { SAMPLE_TODAY, sampleTaskPlan, sampleTaskReports, seededBenchmarks } from '../export/sample-modules';
import { sampleFigures, samplePlan } from '../export/sample-plan';

const plan = samplePlan();
const figures = sampleFigures();
const taskPlan = sampleTaskPlan();
const benchmarks = seededBenchmarks();

/** Sections 3 and 4's inputs as lib/loaders/evaluation.ts builds them: the tasks page's overview, the 对标分析 page's summary. */
function modulesFor(year: number, includeUnapproved: boolean, reports: readonly TaskReport[] = sampleTaskReports()): Pick<EvaluationOptions, 'tasks' | 'benchmarks'> {
  const approvedOnly = !includeUnapproved;
  return {
    tasks: { overview: buildTaskOverview(taskPlan, reports, { year, today: SAMPLE_TODAY, approvedOnly }), reports, approvedOnly },
    benchmarks: {
      items: benchmarkSummary(plan, figures, benchmarks, year, { includeUnapproved }),
      county: countyEvaluationView(benchmarks.countyEvaluations.filter((e) => e.year <= year), includeUnapproved),
    },
  };
}

function draftFor(year: number, kind: EvaluationKind, includeUnapproved = false, extra: Partial<EvaluationOptions> = {}) {
  const progress = assessPlan(plan, figures, year, { includeUnapproved });
  return evaluationDraft(plan, progress, { kind, allFigures: figures, sampleNotice: '示例数据', ...extra });
}

const withModules = (year: number, kind: EvaluationKind, includeUnapproved = false, reports?: readonly TaskReport[]) =>
  draftFor(year, kind, includeUnapproved, modulesFor(year, includeUnapproved, reports));

/** The engine's assessment of one indicator, computed from the fixture without lib/views. */
function engine(indicatorId: number, year: number, includeUnapproved: boolean): Assessment {
  const def = plan.indicators.find((i) => i.id === indicatorId)!;
  const visible = figures.filter((f) => f.indicatorId === indicatorId && (includeUnapproved ? f.status !== 'returned' : f.status === 'approved'));
  return assessIndicator(toIndicatorPlan(def, plan.baseYear, plan.lastYear), visible, year);
}

function allSentences(d: EvaluationDraft): Sentence[] {
  return [
    ...d.overview.sentences,
    ...d.categories.flatMap((c) => [c.lead, ...c.sentences]),
    ...d.tasks.sentences,
    ...d.tasks.programmes.map((p) => p.sentence),
    ...d.tasks.behind,
    ...d.benchmarks.sentences,
    ...d.problems,
    d.suggestions.lead,
    ...d.suggestions.items,
    ...d.proposals.sentences,
  ];
}

/** Numbers printed in a text, years (2021年, 2021—2023) left out. */
function numbersIn(text: string): string[] {
  return [...text.replace(/\d{4}(?=年|—)/g, '').replace(/专栏\d+/g, '专栏').matchAll(/\d[\d,]*(?:\.\d+)?/g)].map((m) => m[0]);
}

/** The numbers a sentence generates: its text without the texts it quotes (action names, stated problems). */
function generatedNumbers(sentence: Sentence): string[] {
  let text = sentence.text;
  for (const q of sentence.quotes ?? []) text = text.replace(q, '');
  return numbersIn(text);
}

/** The number a fact's text shows, back as a number in the fact's scale (percent facts are ratios). */
function shown(fact: Fact): { value: number; halfUnit: number } {
  const percent = fact.text.endsWith('%');
  const digits = fact.text.replace(/[,%]/g, '');
  const decimals = digits.includes('.') ? digits.split('.')[1]!.length : 0;
  const scale = percent ? 100 : 1;
  return { value: Number(digits) / scale, halfUnit: 0.5 * 10 ** -decimals / scale + 1e-12 };
}

function expectedValue(fact: Fact, a: Assessment): number | null {
  const def = plan.indicators.find((i) => i.id === fact.indicatorId)!;
  switch (fact.key) {
    case 'latestValue':
      return a.latestValue;
    case 'baseline':
      return def.baseline;
    case 'target':
      return def.target;
    case 'annualRate':
      return def.annualRate;
    case 'averageAnnualChange':
      return a.averageAnnualChange === null ? null : Math.abs(a.averageAnnualChange);
    case 'averageAnnualGrowthPct':
      return a.averageAnnualGrowthPct === null ? null : def.kind === 'growthRate' ? a.averageAnnualGrowthPct : Math.abs(a.averageAnnualGrowthPct);
    case 'completion':
      return a.completion;
    case 'expectedProgress':
      return a.expectedProgress;
    case 'gapToTarget':
      return a.gapToTarget === null ? null : Math.abs(a.gapToTarget);
    case 'requiredAnnualChange':
      return a.requiredAnnualChange === null ? null : def.kind === 'growthRate' ? a.requiredAnnualChange : Math.abs(a.requiredAnnualChange);
    default:
      throw new Error(`unexpected fact ${fact.key}`);
  }
}

const cases = plan.firstYear === 2021 ? [2021, 2022, 2023, 2024, 2025].flatMap((year) => evaluationKindsFor(plan, year).flatMap((kind) => [false, true].map((u) => [year, kind, u] as const))) : [];

describe('evaluation kinds and titles', () => {
  it('names the middle and last year of 2021–2025', () => {
    expect(middleYear(plan)).toBe(2023);
    expect(evaluationKindsFor(plan, 2023)).toEqual(['midterm', 'annual']);
    expect(evaluationKindsFor(plan, 2025)).toEqual(['final', 'annual']);
    expect(evaluationKindsFor(plan, 2022)).toEqual(['annual']);
    expect(defaultEvaluationKind(plan, 2025)).toBe('final');
    expect(defaultEvaluationKind(plan, 2024)).toBe('annual');
  });

  it('titles the report by kind', () => {
    expect(evaluationTitle(plan.name, 2025, 'final')).toBe('鹿泉区科技创新“十四五”规划实施情况总结评估报告（初稿）');
    expect(evaluationTitle(plan.name, 2023, 'midterm')).toBe('鹿泉区科技创新“十四五”规划实施情况中期评估报告（初稿）');
    expect(evaluationTitle(plan.name, 2022, 'annual')).toBe('鹿泉区科技创新“十四五”规划实施情况2022年度评估报告（初稿）');
  });
});

describe.each(cases)('evaluation %i %s (unapproved included: %s)', (year, kind, includeUnapproved) => {
  const d = withModules(year, kind, includeUnapproved);

  it('prints no number that is not one of its facts', () => {
    for (const sentence of allSentences(d)) {
      const available = sentence.facts.flatMap((f) => numbersIn(f.text));
      for (const n of generatedNumbers(sentence)) {
        const at = available.indexOf(n);
        expect(at, `${n} in ${sentence.text}`).toBeGreaterThanOrEqual(0);
        available.splice(at, 1);
      }
      for (const f of sentence.facts) expect(sentence.text, f.key).toContain(f.text);
    }
  });

  it('states each indicator fact as the engine computes it', () => {
    const facts = allSentences(d).flatMap((s) => s.facts.filter((f) => f.indicatorId !== null && !f.key.startsWith('benchmark')));
    expect(facts.some((f) => d.suggestions.items.some((s) => s.facts.includes(f)))).toBe(true);
    expect(facts.length).toBeGreaterThan(40);
    for (const fact of facts) {
      const expected = expectedValue(fact, engine(fact.indicatorId!, year, includeUnapproved));
      expect(expected, `${fact.key} of ${fact.indicatorId}`).not.toBeNull();
      expect(fact.value).toBe(expected);
      const { value, halfUnit } = shown(fact);
      expect(Math.abs(value - fact.value), `${fact.text} for ${fact.value}`).toBeLessThanOrEqual(halfUnit);
    }
  });

  it('counts statuses as the engine does, plan-wide and per category', () => {
    const statuses = plan.indicators.map((i) => ({ category: i.category.name, status: engine(i.id, year, includeUnapproved).status }));
    const count = (status: string, category?: string) => statuses.filter((s) => s.status === status && (!category || s.category === category)).length;
    for (const fact of allSentences(d).flatMap((s) => s.facts)) {
      if (fact.key === 'statusCount') expect(fact.value, fact.status).toBe(count(fact.status!));
      if (fact.key === 'categoryStatusCount') expect(fact.value, `${fact.category} ${fact.status}`).toBe(count(fact.status!, fact.category));
    }
    expect(d.overview.sentences[0]!.text).toBe(summarySentenceZh(assessPlan(plan, figures, year, { includeUnapproved }).rollup));
  });

  it('lists every lagging or unachieved indicator among the problems, with its gap or required rate', () => {
    const problems = paragraphText(d.problems);
    for (const i of plan.indicators) {
      const a = engine(i.id, year, includeUnapproved);
      if (!(['lagging', 'seriouslyLagging', 'notAchieved'] as Status[]).includes(a.status)) {
        expect(problems).not.toContain(`“${i.name}”滞后`);
        continue;
      }
      const sentence = d.problems.find((s) => s.text.startsWith(`“${i.name}”`));
      expect(sentence, i.name).toBeDefined();
      const keys = sentence!.facts.map((f) => f.key);
      if (a.requiredAnnualChange !== null) expect(keys).toContain('requiredAnnualChange');
      if (a.gapToTarget !== null) expect(keys).toContain('gapToTarget');
    }
  });

  it('counts the key tasks as the tasks page does, plan-wide and per programme', () => {
    const approvedOnly = !includeUnapproved;
    const reports = sampleTaskReports();
    const overview = buildTaskOverview(taskPlan, reports, { year, today: SAMPLE_TODAY, approvedOnly });
    const actions = taskPlan.programmes.flatMap((p) => p.actions);
    const counted = reports.filter((r) => r.year <= year && (r.state === 'approved' || (!approvedOnly && r.state === 'submitted')));
    const facts = allSentences(d).flatMap((s) => s.facts).filter((f) => f.key === 'taskTotal' || f.key === 'taskCount');
    if (counted.length === 0) {
      expect(d.tasks.sentences).toHaveLength(1);
      expect(d.tasks.sentences[0]!.text).toBe(`截至${year}年，36项重点任务尚无${approvedOnly ? '已审核的' : '已报送的'}进展报告，本节暂无法评估推进情况。`);
      expect(facts.map((f) => f.value)).toEqual([actions.length]);
      return;
    }
    expect(facts.length).toBeGreaterThan(8 * 4);
    for (const fact of facts) {
      const scope = fact.programme === undefined ? overview.rollup : overview.rollup.programmes.find((p) => p.programme === fact.programme)!;
      if (fact.key === 'taskCount') expect(fact.value, `${fact.programme} ${fact.status}`).toBe(scope.byStatus[fact.status as keyof typeof scope.byStatus]);
      else if (fact.status === undefined) expect(fact.value).toBe(fact.programme === undefined ? actions.length : taskPlan.programmes.find((p) => p.number === fact.programme)!.actions.length);
      else if (fact.status === 'overdue+delayed') expect(fact.value).toBe(overview.rollup.byStatus.overdue + overview.rollup.byStatus.delayed);
      else if (fact.status === 'overdueWithoutReport') {
        const silent = overview.rows.filter((r) => r.status === 'overdue' && !counted.some((c) => c.actionId === r.action.id));
        expect(fact.value).toBe(silent.length);
      } else throw new Error(`unexpected task fact ${fact.status}`);
    }
    expect(d.tasks.sentences[0]!.text).toBe(`${year}年，${overview.sentence}`);
    expect(d.tasks.programmes.map((p) => p.label)).toEqual(overview.programmes.map((p) => p.heading));
    // Every action overdue or lagging is named, in section 3 and again in section 5.
    for (const row of overview.rows.filter((r) => r.status === 'overdue' || r.status === 'delayed')) {
      expect(paragraphText(d.tasks.behind), row.action.name).toContain(`“${row.action.name}”`);
      expect(paragraphText(d.problems), row.action.name).toContain(`“${row.action.name}”`);
    }
  });

  it('states each 对标 number as standingAgainstReferences computes it from the reference values, with its year', () => {
    const facts = allSentences(d).flatMap((s) => s.facts.filter((f) => f.key.startsWith('benchmark') || f.key.startsWith('county')));
    expect(facts.length).toBeGreaterThan(20);
    const refs = benchmarks.referenceValues;
    for (const fact of facts) {
      expect(fact.year, fact.key).toBeDefined();
      if (fact.key === 'countyRank') {
        expect(fact.value).toBe(benchmarks.countyEvaluations.find((c) => c.year === fact.year)!.provinceRank);
        continue;
      }
      if (fact.key === 'countyRankChange') continue; // all seeded ranks are 1: no change is printed
      const indicator = plan.indicators.find((i) => i.name === fact.subject);
      const series = benchmarks.series.find((x) => x.name === fact.subject);
      const subject = indicator ? { type: 'indicator', id: indicator.id } : { type: 'series', id: series!.id };
      const of = (kind: string) => refs.find((r) => r.subject.type === subject.type && r.subject.id === subject.id && r.kind === kind && r.year === fact.year);
      const history = benchmarks.history.find((h) => h.subject.type === subject.type && h.subject.id === subject.id && h.year === fact.year);
      const district = history?.valueText ?? (indicator && fact.year === plan.baseYear ? String(indicator.baseline) : undefined);
      const best = of('provinceBest')?.valueText;
      const expected: Record<string, number | null | undefined> = {
        benchmarkValue: district === undefined ? undefined : Number(district),
        benchmarkBest: best === undefined ? undefined : Number(best),
        benchmarkShare: best !== undefined ? shareOfReference(district, best) : of('shareOfProvinceBest')!.value / 100,
        benchmarkGap: best === undefined ? undefined : Math.abs(gapToBest(district, best, (indicator ?? series)!.direction)!.gap),
        benchmarkRank: of('provinceRank')?.value,
      };
      expect(expected[fact.key], `${fact.key} of ${fact.subject}`).toBeDefined();
      expect(fact.value, `${fact.key} of ${fact.subject}`).toBeCloseTo(expected[fact.key]!, 12);
      const { value, halfUnit } = shown(fact);
      expect(Math.abs(value - fact.value), `${fact.text} for ${fact.value}`).toBeLessThanOrEqual(halfUnit);
    }
    // Seeded reference values are of 2020 only: the text says the comparison is from 2020 and is not the report year's.
    const lead = d.benchmarks.sentences[1]!.text;
    expect(lead).toContain('对标数据为2020年数据');
    expect(lead).toContain(`不代表${year}年的水平`);
    for (const s of d.benchmarks.sentences.slice(2)) expect(s.text).toMatch(/^“[^”]+”2020年/);
    expect(d.benchmarks.sentences[0]!.text).toContain('2018年第1位、2019年第1位、2020年第1位，2018—2020年名次持平');
  });

  it('marks preliminary and unapproved figures, and keeps the sample notice', () => {
    const text = d.categories.flatMap((c) => c.sentences).map((s) => s.text).join('');
    const used = plan.indicators.map((i) => ({ i, a: engine(i.id, year, includeUnapproved) }));
    const preliminary = used.some(({ i, a }) => figures.some((f) => f.indicatorId === i.id && f.year === a.latestYear && f.quality === 'preliminary'));
    expect(text.includes('初步')).toBe(preliminary);
    const unapproved = used.some(({ i, a }) => figures.some((f) => f.indicatorId === i.id && f.year === a.latestYear && f.status !== 'approved'));
    expect(text.includes('未审核')).toBe(unapproved);
    expect(d.sampleNotice).toBe('示例数据');
  });
});

describe('final evaluation (2025)', () => {
  it('says how many of the 16 targets were achieved and names those not achieved', () => {
    const d = draftFor(2025, 'final');
    const achieved = plan.indicators.filter((i) => engine(i.id, 2025, false).status === 'achieved');
    const notAchieved = plan.indicators.filter((i) => engine(i.id, 2025, false).status === 'notAchieved');
    expect(notAchieved.length).toBeGreaterThan(0);
    const sentence = d.overview.sentences[1]!.text;
    expect(sentence).toContain(`16项指标中${achieved.length}项已完成目标`);
    for (const i of notAchieved) expect(sentence).toContain(`“${i.name}”`);
    expect(d.title).toBe('鹿泉区科技创新“十四五”规划实施情况总结评估报告（初稿）');
  });

  it('proposes 十五五 targets from the latest approved figures, never as decided', () => {
    const d = draftFor(2025, 'final');
    expect(d.proposals.nextFirstYear).toBe(2026);
    expect(d.proposals.nextLastYear).toBe(2030);
    expect(d.proposals.notice).toContain('不是已确定的目标');
    const row13 = d.proposals.rows.find((r) => r.sequence === 13)!;
    expect([row13.baselineText, row13.baselineYear]).toEqual(['8.44', 2024]);
    expect(row13.notes.join()).toContain('尚未审核');
  });
});

describe('sections of other modules', () => {
  it('say so in one sentence when their module has no data', () => {
    const d = draftFor(2023, 'midterm');
    expect(d.tasks.sentences.map((s) => s.text)).toEqual([NO_TASKS_SENTENCE]);
    expect(d.benchmarks.sentences.map((s) => s.text)).toEqual([NO_BENCHMARKS_SENTENCE]);
  });

  it('the key tasks without any report (the seeded state): one sentence, nothing listed', () => {
    const d = withModules(2025, 'final', false, []);
    expect(d.tasks.sentences.map((s) => s.text)).toEqual(['截至2025年，36项重点任务尚无已审核的进展报告，本节暂无法评估推进情况。']);
    expect(d.tasks.programmes).toEqual([]);
    expect(d.tasks.behind).toEqual([]);
    expect(paragraphText(d.problems)).not.toContain('重点任务');
    expect(paragraphText(d.suggestions.items)).not.toContain('专栏');
  });

  it('2025: the eight programmes one by one, the lagging action with the problem its approved report states', () => {
    const d = withModules(2025, 'final');
    expect(d.tasks.sentences[0]!.text).toBe('2025年，36项重点任务中，已完成1项，推进中1项，滞后1项，逾期33项。');
    expect(d.tasks.programmes).toHaveLength(8);
    expect(d.tasks.programmes[1]).toEqual(expect.objectContaining({ label: '专栏2 实施产业技术创新工程' }));
    expect(d.tasks.programmes[1]!.sentence.text).toBe('4项重点任务中，已完成0项，推进中0项，滞后1项，逾期3项。');
    const lagging = '“开展主导产业关键核心技术攻关行动”（专栏2）滞后（2025年全年报告），报告所述存在问题：关键设备进口受限，攻关项目延期。';
    expect(d.tasks.behind.map((s) => s.text)).toContain(lagging);
    expect(d.problems.map((s) => s.text)).toContain(`重点任务${lagging}`);
    // overdue in 2025 after an approved 上半年 report: its problems are that report's
    expect(paragraphText(d.tasks.behind)).toContain('“开展军民融合创新高地建设行动”（专栏3）逾期（2025年全年进展报告报送截止日期已过，尚无已审核的报告），2025年上半年报告所述存在问题：用地手续未办结。');
    // the submitted 滞后 report does not count for leaders, nor does the draft
    expect(paragraphText(d.tasks.behind)).not.toContain('资金未到位');
    expect(d.tasks.behind.at(-1)!.text).toMatch(/^另有32项任务逾期（2025年全年进展报告报送截止日期已过/);
    // 工作建议: one line per indicator not achieved (its gap), per action with a report (its next steps), and the silent ones together
    const suggestions = d.suggestions.items.map((s) => s.text);
    expect(suggestions).toContain('“市级以上孵化器数量”：规划期末距目标差1家。');
    expect(suggestions).toContain('“开展主导产业关键核心技术攻关行动”（专栏2，滞后）：报告所述下一步打算：协调替代设备供应商。');
    expect(d.suggestions.lead.text).toBe('依据本报告的指标监测数据和重点任务进展报告，以下事项需跟进（规划期末未完成目标的指标，下一规划期参考值见本部分（一））：');
    expect(suggestions.at(-1)).toBe('第五部分所列逾期且无进展报告的32项任务：2025年全年进展报告尚未报送或审核。');
  });

  it('with unapproved data the submitted report counts: two actions lag', () => {
    const d = withModules(2025, 'final', true);
    expect(d.tasks.sentences[0]!.text).toBe('2025年，36项重点任务中，已完成1项，推进中1项，滞后2项，逾期32项。');
    expect(paragraphText(d.tasks.behind)).toContain('资金未到位');
  });

  it('a year before the last: the required rate goes into the suggestions', () => {
    const d = withModules(2024, 'annual');
    const progress = assessPlan(plan, figures, 2024);
    const lagging = progress.indicators.filter((i) => ['lagging', 'seriouslyLagging'].includes(i.assessment.status) && i.assessment.requiredAnnualChange !== null);
    expect(lagging.length).toBeGreaterThan(0);
    for (const item of lagging) {
      const line = d.suggestions.items.find((s) => s.text.startsWith(`“${item.indicator.name}”：`));
      expect(line?.facts.map((f) => f.key), item.indicator.name).toContain('requiredAnnualChange');
      expect(line!.text).toContain('2025年前需年均');
    }
  });

  it('suggests nothing when nothing lags, and says so', () => {
    const progress = assessPlan(plan, figures, 2025);
    const achieved = new Set(progress.indicators.filter((i) => i.assessment.status === 'achieved').map((i) => i.indicator.id));
    const only = { ...plan, indicators: plan.indicators.filter((i) => achieved.has(i.id)) };
    const d = evaluationDraft(only, assessPlan(only, figures, 2025), { kind: 'final', allFigures: figures, sampleNotice: null, ...modulesFor(2025, false, []) });
    expect(d.suggestions.items).toEqual([]);
    expect(d.suggestions.lead.text).toBe('依据本报告的监测数据，无滞后或未完成的指标，暂无需跟进的事项。');
  });
});
