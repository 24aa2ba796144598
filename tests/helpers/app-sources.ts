// The app's source files and its server-action modules, found by scanning, so tests that must cover
// every action (the authorisation matrix, the action fuzzing) enumerate them the same way.
import { readdirSync, readFileSync } from 'node:fs';
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
