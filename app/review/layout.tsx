import { requirePageUser } from '@/lib/auth/session';

/** The permission is checked here, before loading.tsx streams, so a user without it gets a real 403. */
export default async function ReviewLayout({ children }: { children: React.ReactNode }) {
  await requirePageUser('figures.review');
  return children;
}
