import { notFound, permanentRedirect } from 'next/navigation';
import { requirePageUser } from '@/lib/auth/session';
import { loadPlanOfIndicator } from '@/lib/loaders';
import { parseId, type SearchParams } from '@/lib/schemas/params';
import { indicatorPath } from '@/lib/views/paths';

/** The old address of an indicator page: a permanent redirect to /plans/{slug}/indicators/{id}, query kept. */
export default async function OldIndicatorAddress({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> }) {
  await requirePageUser('plans.read');
  const id = parseId((await params).id);
  if (id === null) notFound();
  const plan = await loadPlanOfIndicator(id);
  if (!plan || !plan.indicators.some((i) => i.id === id)) notFound();
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(await searchParams)) for (const item of [value ?? []].flat()) query.append(key, item);
  const qs = query.toString();
  permanentRedirect(`${indicatorPath(plan.slug, id)}${qs ? `?${qs}` : ''}`);
}
