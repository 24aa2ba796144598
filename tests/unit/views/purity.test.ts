// Guards lib/views' contract: pure shaping of domain data. No database (lib/data, lib/db, lib/loaders),
// no framework (next/*, react), no I/O or clock; domain types from lib/data/types only as `import type`.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const dir = fileURLToPath(new URL('../../../lib/views/', import.meta.url));
const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));

/** What a view module may import: the pure core, sibling views, the shared schemas and zod. */
const ALLOWED = [/^@\/lib\/progress$/, /^@\/lib\/views\/[\w-]+$/, /^\.\/[\w-]+$/, /^@\/lib\/schemas\/[\w-]+$/, /^zod$/];

describe('lib/views purity', () => {
  it('holds the shaping modules', () => {
    expect(files).toEqual(expect.arrayContaining(['plan-progress.ts', 'dashboard.ts', 'entry-sheet.ts', 'review-queue.ts', 'chart-geometry.ts']));
  });

  it.each(files)('%s imports no database, framework or I/O and reads no clock', (file) => {
    const src = readFileSync(dir + file, 'utf8');
    for (const [statement, specifier] of src.matchAll(/^(?:import|export)\s[^'";]*?from\s*['"]([^'"]+)['"]/gm)) {
      if (specifier === '@/lib/data/types') {
        expect(statement, `${file}: ${statement}`).toMatch(/^(import|export) type /);
        continue;
      }
      expect(ALLOWED.some((pattern) => pattern.test(specifier!)), `${file} imports ${specifier}`).toBe(true);
    }
    expect(src).not.toMatch(/\b(require|fetch|process|window|document|localStorage|console|Date\.now|new Date|Math\.random)\b|import\(/);
  });

  it('the schemas views import are pure too', () => {
    for (const file of ['params.ts']) {
      const src = readFileSync(fileURLToPath(new URL(`../../../lib/schemas/${file}`, import.meta.url)), 'utf8');
      const specifiers = [...src.matchAll(/from\s*['"]([^'"]+)['"]/g)].map((m) => m[1]);
      expect(specifiers.every((s) => s === 'zod' || s === '@/lib/progress' || s?.startsWith('./')), `${file}: ${specifiers.join(', ')}`).toBe(true);
    }
  });
});
