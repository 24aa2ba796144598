/**
 * The annual report in English (English mode, ?lang=en): the same rows and numbers as the Chinese one, every
 * fixed word in English, indicator and category names in English where an admin entered them and otherwise
 * the Chinese name and unit as a whole. Chinese stays the default.
 */
import { describe, expect, it } from 'vitest';
import { buildReport, draftSummary } from '@/lib/export/report';
import { signOffRows } from '@/lib/export/xlsx';
import { assessPlan } from '@/lib/views/plan-progress';
import { formatNumber, formatPercent, statusLabelEn, summarySentenceEn, type PlanRollup } from '@/lib/progress';
import type { PlanDetail } from '@/lib/data/types';
import { sampleFigures, samplePlan } from './sample-plan';

const generatedAt = new Date('2026-03-01T08:30:00Z');
const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;

/** The sample plan with English names for indicator 15 and its category, as an admin would enter them. */
function planWithEnglish(): PlanDetail {
  const plan = samplePlan();
  const fifteen = plan.indicators.find((i) => i.sequence === 15)!;
  const category = { ...fifteen.category, nameEn: 'Innovation environment' };
  return {
    ...plan,
    categories: plan.categories.map((c) => (c.id === category.id ? category : c)),
    indicators: plan.indicators.map((i) =>
      i.sequence === 15 ? { ...i, category, nameEn: 'Science popularisation venues', unitEn: 'venues' } : i.category.id === category.id ? { ...i, category } : i,
    ),
  };
}

function english(year: number, includeUnapproved = false, plan = planWithEnglish()) {
  const progress = assessPlan(plan, sampleFigures(), year, { includeUnapproved });
  return { progress, plan, report: buildReport(plan, progress, { generatedAt, locale: 'en' }) };
}

