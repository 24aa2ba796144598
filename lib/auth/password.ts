// Password hashing for better-auth's credential accounts: argon2id with the library defaults
// (19 MiB, 2 passes — OWASP's recommended minimum), native through @node-rs/argon2.
import { hash, verify } from '@node-rs/argon2';

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword({ hash: stored, password }: { hash: string; password: string }): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    // a malformed stored hash is a failed sign-in, never a 500
    return false;
  }
}
