import { notFound } from 'next/navigation';
import { loadPlanIndicator } from '@/lib/loaders';

/** An unknown indicator, or one of another plan, answers 404 before the page's skeleton streams. */
export default async function IndicatorLayout({ children, params }: { children: React.ReactNode; params: Promise<{ slug: string; id: string }> }) {
  const { slug, id } = await params;
  if (!(await loadPlanIndicator(slug, id))) notFound();
  return children;
}
