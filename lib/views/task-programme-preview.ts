/**
 * What the import of a new plan's key tasks (专栏, actions, quantified targets) would write, shown before
 * anything is written: each 专栏 with its heading, its actions by number and name, each action's targets as
 * the file was read (kind, lower/upper, qualifier, deadline year) and the counts. The import can never be
 * redone once the plan has tasks, so the admin checks this first. Pure: the action reads the file, this
 * shapes it, the token tells the confirmation whether the file it reads again is the one previewed.
 */
import type { ImportedTaskProgramme, ImportedTaskTarget } from '@/lib/data/types';
import { programmeHeading } from '@/lib/progress';
import { fingerprint } from './task-import-preview';

/** A target as the file was read, with its value in words. */
export interface TaskProgrammePreviewTarget extends ImportedTaskTarget {
  /** the value as parsed: “2—3项”, “100亿元左右”, “50%以上” */
  valueText: string;
}

export interface TaskProgrammePreview {
  programmes: {
    number: number;
    /** “专栏2 实施产业技术创新工程”; a blank title reads “专栏1（标题缺失）” */
    heading: string;
    titleMissing: boolean;
    actions: { number: number; name: string; targets: TaskProgrammePreviewTarget[] }[];
  }[];
  counts: { programmes: number; actions: number; targets: number };
}

export function targetValueText(target: Pick<TaskProgrammePreviewTarget, 'lower' | 'upper' | 'unit' | 'qualifier'>): string {
  return `${target.lower}${target.upper === null ? '' : `—${target.upper}`}${target.unit}${target.qualifier ?? ''}`;
}

/** The preview of a reading (readTaskProgrammeWorkbook's programmes, already in number order). */
export function buildTaskProgrammePreview(programmes: readonly ImportedTaskProgramme[]): TaskProgrammePreview {
  const shown = programmes.map((p) => ({
    number: p.number,
    heading: programmeHeading(p),
    titleMissing: p.title === null,
    actions: p.actions.map((a) => ({
      number: a.number,
      name: a.name,
      targets: a.targets.map((t) => ({
        phrase: t.phrase, subject: t.subject, unit: t.unit, kind: t.kind, lower: t.lower, upper: t.upper, qualifier: t.qualifier, deadlineYear: t.deadlineYear, valueText: targetValueText(t),
      })),
    })),
  }));
  const actions = programmes.flatMap((p) => p.actions);
  return { programmes: shown, counts: { programmes: programmes.length, actions: actions.length, targets: actions.reduce((n, a) => n + a.targets.length, 0) } };
}

/** The content previewed (every field the write stores, the action texts included), as the confirm form sends it back. */
export function taskProgrammeImportToken(programmes: readonly ImportedTaskProgramme[]): string {
  return `${programmes.length}:${fingerprint(JSON.stringify(programmes))}`;
}
