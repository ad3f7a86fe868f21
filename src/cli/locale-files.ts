import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LocaleFiles } from '../core/check';
import { readSidecar, SIDECAR_FILE, type Sidecar } from '../core/sources';

/** The four locale files under `root` that exist, by name ('lv/ui.json' …). */
export function readLocaleFiles(root: string): LocaleFiles {
  const files: LocaleFiles = {};
  for (const name of ['lv/ui.json', 'lv/faq.json', 'en/ui.json', 'en/faq.json'] as const) {
    const path = join(root, name);
    if (existsSync(path)) files[name] = readFileSync(path, 'utf8');
  }
  return files;
}

/** The sidecar under `root`, empty when there is none yet; throws with the file named when it is broken. */
export function readSidecarFile(root: string): Sidecar {
  const path = join(root, SIDECAR_FILE);
  return readSidecar(existsSync(path) ? readFileSync(path, 'utf8') : undefined, path);
}

/**
 * Writes every file or none of the new texts half-way: each goes to a temporary file first and is
 * renamed over the old one (atomic on one file system), so the translator page's watcher never
 * reads half a file.
 */
export function writeFiles(files: Record<string, string>): void {
  const temps = Object.entries(files).map(([path, text]) => {
    const temp = `${path}.${process.pid}.tmp`;
    writeFileSync(temp, text);
    return [temp, path] as const;
  });
  for (const [temp, path] of temps) renameSync(temp, path);
}
