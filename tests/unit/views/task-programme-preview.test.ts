// lib/views/task-programme-preview: what the import of a new plan's 专栏 shows before it writes — the
// headings (a blank title stays missing), the actions and their targets as read, the counts — and the
// token that tells the confirmation whether the file it reads again is the one previewed.
import { describe, expect, it } from 'vitest';
import { buildTaskProgrammePreview, targetValueText, taskProgrammeImportToken } from '@/lib/views/task-programme-preview';
import type { ImportedTaskProgramme } from '@/lib/data/types';

type Target = ImportedTaskProgramme['actions'][number]['targets'][number];
const target = (over: Partial<Target> = {}): Target => ({ phrase: '每年新增高新技术企业10家', subject: '高新技术企业', unit: '家', kind: 'perYear', lower: '10', upper: null, qualifier: null, deadlineYear: null, ...over });
const action = (number: number, targets: Target[] = []) => ({ number, name: `任务${number}`, text: `任务${number}的内容`, targets });

const programmes: ImportedTaskProgramme[] = [
  { number: 1, title: '实施创新主体培育工程', actions: [action(1, [target(), target({ phrase: '到2030年研发投入强度达到3%左右', subject: '研发投入强度', unit: '%', kind: 'levelAt', lower: '3', qualifier: '左右', deadlineYear: 2030 })]), action(2)] },
  { number: 2, title: null, actions: [action(1, [target({ kind: 'cumulative', lower: '2', upper: '3', unit: '个' })])] },
];

describe('targetValueText', () => {
  it.each<[Partial<Target>, string]>([
    [{ lower: '10', unit: '家' }, '10家'],
    [{ lower: '2', upper: '3', unit: '项' }, '2—3项'],
    [{ lower: '100', unit: '亿元', qualifier: '左右' }, '100亿元左右'],
    [{ lower: '50', unit: '%', qualifier: '以上' }, '50%以上'],
    [{ lower: '0.5', upper: '1.25', unit: '%', qualifier: '左右' }, '0.5—1.25%左右'],
  ])('%j reads %s', (over, text) => {
    expect(targetValueText(target(over))).toBe(text);
  });
});

describe('buildTaskProgrammePreview', () => {
  const preview = buildTaskProgrammePreview(programmes);

  it('counts the 专栏, actions and targets it would write', () => {
    expect(preview.counts).toEqual({ programmes: 2, actions: 3, targets: 3 });
  });

  it.each<[number, string, boolean, [number, string, number][]]>([
    [1, '专栏1 实施创新主体培育工程', false, [[1, '任务1', 2], [2, '任务2', 0]]],
    [2, '专栏2（标题缺失）', true, [[1, '任务1', 1]]],
  ])('专栏%i reads “%s” (title missing: %s) with its actions', (number, heading, missing, actions) => {
    const p = preview.programmes.find((x) => x.number === number)!;
    expect([p.heading, p.titleMissing]).toEqual([heading, missing]);
    expect(p.actions.map((a) => [a.number, a.name, a.targets.length])).toEqual(actions);
  });

  it('shows each target as parsed: kind, bounds, qualifier, deadline year and the value text', () => {
    expect(preview.programmes.flatMap((p) => p.actions.flatMap((a) => a.targets.map((t) => [t.subject, t.kind, t.lower, t.upper, t.qualifier, t.deadlineYear, t.valueText])))).toEqual([
      ['高新技术企业', 'perYear', '10', null, null, null, '10家'],
      ['研发投入强度', 'levelAt', '3', null, '左右', 2030, '3%左右'],
      ['高新技术企业', 'cumulative', '2', '3', null, null, '2—3个'],
    ]);
  });

  it('leaves the long action texts out of what the browser receives', () => {
    expect(JSON.stringify(preview)).not.toContain('的内容');
  });

  it('an empty reading counts nothing', () => {
    expect(buildTaskProgrammePreview([])).toEqual({ programmes: [], counts: { programmes: 0, actions: 0, targets: 0 } });
  });
});

describe('taskProgrammeImportToken', () => {
  const token = taskProgrammeImportToken(programmes);
  const changed = (edit: (p: ImportedTaskProgramme[]) => void) => {
    const copy = structuredClone(programmes);
    edit(copy);
    return taskProgrammeImportToken(copy);
  };

  it('is the same for the same content', () => {
    expect(taskProgrammeImportToken(structuredClone(programmes))).toBe(token);
  });

  it.each<[string, (p: ImportedTaskProgramme[]) => void]>([
    ['a title', (p) => { p[1]!.title = '实施开放创新工程'; }],
    ['an action name', (p) => { p[0]!.actions[1]!.name = '任务二'; }],
    ['an action text (not in the preview)', (p) => { p[0]!.actions[1]!.text = '改过的内容'; }],
    ['a target bound', (p) => { p[1]!.actions[0]!.targets[0]!.upper = '4'; }],
    ['a deadline year', (p) => { p[0]!.actions[0]!.targets[1]!.deadlineYear = 2029; }],
    ['one action more', (p) => { p[1]!.actions.push(action(2)); }],
    ['one 专栏 fewer', (p) => { p.pop(); }],
  ])('changes with %s', (_what, edit) => {
    expect(changed(edit)).not.toBe(token);
  });
});
