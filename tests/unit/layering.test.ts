// Guards the folder rules of the README's Layout that the purity tests (lib/progress, lib/views) do not:
// no cycle between lib/data and lib/import (the shared types live in lib/data/types), and lib/schemas
// stands below lib/auth, lib/data and the framework (the roles it parses are declared in lib/schemas/roles).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isClientModule, resolveImport, sourceFiles } from '@/tests/helpers/app-sources';

const root = fileURLToPath(new URL('../../', import.meta.url));

interface ImportLine {
  file: string;
  statement: string;
  /** the specifier as written, with a relative one resolved to "@/…" */
  target: string;
  typeOnly: boolean;
}

/** Every static import/export-from and dynamic import() of the files under `folder`. */
function importsOf(folder: string): ImportLine[] {
  return sourceFiles(path.join(root, folder)).flatMap((file) => {
    const src = readFileSync(file, 'utf8');
    const found = [
      ...[...src.matchAll(/^(?:import|export)\s[^;]*?from\s*['"]([^'"]+)['"]/gm)].map((m) => ({ statement: m[0], specifier: m[1]! })),
      ...[...src.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => ({ statement: m[0], specifier: m[1]! })),
    ];
    return found.map(({ statement, specifier }) => ({
      file: path.relative(root, file),
      statement,
      target: specifier.startsWith('.') ? `@/${path.relative(root, path.resolve(path.dirname(file), specifier)).split(path.sep).join('/')}` : specifier,
      typeOnly: /^(import|export) type /.test(statement),
    }));
  });
}

const offending = (lines: ImportLine[], rule: (line: ImportLine) => boolean) => lines.filter(rule).map((l) => `${l.file}: ${l.statement}`);

describe('folder layering', () => {
  it('finds the imports it checks (the scan works)', () => {
    expect(importsOf('lib/import').some((l) => l.target === '@/lib/data/types')).toBe(true);
    expect(importsOf('lib/schemas').some((l) => l.target === '@/lib/schemas/params')).toBe(true);
  });

  it('lib/data never imports lib/import', () => {
    expect(offending(importsOf('lib/data'), (l) => l.target.startsWith('@/lib/import'))).toEqual([]);
  });

  it('lib/import takes from lib/data only types, from lib/data/types', () => {
    expect(offending(importsOf('lib/import'), (l) => l.target.startsWith('@/lib/data') && !(l.target === '@/lib/data/types' && l.typeOnly))).toEqual([]);
  });

  it('lib/schemas imports no lib/auth, lib/data, lib/loaders, lib/db or framework', () => {
    const forbidden = /^(@\/lib\/(auth|data|loaders|db|import|export|views)\b|next\/|next$|react$)/;
    expect(offending(importsOf('lib/schemas'), (l) => forbidden.test(l.target))).toEqual([]);
  });

  it('a server module takes only components (and types) from a client module: anything else arrives as a client reference, not its value', () => {
    const serverLines = importsOf('app').filter((l) => !isClientModule(path.join(root, l.file)) && !l.typeOnly && l.target.startsWith('@/'));
    const bad = serverLines.filter((l) => {
      const file = resolveImport(root, path.join(root, l.file), l.target);
      if (!file || !isClientModule(file)) return false;
      const names = /\{([^}]*)\}/.exec(l.statement)?.[1]?.split(',').map((n) => n.trim().replace(/^type\s+/, '').split(/\s+as\s+/)[0]!).filter(Boolean) ?? [];
      return names.some((name) => !/^[A-Z]/.test(name));
    });
    expect(serverLines.length).toBeGreaterThan(50);
    expect(bad.map((l) => `${l.file}: ${l.statement}`)).toEqual([]);
  });
});
