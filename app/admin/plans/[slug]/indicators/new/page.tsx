import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { requirePageUser } from '@/lib/auth/session';
import { getPlanDetail } from '@/lib/data/plans';
import { IndicatorPage } from '../indicator-page';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('plansAdmin.indicatorForm'))('newTitle') };
}

export default async function NewIndicatorPage({ params }: { params: Promise<{ slug: string }> }) {
  await requirePageUser('plans.manage');
  const plan = await getPlanDetail((await params).slug);
  if (!plan) notFound();
  return <IndicatorPage plan={plan} indicator={null} />;
}
