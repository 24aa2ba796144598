// Guards the module's contract: pure, framework-free, relative imports only (so it drops into another project).
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const dir = fileURLToPath(new URL('../../../lib/progress/', import.meta.url));
const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));

describe('lib/progress purity', () => {
  it.each(files)('%s imports only siblings and touches no I/O or globals', (file) => {
    const src = readFileSync(dir + file, 'utf8');
    const specifiers = [...src.matchAll(/(?:import|export)[^'"]*?from\s*['"]([^'"]+)['"]/g)].map((m) => m[1]);
    for (const s of specifiers) expect(s, `${file} imports ${s}`).toMatch(/^\.\/[\w-]+$/);
    expect(src).not.toMatch(/\b(require|fetch|process|window|document|localStorage|console|Date\.now|Math\.random)\b|import\(/);
  });
});
