/**
 * `faq-widget check`: checks an owner's content files (what `data-content` loads) before they are
 * deployed, and says for each mistake the file, line and column, and what to do.
 */
import { readFile, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import Ajv, { type ErrorObject } from 'ajv';
import faqSchema from '../../locales/faq.schema.json';
import enUi from '../../locales/en/ui.json';
import lvUi from '../../locales/lv/ui.json';
import type { Lang } from '../types';
import { LANGS } from '../core/locale';
import { checkContent, RULES, type ContentSource, type OwnerFinding, type Rule, type SchemaIssue } from '../core/ownercheck';

/** Rules only the translators' guard runs (ui.json's own, and the glossary). */
const UI_ONLY = new Set<Rule>(['missing', 'empty', 'type', 'plural', 'plural-count', 'placeholder', 'glossary']);

export { checkContent, type ContentSource, type OwnerFinding } from '../core/ownercheck';

export const HELP = `Usage: faq-widget check [options] <file…> | <template> | <URL template>

Checks FAQ content files (the files data-content loads, one per language) before you deploy
them: JSON syntax, the content schema, duplicate ids and keys, missing translations,
unsupported markup, links that will not work, ids a link cannot carry, invisible characters,
spacing, repeated keywords, a "ui" block against the widget's interface text, the two
languages against each other (length, text left in English, English keywords), encoding,
and the data-content template itself.

  faq-widget check help/lv.json help/en.json
  faq-widget check "help/{{lng}}.json"             the template, as data-content has it
  faq-widget check "/help/{{lng}}.json" --root public
  faq-widget check "https://shop.example/help/{{lng}}.json"

A template has {{lng}} where the language goes; it is checked for lv and en. A template that
starts with "/" is read under --root (the folder your site serves as "/"). A URL template is
fetched, and the server's answers are checked too.

Options:
  --json        print one JSON object (below) instead of lines, for CI
  --strict      fail on warnings too
  --root <dir>  the folder served as the site's root, for templates starting with "/" (default: .)
  -h, --help    show this help

Output: one line per finding, as editors and CI logs link them:
  <file>:<line>:<column>  error|warning  <path>: <message>  [<rule>]
then a summary line.

--json prints {"version": 1, "ok": boolean, "strict": boolean, "errors": number,
"warnings": number, "files": [{"file", "lang"}], "findings": [{"level", "rule", "file",
"line", "column", "path", "message", "justified"?}], "fatal"?: string}. line and column are absent for
findings about a whole file; path is where in the JSON (e.g. "entries.pay.answer").
Rules: ${RULES.filter((r) => !UI_ONLY.has(r)).join(', ')}.

A warning is "justified" (shown, not counted, not failing --strict) when the "note" of its
entry (or of its { "name", "note" } category) names its rule, e.g.
  "note": "length-ratio: the Latvian answer lists more examples on purpose"

Exit codes:
  0  no errors (warnings allowed, unless --strict)
  1  errors found (or warnings, with --strict)
  2  nothing could be checked: wrong arguments, or no file or URL could be read
`;

/** `{{lng}}` as the widget replaces it (src/core/content.ts); HAS_LNG only asks whether it is there. */
const LNG = /\{\{\s*lng\s*\}\}/g;
const HAS_LNG = /\{\{\s*lng\s*\}\}/;
// What owners write instead: other names, single or triple braces, ${…}, or braces a browser encoded.
const LOOKALIKE = /(\$?\{+|%7B%7B)\s*(lng|lang|language|locale|lc)\s*(\}+|%7D%7D)|\[(lng|lang)\]|:(lng|lang)\b/gi;
const URL_LIKE = /^https?:\/\//i;
/** A language named by a file's path: "lv.json", "faq.en.json", "lv/faq.json", "help-lv.json". */
const LANG_IN_NAME = /(?:^|[/\\._-])(lv|en)(?=[/\\._-]|$)/gi;

export interface CheckReport {
  version: 1;
  ok: boolean;
  strict: boolean;
  errors: number;
  warnings: number;
  files: { file: string; lang?: Lang }[];
  findings: OwnerFinding[];
  /** Why nothing could be checked (exit code 2). */
  fatal?: string;
}

export interface CheckOptions {
  strict?: boolean;
  /** The folder served as "/", for templates that start with "/". */
  root?: string;
  fetch?: typeof fetch;
}

type Io = { out: (text: string) => void; err: (text: string) => void };
const processIo: Io = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) };