describe('buildReport in English', () => {
  it('is Chinese unless English is asked for', () => {
    const plan = planWithEnglish();
    const progress = assessPlan(plan, sampleFigures(), 2023);
    const zh = buildReport(plan, progress, { generatedAt });
    expect(zh.locale).toBe('zh-CN');
    expect(zh.columns[0]!.label).toBe('类别');
    // English names never leak into the official Chinese report
    expect(zh.rows.find((r) => r.sequence === 15)!.cells.name.text).toBe(`${plan.indicators[14]!.name}（${plan.indicators[14]!.unit}）`);
  });

  it('has English column headers, 是否完成 as “Target met” only in the final evaluation', () => {
    expect(english(2023).report.columns.map((c) => c.label)).toEqual([
      'Category', 'No.', 'Indicator (unit)', '2020 baseline', '2025 target', 'Annual growth [cumulative]', 'Attribute', 'Actual 2023', 'Completion', 'Expected progress', 'Status',
    ]);
    expect(english(2025).report.columns.map((c) => c.label).slice(-2)).toEqual(['Status', 'Target met']);
  });

  it('shows the same numbers with English statuses, attributes and “No data”', () => {
    const { report, progress } = english(2023);
    const zh = buildReport(planWithEnglish(), progress, { generatedAt });
    for (const row of report.rows) {
      const a = progress.indicators.find((i) => i.indicator.sequence === row.sequence)!.assessment;
      expect(row.cells.status.text).toBe(statusLabelEn(a.status, a));
      expect(row.cells.completion.text).toBe(a.status === 'noData' ? 'No data' : formatPercent(a.completion));
      expect(row.cells.expectedProgress.text).toBe(zh.rows.find((r) => r.sequence === row.sequence)!.cells.expectedProgress.text);
      expect(row.cells.actual.value).toBe(a.latestValue);
      expect(['Expected', 'Binding']).toContain(row.cells.attribute.text);
    }
  });

  it('uses the English name and unit where entered, else the Chinese name and unit as a whole', () => {
    const { report, plan } = english(2023);
    const fifteen = report.rows.find((r) => r.sequence === 15)!;
    expect(fifteen.cells.name.text).toBe('Science popularisation venues (venues)');
    expect(fifteen.cells.category.text).toBe('Innovation environment');
    const one = report.rows.find((r) => r.sequence === 1)!;
    const seed = plan.indicators[0]!;
    expect(one.cells.name.text).toBe(`${seed.name}（${seed.unit}）`);
    expect(one.cells.category.text).toBe(seed.category.name);
  });

  it('marks an older, unapproved or preliminary figure in English, with English footnotes; 待终期评价 reads “Awaiting final evaluation”', () => {
    const approved = english(2025).report;
    const row13 = approved.rows.find((r) => r.sequence === 13)!;
    expect(row13.figureYear).toBe(2024);
    expect(row13.cells.actual.text).toBe(`${formatNumber(row13.cells.actual.value, 2)} (2024)`);
    expect(row13.cells.status.text).toBe('Awaiting final evaluation');
    expect(row13.cells.met.text).toBe('—');
    expect(approved.rows.find((r) => r.sequence === 6)!.cells.actual.text).toMatch(/ \(preliminary\)$/);
    expect(approved.notes[0]).toBe('Note: figures in [] are the cumulative increase over 5 years.');
    expect(approved.notes.some((n) => n.startsWith('A year in brackets after a value'))).toBe(true);
    expect(approved.notes.some((n) => n.startsWith('Figures marked “preliminary”'))).toBe(true);
    expect(approved.notes.at(-1)).toBe('“Target met” refers to the 2025 figure; indicators without a 2025 figure show “—” and await the final evaluation.');
    expect(approved.dataStatus).toBe('Data: approved figures only.');

    const withUnapproved = english(2025, true).report;
    const u13 = withUnapproved.rows.find((r) => r.sequence === 13)!;
    expect(u13.cells.actual.text).toBe(`${formatNumber(u13.cells.actual.value, 2)} (not approved, preliminary)`);
    expect(withUnapproved.dataStatus).toBe('Data: includes figures not yet approved.');
    expect(withUnapproved.generatedAtText).toMatch(/^Generated: 1 March 2026,? (at )?16:30 GMT\+8$/);
  });

  it('leaves no Chinese character in any fixed text; only Chinese names without an English version stay Chinese', () => {
    const { report, plan } = english(2025, true);
    const chineseNames = new Set(plan.indicators.filter((i) => !i.nameEn).flatMap((i) => [`${i.name}（${i.unit}）`, i.category.name, `“${i.name}”`]));
    for (const text of [...report.columns.map((c) => c.label), ...report.notes, report.dataStatus, report.sampleNotice ?? '', report.generatedAtText, ...report.signOff.map((l) => l.caption)]) {
      expect(text, text).not.toMatch(CJK);
    }
    for (const row of report.rows) {
      for (const [key, cell] of Object.entries(row.cells)) {
        if (key === 'name' || key === 'category') continue;
        expect(cell.text, `${row.sequence} ${key}`).not.toMatch(CJK);
      }
    }
    let rest = report.summary;
    for (const name of chineseNames) rest = rest.split(name).join('');
    expect(rest).not.toMatch(CJK);
    // the report's own title keeps the plan's name (user-entered, no English version)
    expect(report.title).toBe(`${plan.name} — main indicators (2025)`);
  });

  it('labels the sign-off block in English', () => {
    const plan = planWithEnglish();
    const r = buildReport(plan, assessPlan(plan, sampleFigures(), 2023), { generatedAt, locale: 'en', signOff: { unit: 'Luquan S&T Bureau', head: 'Zhang Ming', reviewer: null, preparer: null, phone: null, date: null } });
    expect(r.signOff.map((l) => l.caption)).toEqual(['Reporting unit (seal): ', 'Head: ', 'Reviewed by: ', 'Prepared by: ', 'Telephone: ', 'Date: ']);
    expect(signOffRows(r)[0]).toBe('Reporting unit (seal): Luquan S&T Bureau　　　　Head: Zhang Ming　　　　Reviewed by: ＿＿＿＿＿＿＿＿');
    expect(r.sheetName).toBe('Main indicators');
    expect(r.pageFooter).toBe('Page &P of &N');
  });
});

