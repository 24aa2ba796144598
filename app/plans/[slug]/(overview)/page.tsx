import { requirePageUser } from '@/lib/auth/session';
import { notFound } from 'next/navigation';
import { PlanOverview } from '@/app/_components/dashboard/plan-overview';
import type { SearchParams } from '@/lib/views/dashboard';
import { loadPlan } from '@/lib/loaders';

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }) {
  const plan = await loadPlan((await params).slug);
  return { title: plan?.name };
}

export default async function PlanOverviewPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<SearchParams> }) {
  await requirePageUser('plans.read');
  const plan = await loadPlan((await params).slug);
  if (!plan) notFound();
  return <PlanOverview plan={plan} searchParams={await searchParams} />;
}