let validate: ((data: unknown) => SchemaIssue[]) | undefined;
/** The content schema (locales/faq.schema.json) as the checker's last rule: what it says flows through. */
export function schemaRule(): (data: unknown) => SchemaIssue[] {
  if (validate) return validate;
  const check = new Ajv({ allErrors: true, verbose: true, strict: false }).compile(faqSchema);
  validate = (data) => (check(data) ? [] : (check.errors ?? []).filter((e) => e.keyword !== 'propertyNames').map((e) => schemaIssue(e)));
  return validate;
}

/** An Ajv error as a path and plain words, naming the schema file (and the schema's description of the value). */
export function schemaIssue(e: ErrorObject, schemaFile = 'faq.schema.json'): SchemaIssue {
  const path: (string | number)[] = e.instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  let message = e.message ?? 'does not fit the schema';
  if (e.propertyName !== undefined) {
    path.push(e.propertyName);
    message = `the id "${e.propertyName}" ${message}`;
  } else if (e.keyword === 'additionalProperties') {
    const field = (e.params as { additionalProperty: string }).additionalProperty;
    path.push(field);
    message = `unknown field "${field}"`;
  } else if (e.keyword === 'required') {
    const field = (e.params as { missingProperty: string }).missingProperty;
    path.push(field);
    message = `"${field}" is missing`;
  }
  const description = (e.parentSchema as { description?: string } | undefined)?.description;
  return { path, message: `${message} (${schemaFile}${description ? `: ${description}` : ''})` };
}

/** What the template itself gets wrong: a misspelt or missing {{lng}}, a relative path. */
export function templateFindings(template: string): { findings: OwnerFinding[]; fixed: string } {
  const findings: OwnerFinding[] = [];
  const say = (level: OwnerFinding['level'], message: string) => findings.push({ level, rule: 'template', file: template, path: '', message });
  const fixed = template.replace(LOOKALIKE, (m) => (/^\{\{\s*lng\s*\}\}$/.test(m) ? m : '{{lng}}'));
  for (const m of template.matchAll(LOOKALIKE)) {
    if (/^\{\{lng\}\}$/.test(m[0])) continue;
    if (/^\{\{\s*lng\s*\}\}$/.test(m[0])) {
      say('warning', `"${m[0]}" works (the widget allows spaces), but write {{lng}} as the documentation does: "${template.replace(LNG, '{{lng}}')}"`);
      continue;
    }
    say('error', `"${m[0]}" is not replaced by the widget (only {{lng}} is), so every visitor's browser requests "${template.replace(LNG, 'lv')}" as written and gets an error; write data-content="${fixed}"`);
  }
  if (!HAS_LNG.test(fixed)) {
    say('warning', 'the template has no {{lng}}, so every language gets the same file: Latvian and English visitors see the same entries, and the language switch labels them as both. Put {{lng}} where the language goes, e.g. /help/{{lng}}.json');
  }
  if (!URL_LIKE.test(template) && !template.startsWith('/')) {
    const on = (page: string) => new URL(fixed.replace(LNG, 'lv'), page).href;
    say(
      'warning',
      `"${template}" is relative, so it resolves against each page's address: on https://example.lv/ it requests ${on('https://example.lv/')}, on https://example.lv/shop/item ${on('https://example.lv/shop/item')}. Write it from the site's root (/${fixed.replace(/^(\.\.?\/)+/, '')}) or as a full https:// address.`,
    );
  }
  return { findings, fixed };
}

