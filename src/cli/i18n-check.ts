/**
 * `npm run i18n:check [-- --strict] [folder]`: the translators' guard. Checks
 * locales/{lv,en}/{ui,faq}.json (or those under `folder`) against each other, and the glossary
 * (glossary.json beside them) when there is one; prints one line per finding at the file, line
 * and column of the value it is about.
 *
 * Exit codes:
 *   0  no errors (warnings are printed; with --strict, none that a note does not justify)
 *   1  errors found, or, with --strict, warnings not justified by a note
 *   2  wrong arguments
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import glossarySchema from '../../locales/glossary.schema.json';
import { checkLocales, formatFinding, summary, tally, type Finding, type LocaleFiles } from '../core/check';
import { locate, pathText, placeOf, RULES } from '../core/ownercheck';
import { SIDECAR_FILE, sourceFindings } from '../core/sources';
import { contentLine, parseCoverage } from './content-report';
import { schemaIssue } from './check';
import { readSidecarFile } from './locale-files';

export const USAGE = `Usage: npm run i18n:check [-- [--strict] [folder]]

Checks locales/{lv,en}/ui.json and faq.json (or those under folder) against each other:
JSON syntax, keys written twice, missing keys and entries, plural forms and {{placeholders}},
{{count}} in every plural form a language uses for more than one number, links to entries
that do not exist, unsupported markup, invisible characters, spacing, repeated keywords,
answers much longer or shorter than their counterpart, Latvian text left in English, English
keywords in Latvian; and, when folder/glossary.json exists, the glossary's forbidden variants.

Options:
  --strict     fail on warnings too (for CI); warnings a note justifies never fail
  -h, --help   show this help

Output: one line per finding, as editors and CI logs link them:
  <file>:<line>:<column> error|warning|justified [<key>]: <message> [<rule>]
then a summary line and, per language, the content at a glance.

A warning is justified (shown, not counted) when the note of its entry, category or key names
its rule:
  faq.json  "entries": {"pay": {…, "note": "length-ratio: the Latvian answer lists more examples"}}
            "categories": {"it": {"name": "IT", "note": "identical: the same in Latvian"}}
  ui.json   "_notes": {"title": "identical: the product name is the same in both languages"}
Rules: ${RULES.filter((r) => !['encoding', 'template', 'missing-language', 'http', 'url-state'].includes(r)).join(', ')}.

Exit codes:
  0  no errors (warnings allowed, unless --strict)
  1  errors found (or, with --strict, warnings no note justifies)
  2  wrong arguments
`;

type Io = { out: (text: string) => void; err: (text: string) => void };
const processIo: Io = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) };

let validateGlossary: ReturnType<Ajv['compile']> | undefined;
/** The glossary against locales/glossary.schema.json, each mistake at its place. */
function glossarySchemaFindings(text: string, file: string): Finding[] {
  let located;
  try {
    located = locate(text);
  } catch {
    return []; // its syntax error is reported by checkLocales
  }
  validateGlossary ??= new Ajv({ allErrors: true, verbose: true, strict: false }).compile(glossarySchema);
  if (validateGlossary(located.map.value)) return [];
  return (validateGlossary.errors ?? []).map((e) => {
    const issue = schemaIssue(e, 'glossary.schema.json');
    // Ajv names list items as text ("1"); the glossary has lists of terms and variants, no numeric keys.
    issue.path = issue.path.map((p) => (typeof p === 'string' && /^\d+$/.test(p) ? Number(p) : p));
    return { level: 'error', rule: 'schema', file, key: pathText(issue.path), ...placeOf(located, issue.path, { key: true }), message: issue.message };
  });
}

/** Runs the guard as the command does; returns the exit code. */
export function main(args: string[], io: Io = processIo): number {
  let strict = false;
  let root: string | undefined;
  for (const arg of args) {
    if (arg === '-h' || arg === '--help') {
      io.out(USAGE);
      return 0;
    }
    if (arg === '--strict') strict = true;
    else if (arg.startsWith('-')) return usage(io, `unknown option "${arg}"`);
    else if (root === undefined) root = arg;
    else return usage(io, `one folder at a time ("${root}" and "${arg}" given)`);
  }
  root ??= 'locales';
  const files: LocaleFiles = {};
  for (const name of ['lv/ui.json', 'lv/faq.json', 'en/ui.json', 'en/faq.json'] as const) {
    try {
      files[name] = readFileSync(join(root, name), 'utf8');
    } catch {
      // Reported by checkLocales as "file is missing".
    }
  }
  const glossaryPath = join(root, 'glossary.json');
  const glossary = existsSync(glossaryPath) ? readFileSync(glossaryPath, 'utf8') : undefined;
  const findings = checkLocales(files, root, { glossary });
  if (glossary !== undefined) findings.push(...glossarySchemaFindings(glossary, `${root}/glossary.json`));
  // Stale translations (the English changed since): warnings from the sources sidecar. A folder
  // without a sidecar does not track sources (`npm run i18n:sources -- --accept` starts it).
  try {
    if (existsSync(join(root, SIDECAR_FILE))) findings.push(...sourceFindings(files, readSidecarFile(root), root).map((f): Finding => ({ ...f, rule: 'stale' })));
  } catch (e) {
    const file = join(root, SIDECAR_FILE);
    findings.push({ level: 'error', rule: 'stale', file, key: '', message: (e as Error).message.replace(`${file}: `, '') });
  }
  for (const finding of findings) (finding.level === 'error' ? io.err : io.out)(`${formatFinding(finding)}\n`);
  io.out(`${summary(findings, Object.keys(files).length + (glossary === undefined ? 0 : 1), strict)}\n`);

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
      if (data?.entries && typeof data.entries === 'object') io.out(`${contentLine(lang, data.entries, coverage)}\n`);
    } catch {
      // Already reported as a finding.
    }
  }
  const { errors, warnings } = tally(findings);
  return errors || (strict && warnings) ? 1 : 0;
}

function usage(io: Io, problem: string): number {
  io.err(`i18n:check: ${problem}\nRun "npm run i18n:check -- --help" for how to use it.\n`);
  return 2;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) process.exitCode = main(process.argv.slice(2));
