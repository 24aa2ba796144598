import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { requirePageUser } from '@/lib/auth/session';
import { IndicatorPage } from '../indicator-page';
import { loadPlan } from '@/lib/loaders';
import { parseId } from '@/lib/schemas/params';

async function load(params: Promise<{ slug: string; id: string }>) {
  const { slug, id } = await params;
  const plan = await loadPlan(slug);
  const indicator = plan?.indicators.find((i) => i.id === parseId(id)) ?? null;
  return plan && indicator ? { plan, indicator } : null;
}

export async function generateMetadata({ params }: { params: Promise<{ slug: string; id: string }> }): Promise<Metadata> {
  return { title: (await load(params))?.indicator.name };
}

export default async function EditIndicatorPage({ params }: { params: Promise<{ slug: string; id: string }> }) {
  await requirePageUser('plans.manage');
  const found = await load(params);
  if (!found) notFound();
  return <IndicatorPage plan={found.plan} indicator={found.indicator} />;
}
