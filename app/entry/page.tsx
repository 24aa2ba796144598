import { notFound, redirect } from 'next/navigation';
import { requirePageUser } from '@/lib/auth/session';
import { loadCurrentPlan } from '@/lib/loaders';

/** /entry: the current plan's entry years (the header's 数据填报 link). */
export default async function EntryIndex() {
  await requirePageUser('figures.enter');
  const plan = await loadCurrentPlan();
  if (!plan) notFound();
  redirect(`/plans/${plan.slug}/entry`);
}
