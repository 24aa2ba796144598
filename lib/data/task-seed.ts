/**
 * Seeds a plan's key tasks (programmes, actions, targets, projects and their default milestones) from
 * lib/plans/*-tasks.ts. Idempotent like the plan seed: rows that exist are left as they are (so titles,
 * units and milestones edited by an admin are never overwritten); missing ones are added. No reports.
 */
import { bumpPlanDataVersion } from './plan-version';
import { SEED_TRANSACTION } from './transaction';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import type { TaskTarget } from '@/lib/progress/tasks';

/** The shape of lib/plans/*-tasks.ts (declared here so lib/data does not import lib/plans). */
export interface PlanTasksSeed {
  planSlug: string;
  programmes: readonly {
    number: number;
    title: string | null;
    actions: readonly {
      number: number;
      name: string;
      text: string;
      leadUnit: string | null;
      cooperatingUnits: string | null;
      targets: readonly (TaskTarget & { phrase: string; subject: string; unit: string; horizonYears: { lower: number; upper: number } | null })[];
    }[];
  }[];
  projects: readonly {
    programme: number;
    action: number;
    sequence: number;
    name: string;
    source: string;
    leadUnit: string | null;
    cooperatingUnits: string | null;
    milestones: readonly { name: string; plannedDate: null; actualDate: null }[];
  }[];
}

export async function seedPlanTasks(prisma: PrismaClient, seed: PlanTasksSeed): Promise<void> {
  await prisma.$transaction(
    async (tx) => {
      const plan = await tx.plan.findUniqueOrThrow({ where: { slug: seed.planSlug }, select: { id: true } });
      let added = 0; // rows inserted: only then is the plan's data version bumped (a restart changes nothing)
      added += (await tx.taskProgramme.createMany({ data: seed.programmes.map((p) => ({ planId: plan.id, number: p.number, title: p.title })), skipDuplicates: true })).count;
      const programmeIds = new Map((await tx.taskProgramme.findMany({ where: { planId: plan.id } })).map((p) => [p.number, p.id]));
      added += (await tx.taskAction.createMany({
        data: seed.programmes.flatMap((p) =>
          p.actions.map((a) => ({ programmeId: programmeIds.get(p.number)!, number: a.number, name: a.name, text: a.text, leadUnit: a.leadUnit, cooperatingUnits: a.cooperatingUnits })),
        ),
        skipDuplicates: true,
      })).count;
      const actions = await tx.taskAction.findMany({ where: { programme: { planId: plan.id } }, select: { id: true, number: true, programme: { select: { number: true } } } });
      const actionId = (programme: number, number: number) => actions.find((a) => a.programme.number === programme && a.number === number)?.id;
      added += (await tx.taskTarget.createMany({
        data: seed.programmes.flatMap((p) =>
          p.actions.flatMap((a) =>
            a.targets.map((t, i) => ({
              actionId: actionId(p.number, a.number)!,
              position: i + 1,
              phrase: t.phrase,
              subject: t.subject,
              unit: t.unit,
              kind: t.kind,
              lower: t.lower,
              upper: t.upper,
              qualifier: t.qualifier,
              deadlineYear: t.deadlineYear,
              horizonLower: t.horizonYears?.lower ?? null,
              horizonUpper: t.horizonYears?.upper ?? null,
              baseline: t.baseline ?? null,
            })),
          ),
        ),
        skipDuplicates: true,
      })).count;
      for (const project of seed.projects) {
        const existing = await tx.taskProject.findUnique({ where: { planId_sequence: { planId: plan.id, sequence: project.sequence } } });
        if (existing) continue;
        await tx.taskProject.create({
          data: {
            planId: plan.id,
            actionId: actionId(project.programme, project.action) ?? null,
            sequence: project.sequence,
            name: project.name,
            source: project.source,
            leadUnit: project.leadUnit,
            cooperatingUnits: project.cooperatingUnits,
            milestones: { create: project.milestones.map((m, i) => ({ position: i + 1, name: m.name, plannedDate: m.plannedDate, actualDate: m.actualDate })) },
          },
        });
        added += 1;
      }
      // a plan seeded into after it was read must not be served from the cache
      if (added > 0) await bumpPlanDataVersion(tx, plan.id);
    },
    SEED_TRANSACTION,
  );
}
