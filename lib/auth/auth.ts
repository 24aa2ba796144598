// The better-auth instance: username + password sign-in, sessions in PostgreSQL through the Prisma
// adapter, argon2id hashes. No HTTP handler is mounted (there is no app/api/auth route): sign-in,
// sign-out and session lookup go through auth.api from server code, so better-auth's public
// endpoints (sign-up, password reset by e-mail, …) do not exist for the outside world.
import { betterAuth } from 'better-auth';
import { prismaAdapter } from 'better-auth/adapters/prisma';
import { APIError } from 'better-auth/api';
import { nextCookies } from 'better-auth/next-js';
import { username } from 'better-auth/plugins';
import { getPrisma } from '@/lib/db';
import { isUserActive } from '@/lib/data/users';
import { authSecret, secureCookiesEnabled, SESSION_MAX_AGE_SECONDS } from './config';
import { hashPassword, verifyPassword } from './password';
import { SESSION_COOKIE_PREFIX } from './session-cookie';

/** The error code better-auth reports when a disabled account signs in with the right password. */
export const ACCOUNT_DISABLED = 'ACCOUNT_DISABLED';

export const USERNAME_PATTERN = /^[a-z0-9_.]{3,30}$/;

function createAuth() {
  const port = process.env.PORT ?? '3000';
  return betterAuth({
    appName: '科技创新规划指标监测平台',
    baseURL: process.env.BETTER_AUTH_URL ?? `http://localhost:${port}`,
    secret: authSecret(),
    database: prismaAdapter(getPrisma(), { provider: 'postgresql' }),
    emailAndPassword: {
      enabled: true,
      // accounts are created by an admin (or npm run user:create), never by signing up
      disableSignUp: true,
      minPasswordLength: 8,
      maxPasswordLength: 128,
      password: { hash: hashPassword, verify: verifyPassword },
    },
    user: {
      additionalFields: {
        role: { type: 'string', input: false, defaultValue: 'leader' },
        disabled: { type: 'boolean', input: false, defaultValue: false },
        allIndicators: { type: 'boolean', input: false, defaultValue: true },
      },
    },
    session: {
      expiresIn: SESSION_MAX_AGE_SECONDS,
      // the absolute lifetime never slides; inactivity is checked in lib/auth/session.ts
      disableSessionRefresh: true,
      cookieCache: { enabled: false },
    },
    // throttling is ours (lib/data/sign-in-failures.ts, in PostgreSQL); better-auth's limiter keeps memory per instance
    rateLimit: { enabled: false },
    advanced: {
      useSecureCookies: secureCookiesEnabled(),
      cookiePrefix: SESSION_COOKIE_PREFIX, // lib/auth/session-cookie.ts reads the cookie this names
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax' },
    },
    databaseHooks: {
      session: {
        create: {
          // runs after the password was verified: a disabled account gets no session
          async before(session) {
            if (!(await isUserActive(session.userId))) throw new APIError('FORBIDDEN', { message: 'account disabled', code: ACCOUNT_DISABLED });
            return { data: session };
          },
        },
      },
    },
    telemetry: { enabled: false },
    // failed sign-ins are expected traffic, not warnings
    logger: { level: 'error' },
    plugins: [
      username({ minUsernameLength: 3, maxUsernameLength: 30, usernameValidator: (value) => USERNAME_PATTERN.test(value.toLowerCase()) }),
      // last, as better-auth asks: lets auth.api calls in server actions set the session cookie
      nextCookies(),
    ],
  });
}

type Auth = ReturnType<typeof createAuth>;
const globalForAuth = globalThis as unknown as { betterAuth?: { key: string; auth: Auth } };

/** One instance per database URL and secret (tests switch DATABASE_URL between files). */
export function getAuth(): Auth {
  const key = `${process.env.DATABASE_URL}|${process.env.BETTER_AUTH_SECRET}|${process.env.BETTER_AUTH_URL}`;
  if (globalForAuth.betterAuth?.key !== key) globalForAuth.betterAuth = { key, auth: createAuth() };
  return globalForAuth.betterAuth.auth;
}
