import { notFound } from 'next/navigation';
import { requirePageUser } from '@/lib/auth/session';
import { loadPlanYear } from '@/lib/loaders';

/** Permission and year are decided before the skeleton streams: a real 403 or 404, never 200. */
export default async function EntryYearLayout({ children, params }: { children: React.ReactNode; params: Promise<{ slug: string; year: string }> }) {
  await requirePageUser('figures.enter');
  const { slug, year } = await params;
  if (!(await loadPlanYear(slug, year))) notFound();
  return children;
}