/** Decodes a file's bytes as the browser does for fetch().text() and .json(): UTF-8, a leading BOM dropped. */
export function decodeContent(bytes: Uint8Array, file: string): { text?: string; findings: OwnerFinding[] } {
  const findings: OwnerFinding[] = [];
  const say = (level: OwnerFinding['level'], message: string, line?: number, column?: number) =>
    findings.push({ level, rule: 'encoding', file, ...(line && { line, column }), path: '', message });
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    say('error', 'the file is saved as UTF-16 (its first bytes say so); browsers read content as UTF-8, so the widget cannot read it. Save it as "UTF-8".', 1, 1);
    return { findings };
  }
  // What fetch's "UTF-8 decode" does: a leading byte-order mark is dropped, bad bytes become U+FFFD.
  const text = new TextDecoder('utf-8').decode(bytes);
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    say(
      'warning',
      'the file starts with a byte-order mark (bytes EF BB BF). Browsers drop it (fetch decodes UTF-8 without it before .json() parses), so the widget reads the file; but JSON.parse on the raw text, Node and many tools reject it. Save it as "UTF-8" without BOM.',
      1,
      1,
    );
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const at = text.indexOf('\uFFFD');
    const before = text.slice(0, Math.max(at, 0)).split('\n');
    say('error', 'bytes that are not UTF-8 (saved as Windows-1257 or Latin-1?): visitors see "�" in their place. Save the file as "UTF-8".', before.length, before[before.length - 1].length + 1);
  }
  return { text, findings };
}

/** What the widget does when one language's file is missing, said to the owner. */
function missingLanguage(lang: Lang, where: string, have: Lang): string {
  const [name, haveName] = lang === 'lv' ? ['Latvian', 'English'] : ['English', 'Latvian'];
  return `no ${name} file (${where}). The widget asks for it, gets "not found" (the browser logs that request in the console) and then treats the site as ${haveName}-only for the visit: ${haveName} entries for everyone, no language switch. To skip that request add data-languages="${have}" to the script tag; for a bilingual site add the file, with the same ids as the ${haveName} one.`;
}

interface Loaded {
  sources: ContentSource[];
  findings: OwnerFinding[];
  files: CheckReport['files'];
  fatal?: string;
}

