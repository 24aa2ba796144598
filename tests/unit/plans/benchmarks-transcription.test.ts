// The plan's own statements about where the district stands (lib/plans/luquan-2021-2025-benchmarks.ts)
// against the plan text: every source sentence verbatim, every number where it is stated, and the
// arithmetic the text states (increases, multiples, 13.31 %) reproduced by the engine.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  LUQUAN_2021_2025_GARBLED, LUQUAN_2021_2025_HISTORY, LUQUAN_2021_2025_REFERENCE_VALUES, LUQUAN_2021_2025_STATED_CHANGES,
  LUQUAN_2021_2025_SUPPLEMENTARY_SERIES, LUQUAN_COUNTY_EVALUATIONS, PLAN_TEXT_PATH,
  type BenchmarkSubject, type PlanTextSource,
} from '@/lib/plans/luquan-2021-2025-benchmarks';
import { LUQUAN_2021_2025 } from '@/lib/plans/luquan-2021-2025';
import { assessIndicator, decimalDifference, gapToBest, matchesStated, shareOfReference } from '@/lib/progress';

const text = readFileSync(fileURLToPath(new URL(`../../../${PLAN_TEXT_PATH}`, import.meta.url)), 'utf8');

const occurrences = (haystack: string, needle: string) => haystack.split(needle).length - 1;

/** The text from a heading line to the next heading line ("(二)…", "一.…", "第二章…", "表1…"). */
function sectionText(heading: string): string {
  const start = text.indexOf(`\n${heading}\n`);
  expect(start, `heading ${heading}`).toBeGreaterThanOrEqual(0);
  const rest = text.slice(start + heading.length + 2);
  const next = rest.search(/^(\([一二三四五六七八九十]+\)|[一二三四五六七八九十]+\.|第.[章节]|表\d)/m);
  return next < 0 ? rest : rest.slice(0, next);
}

/** The numbers a `stated` fragment writes, years ("2015年") left out. */
const statedNumbers = (stated: string) => [...stated.matchAll(/\d+(?:\.\d+)?(?!\d|\.\d|年)/g)].map((m) => m[0]);

function checkSource(entry: PlanTextSource & { value?: string }, value: string) {
  expect(occurrences(text, entry.source), `source not verbatim in the plan text: ${entry.source}`).toBeGreaterThanOrEqual(1);
  expect(sectionText(entry.section), `${entry.source} is not under ${entry.section}`).toContain(entry.source);
  expect(occurrences(entry.source, entry.stated), `"${entry.stated}" once in "${entry.source}"`).toBe(1);
  expect(statedNumbers(entry.stated), `"${entry.stated}" states ${value}`).toEqual([value]);
}

const table1 = new Map(LUQUAN_2021_2025.indicators.map((i) => [i.sequence, i]));
const seriesKeys = new Set(LUQUAN_2021_2025_SUPPLEMENTARY_SERIES.map((s) => s.key));
const label = (s: BenchmarkSubject) => (s.type === 'indicator' ? `表1-${s.sequence}` : s.key);
const unitOf = (s: BenchmarkSubject) =>
  s.type === 'indicator' ? table1.get(s.sequence)?.unit : LUQUAN_2021_2025_SUPPLEMENTARY_SERIES.find((x) => x.key === s.key)?.unit;

function expectKnownSubject(s: BenchmarkSubject) {
  if (s.type === 'indicator') expect(table1.has(s.sequence), label(s)).toBe(true);
  else expect(seriesKeys.has(s.key), label(s)).toBe(true);
}

describe('the plan text copy', () => {
  it('is the scraped plan (title, 表1, the 面临的挑战 section)', () => {
    expect(text.startsWith('石家庄市鹿泉区科技创新“十四五”规划征求意见公示')).toBe(true);
    expect(text).toContain('表1 “十四五”科技创新主要指标');
    expect(text).toContain('\n(二)面临的挑战\n');
  });
});

