// Whether the production build (.next) is older than its sources; shared by npm start and the bench.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const BUILD_INPUTS = ['app', 'lib', 'messages', 'next.config.ts', 'proxy.ts', 'package-lock.json', 'postcss.config.mjs'];

function newestMtime(entry: string): number {
  const stat = statSync(entry, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(entry).reduce((newest, name) => Math.max(newest, newestMtime(path.join(entry, name))), stat.mtimeMs);
}

export function buildIsStale(root: string): boolean {
  const buildId = path.join(root, '.next', 'BUILD_ID');
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  return BUILD_INPUTS.some((entry) => newestMtime(path.join(root, entry)) > built);
}