/** Reads one file or URL: its text, or why not; `missing` when it is not there at all. */
async function load(target: string, options: CheckOptions): Promise<{ bytes?: Uint8Array; missing?: boolean; findings: OwnerFinding[] }> {
  const fail = (message: string, rule: OwnerFinding['rule'] = 'http') => ({ findings: [{ level: 'error' as const, rule, file: target, path: '', message }] });
  if (!URL_LIKE.test(target)) {
    try {
      return { bytes: await readFile(target), findings: [] };
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return { missing: true, findings: [] };
      return fail(`cannot be read: ${(e as Error).message}`, 'file');
    }
  }
  let response: Response;
  try {
    response = await (options.fetch ?? fetch)(target, { redirect: 'follow' });
  } catch (e) {
    const cause = (e as { cause?: { code?: string; message?: string } }).cause;
    return fail(`could not be reached (${cause?.code ?? cause?.message ?? (e as Error).message}): check the address, and that the server is up`);
  }
  if (response.status === 404 || response.status === 410) return { missing: true, findings: [] };
  if (!response.ok) return fail(`the server answered ${response.status} ${response.statusText} for ${target}; the widget shows its error notice instead of this language's entries`);
  const type = (response.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
  if (type === 'text/html') {
    return fail(`the server answered with an HTML page (content-type text/html), not JSON, for ${target}: the address probably leads to an error page or the site's home page. Check the path and where the files are deployed.`);
  }
  const findings: OwnerFinding[] = [];
  if (!/^application\/([\w.-]+\+)?json$/.test(type)) {
    findings.push({ level: 'warning', rule: 'http', file: target, path: '', message: `served as ${type ? `content-type ${type}` : 'no content-type'}; the widget reads it anyway, but the server should say application/json (some proxies and caches treat other types differently)` });
  }
  return { bytes: new Uint8Array(await response.arrayBuffer()), findings };
}

/**
 * Where a template or file names content on this machine: a path from the site's root is read
 * under `root`; so is a relative template when `--root` is given (as the site's home page reads it).
 */
function localPath(path: string, root: string, template = false, rootGiven = false): string {
  if (URL_LIKE.test(path)) return path;
  if (!path.startsWith('/')) return template && rootGiven ? join(root, path) : path;
  // An absolute path that exists is the owner's file; otherwise "/help/lv.json" is as the site serves it.
  const top = path.split('/')[1];
  return top && existsSync(`/${top}`) ? path : join(root, path);
}

/** Reads every target: files as they are, templates for each language. */
async function loadTargets(targets: string[], options: CheckOptions): Promise<Loaded> {
  const loaded: Loaded = { sources: [], findings: [], files: [] };
  const root = options.root ?? '.';
  const read = async (target: string, lang: Lang | undefined, template = false) => {
    const file = localPath(target, root, template, options.root !== undefined);
    const result = await load(file, options);
    loaded.findings.push(...result.findings);
    if (!result.bytes) return result;
    loaded.files.push({ file, ...(lang && { lang }) });
    const decoded = decodeContent(result.bytes, file);
    loaded.findings.push(...decoded.findings);
    if (decoded.text !== undefined && !result.findings.some((f) => f.level === 'error')) loaded.sources.push({ file, lang, text: decoded.text });
    return result;
  };
  for (const given of targets) {
    // A folder stands for its lv.json and en.json, as for build and preview; a Markdown file is
    // the build's input, not what the widget loads.
    const folder = !URL_LIKE.test(given) && !HAS_LNG.test(given) && (await stat(given).then((s) => s.isDirectory(), () => false));
    const target = folder ? join(given, '{{lng}}.json') : given;
    if (/\.(md|markdown|csv)$/i.test(target) && !URL_LIKE.test(target)) {
      loaded.findings.push({ level: 'error', rule: 'file', file: target, path: '', message: `this is what faq-widget build reads, not what the widget loads: run "faq-widget build <folder or .csv> --out <dir>" and check <dir> (the build checks its result too)` });
      continue;
    }
    const template = templateFindings(target);
    // A URL, a {{lng}} (or its misspelling), or a path from the site's root is what data-content holds.
    const isTemplate = URL_LIKE.test(target) || template.fixed !== target || HAS_LNG.test(target) || localPath(target, root) !== target;
    if (!isTemplate) {
      const lang = [...target.matchAll(LANG_IN_NAME)].pop()?.[1].toLowerCase() as Lang | undefined;
      const result = await read(target, lang);
      if (result.missing) loaded.findings.push({ level: 'error', rule: 'file', file: target, path: '', message: `no such file${isAbsolute(target) ? '' : ` (looked in ${process.cwd()})`}` });
      if (!lang && result.bytes) {
        loaded.findings.push({ level: 'warning', rule: 'template', file: target, path: '', message: 'the file name says no language (lv or en), so it is checked on its own. If data-content names this one file, every language gets it; name the files lv.json and en.json and set data-content="/…/{{lng}}.json".' });
      }
      continue;
    }
    loaded.findings.push(...template.findings);
    // A misspelt template is checked as the owner meant it, so its content is checked too.
    const expanded = LANGS.map((lang) => ({ lang, path: template.fixed.replace(LNG, lang) }));
    if (expanded[0].path === expanded[1].path) {
      await read(expanded[0].path, undefined, true);
      continue;
    }
    const missing: Lang[] = [];
    const local = (path: string) => localPath(path, root, true, options.root !== undefined);
    for (const { lang, path } of expanded) if ((await read(path, lang, true)).missing) missing.push(lang);
    if (missing.length === 1) {
      const lang = missing[0];
      const where = local(expanded.find((e) => e.lang === lang)!.path);
      loaded.findings.push({ level: 'warning', rule: 'missing-language', file: where, path: '', message: missingLanguage(lang, where, lang === 'lv' ? 'en' : 'lv') });
    } else if (missing.length === 2) {
      // "/help/…" is read under --root: without it, under the folder the command runs in.
      const hint = !URL_LIKE.test(target) && options.root === undefined ? '; if the site serves another folder as its root, say which with --root, e.g. --root public' : '';
      loaded.findings.push({ level: 'error', rule: 'missing-language', file: target, path: '', message: `neither ${expanded.map((e) => local(e.path)).join(' nor ')} exists${hint}` });
    }
  }
  if (!loaded.files.length) loaded.fatal = `nothing to check: no file or URL could be read (${targets.join(', ')})`;
  return loaded;
}

/** Checks files, templates or URL templates, as the command does; the build command checks its output with this. */
export async function checkTargets(targets: string[], options: CheckOptions = {}): Promise<CheckReport> {
  const loaded = await loadTargets(targets, options);
  // A content file's "ui" block is checked against the widget's own interface text.
  const findings = [...loaded.findings, ...checkContent(loaded.sources, { schema: schemaRule(), ui: { lv: lvUi, en: enUi } })].sort(
    (a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0),
  );
  const errors = findings.filter((f) => f.level === 'error').length;
  const warnings = findings.filter((f) => f.level === 'warning' && f.justified === undefined).length;
  const strict = !!options.strict;
  const ok = !loaded.fatal && !errors && !(strict && warnings);
  return { version: 1, ok, strict, errors, warnings, files: loaded.files, findings, ...(loaded.fatal && { fatal: loaded.fatal }) };
}

/** One finding as a line editors and CI logs link: file:line:column  level  path: message  [rule]. */
export function formatOwnerFinding(f: OwnerFinding): string {
  const where = f.line ? `${f.file}:${f.line}:${f.column ?? 1}` : f.file;
  const level = f.justified === undefined ? f.level : 'justified';
  const note = f.justified === undefined ? '' : `  (note: ${JSON.stringify(f.justified)})`;
  return `${where}  ${level.padEnd(7)}  ${f.path ? `${f.path}: ` : ''}${f.message}  [${f.rule}]${note}`;
}

function summaryLine(report: CheckReport): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const verdict = report.ok ? ' — ok' : report.strict && !report.errors ? ' — failed (--strict)' : '';
  return `faq-widget check: ${plural(report.files.length, 'file')} checked, ${plural(report.errors, 'error')}, ${plural(report.warnings, 'warning')}${verdict}`;
}

