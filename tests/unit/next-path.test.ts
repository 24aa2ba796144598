import { describe, expect, it } from 'vitest';
import { safeNextPath } from '@/lib/auth/next-path';

describe('safeNextPath', () => {
  it.each([
    ['/admin/users', '/admin/users'],
    ['/?year=2023', '/?year=2023'],
    ['//evil.example', '/'],
    ['/\\evil.example', '/'],
    ['https://evil.example', '/'],
    ['/login?next=/x', '/'],
    [undefined, '/'],
  ])('%s → %s', (input, expected) => expect(safeNextPath(input)).toBe(expected));
});

/**
 * Issue 13 item 3 — open redirect after sign-in. Each payload is what `next` holds after Next decoded the
 * query string; a browser given the answer as a Location header must stay on this site.
 */
describe('open redirect after sign-in: next never leaves the site', () => {
  const ORIGIN = 'https://zb.example.gov.cn';
  /** Where a browser at ORIGIN goes when sent `location`. */
  const landsOn = (location: string) => new URL(location, `${ORIGIN}/login`);

  it.each([
    ['/\t/example.invalid'], // /login?next=/%09/example.invalid
    ['/\n/example.invalid'],
    ['/\r/example.invalid'],
    ['/\r\n/example.invalid'],
    ['\t//example.invalid'],
    ['/.//example.invalid'],
    ['/./example.invalid/..//example.invalid'],
    ['/a/..//example.invalid'],
    ['/%2e//example.invalid'],
    ['/%2E%2E//example.invalid'],
    ['//example.invalid'],
    ['///example.invalid'],
    ['/\\example.invalid'],
    ['\\\\example.invalid'],
    ['/\\/example.invalid'],
    ['https://example.invalid/'],
    ['HTTPS://example.invalid'],
    ['https:/\\example.invalid'],
    ['javascript:alert(1)'],
    ['JavaScript:alert(document.cookie)'],
    [' javascript:alert(1)'],
    ['data:text/html,<script>alert(1)</script>'],
    ['//user@example.invalid/'],
    ['https://zb.example.gov.cn@example.invalid/'],
    ['/login'],
    ['/login?next=//example.invalid'],
    ['/api/plans'],
    ['/x/../api/plans'],
    [''],
    [42],
  ])('%j → /', (payload) => {
    const next = safeNextPath(payload);
    expect(next).toBe('/');
    expect(landsOn(next).origin).toBe(ORIGIN);
  });

  it.each([
    ['/plans/luquan-2021-2025/entry/2024', '/plans/luquan-2021-2025/entry/2024'],
    ['/reports?year=2023#table', '/reports?year=2023#table'],
    ['/indicators/3/../5', '/indicators/5'],
    ['/indicators/%2e%2e/review', '/review'],
    ['/a b', '/a%20b'],
    // Still encoded, a path on this site (the browser does not decode %09 in a Location header).
    ['/%09/example.invalid', '/%09/example.invalid'],
    // Same scheme without slashes is a relative path: it becomes one on this site.
    ['http:example.invalid', '/example.invalid'],
    ['/%E6%8C%87%E6%A0%87', '/%E6%8C%87%E6%A0%87'],
  ])('a path on this site is kept, as the browser would read it: %j → %j', (payload, expected) => {
    const next = safeNextPath(payload);
    expect(next).toBe(expected);
    expect(landsOn(next).origin).toBe(ORIGIN);
  });
});
