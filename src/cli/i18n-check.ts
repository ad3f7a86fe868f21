/**
 * `npm run i18n:check [folder]`: checks locales/{lv,en}/{ui,faq}.json (or those under
 * `folder`) and exits non-zero on any error. Warnings are printed but do not fail.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkLocales, formatFinding, summary, type LocaleFiles } from '../core/check';

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
for (const finding of findings) (finding.level === 'error' ? console.error : console.warn)(formatFinding(finding));
console.log(summary(findings, Object.keys(files).length));
process.exitCode = findings.some((f) => f.level === 'error') ? 1 : 0;