/** `faq-widget check …`; resolves to the exit code. */
export async function main(args: string[], io: Io = processIo): Promise<number> {
  const targets: string[] = [];
  const options: CheckOptions = {};
  let json = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '-h' || arg === '--help') {
      io.out(HELP);
      return 0;
    } else if (arg === '--json') json = true;
    else if (arg === '--strict') options.strict = true;
    else if (arg === '--root' || arg.startsWith('--root=')) {
      options.root = arg.includes('=') ? arg.slice(7) : args[++i];
      if (!options.root) return usage(io, '--root needs a folder, e.g. --root public');
    } else if (arg.startsWith('-') && arg !== '-') return usage(io, `unknown option "${arg}"`);
    else targets.push(arg);
  }
  if (!targets.length) return usage(io, 'name the content files, or the data-content template, to check');
  const report = await checkTargets(targets, options);
  if (json) io.out(`${JSON.stringify(report, null, 2)}\n`);
  else {
    for (const f of report.findings) io.out(`${formatOwnerFinding(f)}\n`);
    if (report.fatal) io.err(`faq-widget check: ${report.fatal}\n`);
    else io.out(`${summaryLine(report)}\n`);
  }
  return report.fatal ? 2 : report.ok ? 0 : 1;
}

function usage(io: Io, problem: string): number {
  io.err(`faq-widget check: ${problem}\nRun "faq-widget check --help" for how to use it.\n`);
  return 2;
}
