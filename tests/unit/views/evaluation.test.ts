// The evaluation report's sentences, regenerated from the sample fixture for every plan year, kind and
// data option: every number printed in a sentence is one of the sentence's facts, and every fact is the
// engine's number (assessIndicator, computed here independently of lib/views) printed correctly.
import { describe, expect, it } from 'vitest';
import { assessIndicator, summarySentenceZh, toIndicatorPlan, type Assessment, type Status, type TaskRollup } from '@/lib/progress';
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
  type Fact,
  type Sentence,
} from '@/lib/views/evaluation';
import { assessPlan } from '@/lib/views/plan-progress';
import { sampleFigures, samplePlan } from '../export/sample-plan';

const plan = samplePlan();
const figures = sampleFigures();

function draftFor(year: number, kind: EvaluationKind, includeUnapproved = false, extra: Partial<Parameters<typeof evaluationDraft>[2]> = {}) {
  const progress = assessPlan(plan, figures, year, { includeUnapproved });
  return evaluationDraft(plan, progress, { kind, allFigures: figures, sampleNotice: '示例数据', ...extra });
}

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
    ...d.benchmarks.sentences,
    ...d.problems,
    ...d.proposals.sentences,
  ];
}

/** Numbers printed in a text, years (2021年, 2021—2023) left out. */
function numbersIn(text: string): string[] {
  return [...text.replace(/\d{4}(?=年|—)/g, '').matchAll(/\d[\d,]*(?:\.\d+)?/g)].map((m) => m[0]);
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
  const d = draftFor(year, kind, includeUnapproved);

  it('prints no number that is not one of its facts', () => {
    for (const sentence of allSentences(d)) {
      const available = sentence.facts.flatMap((f) => numbersIn(f.text));
      for (const n of numbersIn(sentence.text)) {
        const at = available.indexOf(n);
        expect(at, `${n} in ${sentence.text}`).toBeGreaterThanOrEqual(0);
        available.splice(at, 1);
      }
      for (const f of sentence.facts) expect(sentence.text, f.key).toContain(f.text);
    }
  });

  it('states each indicator fact as the engine computes it', () => {
    const facts = allSentences(d).flatMap((s) => s.facts.filter((f) => f.indicatorId !== null && !f.key.startsWith('benchmark')));
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

  it('use the task roll-up and benchmark standing when given', () => {
    const zero = { completed: 0, inProgress: 0, delayed: 0, ongoing: 0, notStarted: 0, overdue: 0, pending: 0 };
    const rollup: TaskRollup = {
      total: 3,
      byStatus: { ...zero, completed: 1, delayed: 1, overdue: 1 },
      programmes: [{ programme: 1, total: 3, byStatus: { ...zero, completed: 1, delayed: 1, overdue: 1 } }],
    };
    const d = draftFor(2023, 'midterm', false, {
      tasks: {
        period: { year: 2023, half: 'FY' },
        rollup,
        programmes: [{ number: 1, title: '科技创新平台建设工程' }],
        behind: [{ programme: 1, action: '建设中试基地', status: 'delayed', problems: '用地未落实' }],
      },
      benchmarks: {
        year: 2023,
        rows: [
          {
            indicatorId: 6, name: '高新技术企业数量', unit: '家', decimals: 0, value: 345, provinceBest: 1000,
            standing: { shareOfProvinceBest: 345 / 1000, gapToProvinceBest: { gap: 655, position: 'behind' } },
          },
        ],
      },
    });
    expect(d.tasks.sentences[0]!.text).toBe('截至2023年全年，3项重点任务中，已完成1项，推进中0项，滞后1项，逾期1项。');
    expect(d.tasks.programmes[0]!.label).toBe('专栏1 科技创新平台建设工程');
    expect(d.tasks.behind[0]).toContain('用地未落实');
    expect(d.benchmarks.sentences[0]!.text).toBe('“高新技术企业数量”2023年为345家，是全省最高值的34.5%，与全省最高值相差655家。');
  });
});
