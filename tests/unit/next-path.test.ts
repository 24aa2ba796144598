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
