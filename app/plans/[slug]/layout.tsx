import { notFound } from 'next/navigation';
import { requirePageUser } from '@/lib/auth/session';
import { loadPlan } from '@/lib/loaders';

/**
 * Access and existence are decided here, before any loading.tsx below starts streaming, so that an
 * unknown plan answers 404 and a signed-in user without the permission 403 (not 200 with the page
 * swapped in later). The pages load the same plan again from the request's cache.
 */
export default async function PlanLayout({ children, params }: { children: React.ReactNode; params: Promise<{ slug: string }> }) {
  await requirePageUser('plans.read');
  if (!(await loadPlan((await params).slug))) notFound();
  return children;
}
