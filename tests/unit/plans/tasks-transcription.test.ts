// The 专栏1–8 seed against the plan text: every name, text, number, target phrase and project as printed,
// nothing left out (every action line, every Arabic numeral, every project of 专栏7 item 3).
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PROJECT_MILESTONES, LUQUAN_2021_2025_PROGRAMMES as PROGRAMMES, LUQUAN_2021_2025_PROJECTS as PROJECTS,
  NUMBERS_NOT_TARGETS, programmeHeading, withEnumerationCommas, type TaskActionSeed,
} from '@/lib/plans/luquan-2021-2025-tasks';

const SOURCE_PATH = fileURLToPath(new URL('../../../docs/sources/luquan-sti-plan-2021-2025.txt', import.meta.url));
/** the original outside the repository, present on the team's machines */
const SHARED_PATH = fileURLToPath(new URL('../../../../shared/plan/luquan-sti-plan-2021-2025.txt', import.meta.url));
const SOURCE_SHA256 = 'a10def73bcf17bc9241a0b561318aa3f9fbd4720546cd4f4a9c2b19fe257fcdb';

const source = readFileSync(SOURCE_PATH, 'utf8');
const lines = source.split('\n');
const ACTION_LINE = /^(\d+)\.(开展.*?)( \|)?$/;

const allActions = PROGRAMMES.flatMap((p) => p.actions.map((a) => ({ programme: p.number, ...a })));
/** the line index of an action: the line that is exactly “N.text”, or “N.text |” at the end of a box */
function lineOf(a: Pick<TaskActionSeed, 'number' | 'name' | 'text'>): number {
  const i = lines.findIndex((l) => l === `${a.number}.${a.text}` || l === `${a.number}.${a.text} |`);
  expect(i, `${a.number}.${a.name} is a line of the text`).toBeGreaterThanOrEqual(0);
  return i;
}

describe('the source text', () => {
  it('is the plan text, byte for byte (SHA-256)', () => {
    expect(createHash('sha256').update(readFileSync(SOURCE_PATH)).digest('hex')).toBe(SOURCE_SHA256);
  });
  it.runIf(existsSync(SHARED_PATH))('equals the shared original where that is present', () => {
    expect(readFileSync(SOURCE_PATH)).toEqual(readFileSync(SHARED_PATH));
  });
});

