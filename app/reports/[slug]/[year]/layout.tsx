import { notFound } from 'next/navigation';
import { requirePageUser } from '@/lib/auth/session';
import { loadPlanYear } from '@/lib/loaders';

/** An unknown plan or a year outside it answers 404 before the report's skeleton streams. */
export default async function ReportYearLayout({ children, params }: { children: React.ReactNode; params: Promise<{ slug: string; year: string }> }) {
  await requirePageUser('plans.read');
  const { slug, year } = await params;
  if (!(await loadPlanYear(slug, year))) notFound();
  return children;
}
