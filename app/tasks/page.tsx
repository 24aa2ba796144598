import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { requirePageUser } from '@/lib/auth/session';
import { loadCurrentPlan } from '@/lib/loaders';
import { tasksPath } from '@/lib/views/paths';

/** 重点任务 in the navigation: the current plan's key tasks. */
export default async function TasksEntryPage() {
  await requirePageUser('plans.read');
  const plan = await loadCurrentPlan();
  if (!plan) {
    const t = await getTranslations('plan');
    return <p className="rounded border border-amber-300 bg-amber-50 p-4">{t('noPlan')}</p>;
  }
  redirect(tasksPath(plan.slug));
}
