// The session cookie check that replaces better-auth's getSession on every request: only a token signed
// with the secret, under the cookie name better-auth sets, is accepted. (tests/integration/sign-in.test.ts
// checks it against the cookies a real better-auth sign-in sets.)
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sessionCookieName, verifiedSessionToken } from '@/lib/auth/session-cookie';

const secret = 'a-test-secret-of-at-least-32-characters!!';
const sign = (token: string, key = secret) => encodeURIComponent(`${token}.${createHmac('sha256', key).update(token).digest('base64')}`);
const header = (value: string, name = 'pim.session_token') => `theme=dark; ${name}=${value}; other=1`;

describe('verifiedSessionToken', () => {
  it('returns the token of a correctly signed cookie', () => {
    expect(verifiedSessionToken(header(sign('AbC123xyz')), secret, false)).toBe('AbC123xyz');
    expect(verifiedSessionToken(header(sign('AbC123xyz'), '__Secure-pim.session_token'), secret, true)).toBe('AbC123xyz');
  });

  it.each([
    ['no Cookie header', null],
    ['no session cookie', 'theme=dark'],
    ['a token without a signature', header('AbC123xyz')],
    ['a signature made with another secret', header(sign('AbC123xyz', 'another-secret-of-at-least-32-characters'))],
    ['another token under a valid signature', header(sign('AbC123xyz').replace('AbC123xyz', 'AbC123xyZ'))],
    ['a shortened signature', header(sign('AbC123xyz').slice(0, -6))],
    ['an empty token', header(sign(''))],
    ['the plain name when secure cookies are on', header(sign('AbC123xyz'))],
  ])('refuses %s', (_case, cookie) => {
    const secure = _case.startsWith('the plain name');
    expect(verifiedSessionToken(cookie, secret, secure)).toBeNull();
  });

  it('ignores a plain cookie planted next to the secure one, and the secure one when secure cookies are off', () => {
    const both = `pim.session_token=${sign('planted')}; __Secure-pim.session_token=${sign('real')}`;
    expect(verifiedSessionToken(both, secret, true)).toBe('real');
    expect(verifiedSessionToken(both, secret, false)).toBe('planted');
    expect(verifiedSessionToken(`__Secure-pim.session_token=${sign('real')}`, secret, false)).toBeNull();
  });

  it('takes the first of two cookies of the same name, as better-auth (and its sign-out) does', () => {
    expect(verifiedSessionToken(`pim.session_token=${sign('first')}; pim.session_token=${sign('second')}`, secret, false)).toBe('first');
  });

  it('refuses a signature in base64url (- and _), which better-call refuses', () => {
    let token = 'x';
    let signature = '';
    for (let i = 0; !/[+/]/.test(signature); i++) {
      token = `token${i}`;
      signature = createHmac('sha256', secret).update(token).digest('base64');
    }
    expect(verifiedSessionToken(header(encodeURIComponent(`${token}.${signature}`)), secret, false)).toBe(token);
    expect(verifiedSessionToken(header(encodeURIComponent(`${token}.${signature.replaceAll('+', '-').replaceAll('/', '_')}`)), secret, false)).toBeNull();
  });

  it('names the cookie as better-auth does with the prefix pim', () => {
    expect(sessionCookieName(false)).toBe('pim.session_token');
    expect(sessionCookieName(true)).toBe('__Secure-pim.session_token');
  });
});