describe('the English summary', () => {
  it('starts with the roll-up sentence of lib/progress, then names the groups; on-track ones are not listed', () => {
    const { report, progress } = english(2023);
    expect(report.summary.startsWith(summarySentenceEn(progress.rollup))).toBe(true);
    expect(report.summary.endsWith(' All counts use approved figures.')).toBe(true);
    const achieved = progress.indicators.filter((i) => i.assessment.status === 'achieved');
    expect(achieved.length).toBeGreaterThan(0);
    expect(report.summary).toContain(`Achieved early: ${achieved.map((i) => (i.indicator.nameEn ? `“${i.indicator.nameEn}”` : `“${i.indicator.name}”`)).join(', ')}`);
  });

  it('is built from the counts and names given (a fixed roll-up)', () => {
    const rollup = { asOfYear: 2023, total: 4, final: false, byStatus: { achieved: 1, ahead: 1, onTrack: 1, lagging: 1, seriouslyLagging: 0, notAchieved: 0, pendingFinal: 0, noData: 0, noTarget: 0 } } as unknown as PlanRollup;
    const lead = summarySentenceEn(rollup);
    expect(lead).toBe('As of 2023, of 4 indicators: 1 achieved early, 1 ahead of schedule, 1 on track and 1 lagging.');
    const rows = [
      { name: 'Patents', status: 'achieved' as const },
      { name: 'Firms', status: 'ahead' as const },
      { name: 'R&D', status: 'onTrack' as const },
      { name: '技术合同成交额', status: 'lagging' as const },
    ];
    const progress = { includeUnapproved: false, summaryZh: '', summaryEn: lead };
    expect(draftSummary(progress, rows, false, 2023, 'en')).toBe(
      'As of 2023, of 4 indicators: 1 achieved early, 1 ahead of schedule, 1 on track and 1 lagging. Achieved early: “Patents”; Ahead of schedule: “Firms”; Lagging: “技术合同成交额”. All counts use approved figures.',
    );
    expect(draftSummary({ ...progress, includeUnapproved: true }, rows.slice(2, 3), false, 2023, 'en')).toBe(
      'As of 2023, of 4 indicators: 1 achieved early, 1 ahead of schedule, 1 on track and 1 lagging (including figures not yet approved).',
    );
  });

  it('in the final evaluation names the targets met, not met and pending', () => {
    const rows = [
      { name: 'Patents', status: 'achieved' as const },
      { name: 'Firms', status: 'notAchieved' as const },
      { name: 'R&D', status: 'pendingFinal' as const },
    ];
    const progress = { includeUnapproved: false, summaryZh: '', summaryEn: 'As of 2025, of 3 indicators: 1 achieved, 1 not achieved and 1 awaiting the final evaluation.' };
    expect(draftSummary(progress, rows, true, 2025, 'en')).toBe(
      'As of 2025, of 3 indicators: 1 achieved, 1 not achieved and 1 awaiting the final evaluation. Targets met: “Patents”; Targets not met: “Firms”; “R&D” have no 2025 figure yet and are not evaluated. All counts use approved figures.',
    );
  });
});

describe('English layout helpers of the builders', async () => {
  const { excelNumberFormat, longestWord } = await import('@/lib/export/layout');
  it('writes marks in an English number format with ASCII brackets', () => {
    expect(excelNumberFormat({ kind: 'decimal', decimals: 2 }, ['2024', 'not approved'], 'en')).toBe('#,##0.00" (2024, not approved)"');
    expect(excelNumberFormat({ kind: 'decimal', decimals: 2 }, ['2024年'])).toBe('#,##0.00"（2024年）"');
  });
  it('measures the longest English word (a column must not break inside it); Chinese text breaks anywhere', () => {
    expect(longestWord('Awaiting final evaluation')).toBe(10);
    expect(longestWord('待终期评价')).toBe(0);
  });
});
