// Account set-up shared by `npm start` (session secret, demo admin) and `npm run user:create`.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createAccount } from '@/lib/auth/accounts';
import { countUsers } from '@/lib/data/users';

export const DEMO_ADMIN_USERNAME = 'admin';

/**
 * BETTER_AUTH_SECRET from the environment; otherwise (embedded database or development only) the one
 * kept in <DATA_DIR>/auth-secret, generated on first start. Returns null when it must come from the
 * environment but does not.
 */
export function resolveAuthSecret(dataDir: string, mayGenerate: boolean, log: (line: string) => void): string | null {
  const fromEnv = process.env.BETTER_AUTH_SECRET;
  if (fromEnv) return fromEnv;
  if (!mayGenerate) return null;
  const file = path.join(dataDir, 'auth-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  log(`generated the session secret (BETTER_AUTH_SECRET) in ${path.relative(process.cwd(), file) || file}`);
  return secret;
}

/** The embedded demo start only: when no account exists, create the demo admin with a random password and say so. */
export async function createDemoAdminIfNoUsers(log: (line: string) => void): Promise<void> {
  if ((await countUsers()) > 0) return;
  const password = randomBytes(9).toString('base64url');
  await createAccount({ username: DEMO_ADMIN_USERNAME, name: '演示管理员', role: 'admin', password });
  log('no account existed: created the demo admin (embedded database only)');
  log(`  username: ${DEMO_ADMIN_USERNAME}   password: ${password}`);
  log('  sign in, create real accounts under 系统管理 → 用户管理, then disable this one or reset its password');
}
