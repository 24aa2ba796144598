/**
 * How every script starts the Next server (npm start/dev, the e2e server through start.ts, the bench and
 * fault tests): the same binary, with the preload that stamps each request with its TCP peer address
 * (scripts/client-address.mjs).
 */
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');

export function nextServerArgs(mode: 'start' | 'dev', extra: string[] = []): string[] {
  return ['--import', path.join(root, 'scripts/client-address.mjs'), path.join(root, 'node_modules/next/dist/bin/next'), mode, ...extra];
}
