// The app's source files, its server-action and client modules and their imports, found by scanning, so
// tests that must cover every action (the authorisation matrix, the action fuzzing) or every client module
// (the layering test, the messages sent to the browser) enumerate them the same way.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) ? [full] : [];
  });
}

/** A module whose first statement is 'use server' (comments may come before it). */
export const USE_SERVER_FIRST = /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*['"]use server['"]/;

export function serverActionFiles(appDir: string): string[] {
  return sourceFiles(appDir).filter((file) => USE_SERVER_FIRST.test(readFileSync(file, 'utf8')));
}

/** A module whose first statement is 'use client' (comments may come before it). */
export const USE_CLIENT_FIRST = /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*['"]use client['"]/;

export const isClientModule = (file: string): boolean => USE_CLIENT_FIRST.test(readFileSync(file, 'utf8'));

/** The file an import specifier names ("@/…" or relative to `from`), or null for a package or a file not found. */
export function resolveImport(root: string, from: string, specifier: string): string | null {
  const base = specifier.startsWith('@/') ? path.join(root, specifier.slice(2)) : specifier.startsWith('.') ? path.resolve(path.dirname(from), specifier) : null;
  if (!base) return null;
  return ['', '.tsx', '.ts', '/index.tsx', '/index.ts'].map((ext) => base + ext).find((f) => /\.tsx?$/.test(f) && existsSync(f)) ?? null;
}
