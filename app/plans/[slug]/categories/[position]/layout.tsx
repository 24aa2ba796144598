import { notFound } from 'next/navigation';
import { loadPlan } from '@/lib/loaders';

/** An unknown category answers 404 before the page's skeleton streams (see app/plans/[slug]/layout.tsx). */
export default async function CategoryLayout({ children, params }: { children: React.ReactNode; params: Promise<{ slug: string; position: string }> }) {
  const { slug, position } = await params;
  const plan = await loadPlan(slug);
  if (!plan?.categories.some((c) => String(c.position) === position)) notFound();
  return children;
}
