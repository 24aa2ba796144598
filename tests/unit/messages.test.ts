// Every UI string exists in both languages, so switching never shows a raw key.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '@/lib/i18n/locales';
import { MESSAGE_FILES } from '@/lib/i18n/request';

const dir = path.resolve(import.meta.dirname, '../../messages');

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, inner]) => keys(inner, prefix ? `${prefix}.${key}` : key));
}

describe('messages', () => {
  it('lists every message file and only those', () => {
    for (const locale of LOCALES) {
      expect(readdirSync(path.join(dir, locale)).map((f) => f.replace(/\.json$/, '')).sort()).toEqual([...MESSAGE_FILES].sort());
    }
  });

  it.each(MESSAGE_FILES)('%s has the same keys in every locale', (file) => {
    const [first, ...rest] = LOCALES.map((locale) => keys(JSON.parse(readFileSync(path.join(dir, locale, `${file}.json`), 'utf8'))).sort());
    for (const other of rest) expect(other).toEqual(first);
  });
});
