// API tokens: 32 random bytes, shown once; only the SHA-256 hash is stored (the token is random,
// so a fast hash is enough and lets every request look it up by its hash).
import { createHash, randomBytes } from 'node:crypto';

export const API_TOKEN_PREFIX = 'pim_';

export function generateApiToken(): { token: string; tokenHash: string; prefix: string } {
  const token = `${API_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  return { token, tokenHash: hashApiToken(token), prefix: token.slice(0, API_TOKEN_PREFIX.length + 6) };
}

export function hashApiToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
