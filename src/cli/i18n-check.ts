/**
 * `npm run i18n:check [folder]`: checks locales/{lv,en}/{ui,faq}.json (or those under
 * `folder`) and exits non-zero on any error. Warnings are printed but do not fail.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkLocales, formatFinding, summary, type LocaleFiles } from '../core/check';
import { SIDECAR_FILE, sourceFindings } from '../core/sources';
import { contentLine, parseCoverage } from './content-report';
import { readSidecarFile } from './locale-files';

const root = process.argv[2] ?? 'locales';
const files: LocaleFiles = {};
for (const name of ['lv/ui.json', 'lv/faq.json', 'en/ui.json', 'en/faq.json'] as const) {
  try {
    files[name] = readFileSync(join(root, name), 'utf8');
  } catch {
    // Reported by checkLocales as "file is missing".
  }
}
const findings = checkLocales(files, root);
// Stale translations (the English changed since): warnings from the sources sidecar, kept apart from
// checkLocales. A folder without a sidecar does not track sources (`i18n:sources -- --accept` starts it).
try {
  if (existsSync(join(root, SIDECAR_FILE))) findings.push(...sourceFindings(files, readSidecarFile(root), root));
} catch (e) {
  const file = join(root, SIDECAR_FILE);
  findings.push({ level: 'error', file, key: '', message: (e as Error).message.replace(`${file}: `, '') });
}
for (const finding of findings) (finding.level === 'error' ? console.error : console.warn)(formatFinding(finding));
console.log(summary(findings, Object.keys(files).length));

// The content at a glance; seed coverage where the folder keeps a COVERAGE.md (the built-in one does).
let coverage: ReturnType<typeof parseCoverage> | undefined;
try {
  coverage = parseCoverage(readFileSync(join(root, 'COVERAGE.md'), 'utf8'));
} catch {
  // An owner's folder has none.
}
for (const lang of ['lv', 'en'] as const) {
  try {
    const data = JSON.parse(files[`${lang}/faq.json`] ?? '') as { entries?: Record<string, { answer?: unknown }> };
    if (data?.entries && typeof data.entries === 'object') console.log(contentLine(lang, data.entries, coverage));
  } catch {
    // Already reported as a finding.
  }
}
process.exitCode = findings.some((f) => f.level === 'error') ? 1 : 0;