describe('reference values (对标值)', () => {
  const refs = LUQUAN_2021_2025_REFERENCE_VALUES;

  it.each(refs.map((r) => [`${label(r.subject)} ${r.kind} ${r.value}`, r] as const))('%s: verbatim source, stated number', (_, r) => {
    checkSource(r, r.value);
    expectKnownSubject(r.subject);
    expect(r.year).toBe(2020);
    if (r.kind === 'cityRank' || r.kind === 'provinceRank') {
      expect(r.unit).toBe('位');
      expect(Number.isInteger(Number(r.value)) && Number(r.value) >= 1).toBe(true);
      expect(r.stated).toMatch(new RegExp(`第${r.value}(位)?$`));
    } else if (r.kind === 'shareOfProvinceBest' || r.kind === 'shareOfCityTotal') {
      expect(r.unit).toBe('%');
      expect(r.stated).toBe(`${r.value}%`);
    } else {
      expect(r.unit).toBe(unitOf(r.subject));
    }
  });

  it('counts by kind: what the text states, nothing more', () => {
    const counts: Record<string, number> = {};
    for (const r of refs) counts[r.kind] = (counts[r.kind] ?? 0) + 1;
    expect(counts).toEqual({
      cityBest: 3, provinceBest: 5, cityRank: 3, provinceRank: 2, shareOfCityTotal: 1, cityTotal: 1, shareOfProvinceBest: 3, gapToProvinceBest: 2,
    });
    // one value per subject, kind and year
    const keys = refs.map((r) => `${label(r.subject)}|${r.kind}|${r.year}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('stated gaps and bests agree with the district values (228 + 30 = 258, 837 + 206 = 1043)', () => {
    for (const sequence of [6, 7]) {
      const best = refs.find((r) => r.subject.type === 'indicator' && r.subject.sequence === sequence && r.kind === 'provinceBest')!;
      const gap = refs.find((r) => r.subject.type === 'indicator' && r.subject.sequence === sequence && r.kind === 'gapToProvinceBest')!;
      const baseline = table1.get(sequence)!.baseline;
      expect(gapToBest(baseline, best.value)).toEqual({ gap: Number(gap.value), position: 'behind' });
    }
  });

  it('the stated 1.35% is 1.55 亿元 of the city total 115 亿元', () => {
    const total = refs.find((r) => r.kind === 'cityTotal')!;
    const share = refs.find((r) => r.kind === 'shareOfCityTotal')!;
    expect(matchesStated(share.value, shareOfReference(table1.get(13)!.baseline, total.value)! * 100)).toBe(true);
    expect(matchesStated('1.34', shareOfReference(table1.get(13)!.baseline, total.value)! * 100)).toBe(false);
  });

  it('a stated ratio stays a ratio: no province best is stored for the three input series', () => {
    for (const r of refs.filter((x) => x.kind === 'shareOfProvinceBest')) {
      expect(r.subject.type).toBe('series');
      expect(refs.some((x) => x.kind === 'provinceBest' && label(x.subject) === label(r.subject))).toBe(false);
    }
  });

  it('garbled fragments are in the text and nothing is stored from them', () => {
    expect(LUQUAN_2021_2025_GARBLED.length).toBeGreaterThan(0);
    for (const g of LUQUAN_2021_2025_GARBLED) {
      expect(sectionText(g.section)).toContain(g.fragment);
      const all: PlanTextSource[] = [...refs, ...LUQUAN_2021_2025_HISTORY, ...LUQUAN_COUNTY_EVALUATIONS];
      for (const e of all) {
        expect(e.source).not.toContain(g.fragment);
        expect(e.stated).not.toContain('4.59');
      }
      // nothing but the ranks for 表1-11
      expect(refs.filter((r) => label(r.subject) === label(g.about)).map((r) => r.kind).sort()).toEqual(['cityRank', 'provinceRank']);
    }
  });
});

describe('county evaluation (全省县域科技创新能力评价)', () => {
  it('first in 2018, 2019 and 2020, as stated; grade and score unknown', () => {
    expect(LUQUAN_COUNTY_EVALUATIONS.map((e) => [e.year, e.provinceRank, e.grade, e.score])).toEqual([
      [2018, 1, null, null], [2019, 1, null, null], [2020, 1, null, null],
    ]);
    for (const e of LUQUAN_COUNTY_EVALUATIONS) {
      checkSource(e, String(e.provinceRank));
      const m = /^(\d{4})年到(\d{4})年连续三年/.exec(e.source)!;
      expect(e.year).toBeGreaterThanOrEqual(Number(m[1]));
      expect(e.year).toBeLessThanOrEqual(Number(m[2]));
    }
    expect(text).toContain('在连续3年位居全省县域科技创新能力第1名的基础上');
  });
});

describe('supplementary series (监测指标)', () => {
  it('are apart from 表1: no name of a 表1 indicator, related rows exist, keys unique', () => {
    const names = new Set(LUQUAN_2021_2025.indicators.map((i) => i.name));
    expect(new Set(LUQUAN_2021_2025_SUPPLEMENTARY_SERIES.map((s) => s.key)).size).toBe(LUQUAN_2021_2025_SUPPLEMENTARY_SERIES.length);
    for (const s of LUQUAN_2021_2025_SUPPLEMENTARY_SERIES) {
      expect(names.has(s.name), s.name).toBe(false);
      if (s.relatedIndicator !== null) expect(table1.has(s.relatedIndicator)).toBe(true);
      if (s.kind === 'share') expect(s.unit).toBe('%');
    }
  });

  it('each series has a figure or a reference value from the text', () => {
    for (const s of LUQUAN_2021_2025_SUPPLEMENTARY_SERIES) {
      const used = [...LUQUAN_2021_2025_HISTORY, ...LUQUAN_2021_2025_REFERENCE_VALUES].some((e) => e.subject.type === 'series' && e.subject.key === s.key);
      expect(used, s.key).toBe(true);
    }
  });
});

describe('history (十三五 figures the text states)', () => {
  const history = LUQUAN_2021_2025_HISTORY;

  it.each(history.map((h) => [`${label(h.subject)} ${h.year} ${h.value}`, h] as const))('%s: verbatim source, stated number', (_, h) => {
    checkSource(h, h.value);
    expectKnownSubject(h.subject);
    expect(h.unit).toBe(unitOf(h.subject));
    expect([2015, 2020]).toContain(h.year);
    // a 2015 figure says so in its words
    if (h.year === 2015) expect(h.stated.startsWith('2015年')).toBe(true);
  });

  it('the 2015 figures of the brief: 44, 214, 22, 5495', () => {
    const of2015 = history.filter((h) => h.year === 2015).map((h) => [label(h.subject), h.value]);
    expect(of2015).toEqual([['fiscalStiSpending', '5495'], ['表1-6', '44'], ['表1-7', '214'], ['表1-10', '22']]);
  });

  it('every 2020 figure of a 表1 indicator equals its 2020 基数', () => {
    const rows = history.filter((h) => h.year === 2020 && h.subject.type === 'indicator');
    // 表1 rows 2 (a growth rate), 4, 5 and 14 have no 2020 figure in the text outside 表1
    expect(rows.map((h) => (h.subject as { sequence: number }).sequence).sort((a, b) => a - b)).toEqual([6, 7, 8, 9, 10, 11, 12, 13, 15, 16]);
    for (const h of rows) expect(h.value, label(h.subject)).toBe(table1.get((h.subject as { sequence: number }).sequence)!.baseline);
  });

  it('one figure per subject and year', () => {
    const keys = history.map((h) => `${label(h.subject)}|${h.year}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('parts add up where the text gives them: 孵化器 1 + 2 ≤ 4, 众创空间 4 + 1 ≤ 11, 省级以上研发平台 89 ≤ 144', () => {
    const v = (l: string) => Number(history.find((h) => h.year === 2020 && label(h.subject) === l)!.value);
    expect(v('provincialIncubators') + v('nationalIncubators')).toBeLessThanOrEqual(v('表1-16'));
    expect(v('provincialMakerSpaces') + v('nationalMakerSpaces')).toBeLessThanOrEqual(v('表1-15'));
    expect(v('provincialRdPlatforms')).toBeLessThanOrEqual(v('表1-10'));
  });
});

describe('stated changes 2015 → 2020', () => {
  const value = (subject: BenchmarkSubject, year: number) =>
    LUQUAN_2021_2025_HISTORY.find((h) => label(h.subject) === label(subject) && h.year === year)!.value;

  it.each(LUQUAN_2021_2025_STATED_CHANGES.map((c) => [label(c.subject), c] as const))('%s: increase, multiple and growth as stated', (_, c) => {
    expect(text).toContain(c.source);
    expect(sectionText(c.section)).toContain(c.source);
    const from = value(c.subject, c.fromYear);
    const to = value(c.subject, c.toYear);
    expect(c.source).toMatch(new RegExp(`增加了?${c.increase}(?![\\d.])`));
    expect(decimalDifference(to, from)).toBe(Number(c.increase));
    if (c.multiple !== null) {
      expect(c.source).toContain(`是2015年的${c.multiple}倍`);
      expect(matchesStated(c.multiple, Number(to) / Number(from))).toBe(true);
    }
    if (c.averageGrowthPct !== null) {
      expect(c.source).toContain(`年均增长${c.averageGrowthPct}%`);
    }
  });

  it("表1 row 2's 13.31 is the engine's average growth of 5495 → 10264 万元 over 2015–2020", () => {
    const fiscal = LUQUAN_2021_2025_STATED_CHANGES.find((c) => c.subject.type === 'series' && c.subject.key === 'fiscalStiSpending')!;
    const row2 = table1.get(2)!;
    expect(row2.baseline).toBe('13.31');
    expect(fiscal.averageGrowthPct).toBe(row2.baseline);
    // The engine's average annual growth of a level indicator: ((V / V0)^(1/k) − 1) · 100 %.
    const a = assessIndicator(
      { kind: 'cumulative', baseYear: 2015, targetYear: 2020, baseline: 5495, target: null, annualRate: null },
      [{ year: 2020, value: 10264 }],
      2020,
    );
    expect(a.elapsedYears).toBe(5);
    expect(a.averageAnnualGrowthPct).not.toBeNull();
    expect(a.averageAnnualGrowthPct!.toFixed(2)).toBe('13.31');
    expect(matchesStated(row2.baseline, a.averageAnnualGrowthPct)).toBe(true);
    // and not by chance: over four years it would be 16.9 %
    const four = assessIndicator({ kind: 'cumulative', baseYear: 2016, targetYear: 2020, baseline: 5495, target: null, annualRate: null }, [{ year: 2020, value: 10264 }], 2020);
    expect(matchesStated(row2.baseline, four.averageAnnualGrowthPct)).toBe(false);
  });
});
