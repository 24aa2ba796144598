import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { requirePageUser } from '@/lib/auth/session';
import { IndicatorPage } from '../indicator-page';
import { loadPlan } from '@/lib/loaders';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('plansAdmin.indicatorForm'))('newTitle') };
}

export default async function NewIndicatorPage({ params }: { params: Promise<{ slug: string }> }) {
  await requirePageUser('plans.manage');
  const plan = await loadPlan((await params).slug);
  if (!plan) notFound();
  return <IndicatorPage plan={plan} indicator={null} />;
}
