// The root layout sends the browser only CLIENT_NAMESPACES: every namespace a client module (or a module
// it imports, however deep) asks useTranslations for must be among them, or that text would show as a raw key.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLIENT_NAMESPACES, clientMessages } from '@/lib/i18n/client-messages';
import { loadMessages } from '@/lib/i18n/request';
import { isClientModule, resolveImport, sourceFiles } from '@/tests/helpers/app-sources';

const root = path.resolve(import.meta.dirname, '../..');

/** The client modules and everything they import (value imports; type imports are erased). */
function clientGraph(): string[] {
  const seen = new Set<string>();
  const stack = [...sourceFiles(path.join(root, 'app')), ...sourceFiles(path.join(root, 'lib'))].filter(isClientModule);
  while (stack.length > 0) {
    const file = stack.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const m of readFileSync(file, 'utf8').matchAll(/^(?:import|export)\s(?!type\s)[^;]*?from\s*['"]([^'"]+)['"]/gm)) {
      const target = resolveImport(root, file, m[1]!);
      if (target) stack.push(target);
    }
  }
  return [...seen];
}

describe('messages sent to the browser', () => {
  const graph = clientGraph();
  const used = new Map<string, string>();
  for (const file of graph) {
    for (const m of readFileSync(file, 'utf8').matchAll(/useTranslations\(\s*(?:['"]([^'"]*)['"])?\s*\)/g)) {
      used.set(m[1] === undefined ? '(all)' : m[1].split('.')[0]!, path.relative(root, file));
    }
  }

  it('finds the client modules and what they translate (the scan works)', () => {
    expect(graph.some((f) => f.endsWith(path.join('app', '_components', 'form-parts.tsx')))).toBe(true);
    expect(used.get('validation')).toBeDefined();
  });

  it('every namespace a client module uses is sent, and none is asked for whole', () => {
    const missing = [...used].filter(([name]) => !(CLIENT_NAMESPACES as readonly string[]).includes(name)).map(([name, file]) => `${name} (${file})`);
    expect(missing).toEqual([]);
  });

  it('sends nothing no client module uses', () => {
    expect([...CLIENT_NAMESPACES].filter((name) => !used.has(name))).toEqual([]);
  });

  it('picks exactly those namespaces from the loaded messages', async () => {
    const all = await loadMessages('zh-CN');
    const picked = clientMessages(all);
    expect(Object.keys(picked).sort()).toEqual([...CLIENT_NAMESPACES].sort());
    expect(picked.tasks).toBe(all.tasks);
    expect(JSON.stringify(picked).length).toBeLessThan(JSON.stringify(all).length * 0.8);
  });
});
