// Issue 13, item 9: X-Forwarded-For is the client's own word unless a trusted proxy wrote it.
import { describe, expect, it } from 'vitest';
import { clientAddress, UNKNOWN_ADDRESS } from '@/lib/auth/sign-in';

const headers = (forwarded?: string) => new Headers(forwarded === undefined ? {} : { 'x-forwarded-for': forwarded, 'x-real-ip': '192.0.2.1' });

describe('issue 13 item 9: X-Forwarded-For is trusted only with TRUST_PROXY=1', () => {
  it.each([undefined, '', '0', 'true', 'yes'])('ignores the header (and X-Real-IP) when TRUST_PROXY is %j', (trust) => {
    const env = trust === undefined ? {} : { TRUST_PROXY: trust };
    for (const forwarded of [undefined, '203.0.113.9', '10.0.0.1, 203.0.113.9']) expect(clientAddress(headers(forwarded), env)).toBe(UNKNOWN_ADDRESS);
  });

  it('with TRUST_PROXY=1 takes the right-most entry, the one the proxy appended', () => {
    const env = { TRUST_PROXY: '1' };
    expect(clientAddress(headers('203.0.113.9'), env)).toBe('203.0.113.9');
    expect(clientAddress(headers('forged, 10.0.0.1 , 198.51.100.4 '), env)).toBe('198.51.100.4');
    expect(clientAddress(headers(' , '), env)).toBe(UNKNOWN_ADDRESS);
    expect(clientAddress(headers(), env)).toBe(UNKNOWN_ADDRESS);
    expect(clientAddress(headers(`a, ${'9'.repeat(500)}`), env)).toHaveLength(100);
  });
});
