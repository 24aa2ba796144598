// Failed sign-ins, counted in PostgreSQL so that every app instance sees the same numbers.
import { getPrisma } from '@/lib/db';

export interface FailureCounts {
  byUsername: number;
  byIp: number;
}

export async function countRecentFailures(username: string, ip: string, since: Date): Promise<FailureCounts> {
  const prisma = getPrisma();
  const [byUsername, byIp] = await Promise.all([
    prisma.signInFailure.count({ where: { username, createdAt: { gte: since } } }),
    prisma.signInFailure.count({ where: { ip, createdAt: { gte: since } } }),
  ]);
  return { byUsername, byIp };
}

/** Records a failure and drops rows older than the window, so the table stays small. */
export async function recordFailure(username: string, ip: string, olderThan: Date): Promise<void> {
  const prisma = getPrisma();
  await prisma.signInFailure.create({ data: { username, ip } });
  await prisma.signInFailure.deleteMany({ where: { createdAt: { lt: olderThan } } });
}

/** After a successful sign-in the username's count starts again (the IP's does not). */
export async function clearUsernameFailures(username: string): Promise<void> {
  await getPrisma().signInFailure.deleteMany({ where: { username } });
}