describe('programmes (专栏1–8)', () => {
  it('are the eight boxes in order, titles as printed, null where the heading was lost', () => {
    expect(PROGRAMMES.map((p) => p.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(PROGRAMMES.map((p) => p.title)).toEqual([
      null, '实施产业技术创新工程', '实施创新高地建设工程', null, '实施创新成果转化工程', null, '实施创新创业平台建设工程', '实施创新生态改善工程',
    ]);
    expect(programmeHeading(PROGRAMMES[0]!)).toBe('专栏1（标题缺失）');
    expect(programmeHeading(PROGRAMMES[1]!)).toBe('专栏2 实施产业技术创新工程');
  });

  it('the text prints exactly the headings of 专栏2, 3, 5, 7, 8, each as “专栏N title |”', () => {
    expect([...source.matchAll(/专栏(\d)/g)].map((m) => Number(m[1]))).toEqual([2, 3, 5, 7, 8]);
    for (const p of PROGRAMMES.filter((x) => x.title !== null)) expect(lines).toContain(`专栏${p.number} ${p.title} |`);
  });

  it('each programme is one box: its actions are consecutive lines, opened by a border line and closed by “ |”', () => {
    let previousEnd = -1;
    for (const p of PROGRAMMES) {
      const at = p.actions.map(lineOf);
      const first = at[0]!;
      const last = at.at(-1)!;
      expect(at, `专栏${p.number}`).toEqual(at.map((_, i) => first + i));
      expect(lines[first - 1], `专栏${p.number} opens`).toBe('|');
      expect(lines[last]!.endsWith(' |'), `专栏${p.number} closes`).toBe(true);
      // a titled box has its heading just above the border; an untitled one has none since the previous box
      const between = lines.slice(previousEnd + 1, first);
      if (p.title === null) expect(between.some((l) => l.includes('专栏')), `专栏${p.number} has no heading`).toBe(false);
      else expect(lines[first - 2]).toBe(`专栏${p.number} ${p.title} |`);
      previousEnd = last;
    }
  });
});

describe('actions', () => {
  it('are numbered as the text numbers them: 36 in all, 专栏5 starting at 2', () => {
    expect(PROGRAMMES.map((p) => p.actions.map((a) => a.number))).toEqual([
      [1, 2, 3, 4, 5], [1, 2, 3, 4], [1, 2, 3, 4, 5], [1, 2, 3, 4], [2, 3, 4], [1, 2, 3, 4, 5, 6], [1, 2, 3, 4, 5], [1, 2, 3, 4],
    ]);
    expect(allActions).toHaveLength(36);
  });

  it('are every “N.开展…” line of the text, in order, nothing left out', () => {
    const fromText = lines.flatMap((l) => {
      const m = ACTION_LINE.exec(l);
      return m ? [`${m[1]}.${m[2]}`] : [];
    });
    expect(allActions.map((a) => `${a.number}.${a.text}`)).toEqual(fromText);
  });

  it.each(allActions.map((a) => [`专栏${a.programme}-${a.number} ${a.name}`, a] as const))('%s: name and text verbatim', (_, a) => {
    expect(source).toContain(a.text);
    expect(source).toContain(a.name);
    expect(a.name).toMatch(/^开展\S+行动$/);
    // the name is what precedes the first 。 (the text has one stray space there: “扩大行动 。”)
    expect(a.text.slice(0, a.text.indexOf('。')).trimEnd()).toBe(a.name);
    expect(a.text.endsWith('。')).toBe(true);
    lineOf(a);
  });

  it('have no responsible units (not in the text)', () => {
    for (const a of allActions) expect([a.leadUnit, a.cooperatingUnits]).toEqual([null, null]);
  });

  it('read with 、 restored for display, no "." left', () => {
    for (const a of allActions) expect(withEnumerationCommas(a.text)).not.toContain('.');
    expect(withEnumerationCommas('支持中电科54所.13所,占比8.41')).toBe('支持中电科54所、13所,占比8.41');
  });
});

const allTargets = allActions.flatMap((a) => a.targets.map((t) => ({ action: a, ...t })));

describe('targets', () => {
  it('are the twelve commitments: 专栏2 one, 专栏3 two, 专栏4 two, 专栏6 seven', () => {
    expect(allTargets.map((t) => `${t.action.programme}-${t.action.number}:${t.subject}`)).toEqual([
      '2-1:关键核心技术',
      '3-2:重大科研成果和新产品',
      '3-2:科技领军人才',
      '4-1:协同创新中心.产业技术创新联盟',
      '4-3:产业技术创新联盟',
      '6-1:境外高层次科技人才',
      '6-2:高层次创新创业领军人才',
      '6-2:高水平创新创业团队',
      '6-3:“创新型企业家”培训基地',
      '6-3:“产业技术与管理创新人才”培训基地',
      '6-3:“高技能人才”培训基地',
      '6-4:全区科技特派员总数',
    ]);
  });

  it.each(allTargets.map((t) => [t.phrase + ' / ' + t.subject, t] as const))('%s: as written', (_, t) => {
    expect(t.action.text).toContain(t.phrase);
    expect(t.phrase).toContain(t.subject);
    // the number (or range), the unit and the qualifier, in that order, as in the phrase
    const amount = t.upper === null || t.upper === t.lower ? `${t.lower}` : `${t.lower}-${t.upper}`;
    expect(t.phrase).toMatch(new RegExp(`(^|[^\\d-])${amount}\\s*${t.unit}${t.qualifier ?? ''}`));
    if (t.qualifier === null) expect(t.phrase).not.toMatch(/左右|以上/);
    if (t.qualifier === '以上') expect(t.upper).toBeNull();
    else expect(t.upper).not.toBeNull();
    expect(t.kind === 'perYear').toBe(t.phrase.includes('每年'));
    if (t.deadlineYear === null) expect(t.phrase).not.toMatch(/到\d{4}年/);
    else expect(t.phrase.startsWith(`到${t.deadlineYear}年`)).toBe(true);
    if (t.horizonYears) expect(t.phrase).toContain(`${t.horizonYears.lower}-${t.horizonYears.upper}年时间`);
    expect(t.baseline).toBeNull();
  });

  it('leave no Arabic numeral of any action unaccounted for', () => {
    for (const a of allActions) {
      let rest = a.text;
      const known = new Set([
        ...a.targets.map((t) => t.phrase), // 专栏6-3's three targets share one phrase
        ...NUMBERS_NOT_TARGETS.filter((n) => n.programme === a.programme && n.action === a.number).map((n) => n.phrase),
      ]);
      for (const phrase of known) {
        expect(rest, `专栏${a.programme}-${a.number}: ${phrase}`).toContain(phrase);
        rest = rest.split(phrase).join('');
      }
      expect(rest, `专栏${a.programme}-${a.number}`).not.toMatch(/\d/);
    }
  });
});

describe('projects (专栏7 item 3)', () => {
  const item = PROGRAMMES.find((p) => p.number === 7)!.actions.find((a) => a.number === 3)!;

  it('are the eight named in 专栏7 item 3, in order, nothing left out', () => {
    const listed = /重点建设(.*)等项目。/.exec(item.text)![1]!.split('.');
    expect(PROJECTS.map((p) => p.source)).toEqual(listed);
    expect(PROJECTS).toHaveLength(8);
    expect(PROJECTS.map((p) => p.sequence)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    for (const p of PROJECTS) {
      expect(item.text).toContain(p.source);
      expect([p.programme, p.action]).toEqual([7, 3]);
      expect(p.name).toBe(p.source.replace(/\s/g, ''));
    }
    expect(PROJECTS[0]!.name).toBe('联东U谷鹿泉科技企业港项目');
    expect(PROJECTS.at(-1)!.name).toBe('博泽科技园');
  });

  it('start with the default milestones, without dates or units', () => {
    expect(DEFAULT_PROJECT_MILESTONES).toEqual(['立项', '开工', '主体完工', '投入运营']);
    for (const p of PROJECTS) {
      expect(p.milestones).toEqual(DEFAULT_PROJECT_MILESTONES.map((name) => ({ name, plannedDate: null, actualDate: null })));
      expect([p.leadUnit, p.cooperatingUnits]).toEqual([null, null]);
    }
  });
});
