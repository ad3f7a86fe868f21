/**
 * `faq-widget build <folder or .csv> --out <dir>`: the owner's Markdown files or spreadsheet →
 * `<dir>/lv.json` and `<dir>/en.json` (the languages present), the files `data-content` loads.
 *
 * Everything it had to change or could not use is reported with file:line:column; the result is
 * then run through the content checks. Files are written only when there is no error, each to a
 * temporary file first and renamed over the old one, so a failed build never leaves a broken or
 * half-written file where the site loads it.
 *
 * Exit codes: 0 written (warnings allowed), 1 mistakes in the content (nothing written),
 * 2 wrong arguments or a file that cannot be read or written.
 */
import { watch } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, posix, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FaqFile } from '../core/content';
import { formatFinding, fromOwner, type Finding } from '../core/check';
import { checkContent, schemaRule } from './check';
import { LANGS } from '../core/locale';
import type { Lang } from '../types';
import { assemble, serialize, type SourceCategory, type SourceEntry } from './assemble';
import { readCsv, OPTIONAL, REQUIRED } from './csv';
import { CATEGORIES_FILE, readFolder, type FolderFile } from './folder';
import type { Note } from './markdown';

export const USAGE = `Usage: faq-widget build <folder or file.csv> --out <dir> [--watch]

Writes <dir>/lv.json and <dir>/en.json (the languages the input has) for data-content="<dir>/{{lng}}.json".
With --watch it stays and builds again on every change of the input (run faq-widget preview <dir> beside it).

A folder holds one Markdown file per entry and language:
  <folder>/lv/_categories.md   front matter "category-id: Name", one per line, in display order
  <folder>/lv/salary.md        front matter: category (required), id (default: file name),
                               question (default: the first "# " heading), keywords, related, order;
                               below it, the answer in Markdown
  <folder>/en/...              the same ids in English
A CSV file has one row per entry and language; its first line names the columns:
  ${REQUIRED.join(',')} (required), ${OPTIONAL.join(',')} (optional)

Exit codes: 0 written, 1 mistakes in the content (nothing written), 2 wrong arguments or unreadable files.`;

/** Where the command prints: findings to `error`, the outcome to `log`. */
export interface Io {
  log: (line: string) => void;
  error: (line: string) => void;
}
const consoleIo: Io = { log: (line) => console.log(line), error: (line) => console.error(line) };

/**
 * The content checks run on the result, by output file: the owner checker of `faq-widget check`
 * (schema, markup, links, ids, invisible text, duplicates), with what is not a mistake of a build
 * left out: entries or categories missing from the other language (the build has said so at
 * their source, as warnings: a site may add its second language entry by entry).
 */
export function checkOutput(texts: Partial<Record<Lang, string>>, outDir: string): Finding[] {
  const sources = LANGS.filter((lang) => texts[lang] !== undefined).map((lang) => ({ file: join(outDir, `${lang}.json`), lang, text: texts[lang]! }));
  return checkContent(sources, { schema: schemaRule() })
    .filter((f) => !(f.rule === 'translation' && / is missing from /.test(f.message)))
    .map(fromOwner);
}

type Parsed = { input?: string; out?: string; help?: boolean; watch?: boolean; problem?: string };

function parseArgs(args: string[]): Parsed {
  const parsed: Parsed = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '-h' || arg === '--help') parsed.help = true;
    else if (arg === '--watch' || arg === '-w') parsed.watch = true;
    else if (arg === '--out' || arg === '-o') {
      if (!args[i + 1] || args[i + 1].startsWith('-')) return { problem: `${arg} needs a folder, e.g. --out public/help` };
      parsed.out = args[++i];
    } else if (arg.startsWith('--out=')) parsed.out = arg.slice(6);
    else if (arg.startsWith('-')) return { problem: `unknown option "${arg}"` };
    else if (parsed.input) return { problem: `one input at a time: "${parsed.input}" and "${arg}"` };
    else parsed.input = arg;
  }
  return parsed;
}

/** A path as findings show it: relative to where the command runs, with "/". */
const shown = (path: string) => {
  const near = relative(process.cwd(), path) || '.';
  return (near.startsWith('..') || isAbsolute(near) ? resolve(path) : near).split(sep).join('/');
};

/** The Markdown files of each language folder, or a problem in words. */
async function listFolder(folder: string): Promise<FolderFile[] | string> {
  const files: FolderFile[] = [];
  let found = false;
  for (const lang of LANGS) {
    let names: string[];
    try {
      names = await readdir(join(folder, lang));
      found = true;
    } catch {
      continue;
    }
    for (const name of names) {
      if (!name.endsWith('.md')) continue;
      const path = join(folder, lang, name);
      if (!(await stat(path)).isFile()) continue;
      files.push({ path: posix.join(lang, name), text: await readFile(path, 'utf8') });
    }
  }
  return found ? files : `${shown(folder)} has no ${LANGS.map((l) => `${l}/`).join(' or ')} folder; put each language's Markdown files in one, e.g. ${shown(join(folder, 'lv', 'salary.md'))}`;
}

const print = (io: Io, note: Note | Finding) => io.error(formatFinding({ key: '', ...note }));
const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Runs the command; `args` are those after "build". Resolves to the exit code. */
export async function main(args: string[], io: Io = consoleIo, stop?: AbortSignal): Promise<number> {
  const { input, out, help, watch, problem } = parseArgs(args);
  if (help) {
    io.log(USAGE);
    return 0;
  }
  if (problem || !input || !out) {
    io.error(`faq-widget build: ${problem ?? (input ? 'say where to write the files: --out <dir>' : 'say what to build: a folder of Markdown files or a .csv file')}\n\n${USAGE}`);
    return 2;
  }
  const code = await buildOnce(input, out, io);
  if (!watch || code === 2) return code;
  return watchInput(input, () => buildOnce(input, out, io), io, stop);
}

/**
 * `--watch`: builds again each time a file of the input changes (a burst of saves is one build),
 * until Ctrl-C or `stop`. A build with errors writes nothing, so the site (and `faq-widget preview`
 * beside it) keeps the last good files meanwhile.
 */
async function watchInput(input: string, build: () => Promise<number>, io: Io, stop?: AbortSignal): Promise<number> {
  const folder = (await stat(input)).isDirectory() ? input : dirname(input);
  const only = folder === input ? undefined : basename(input);
  io.log(`build: watching ${shown(input)} for changes; Ctrl-C to stop`);
  return new Promise((done) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let running = Promise.resolve();
    const watcher = watch(folder, { recursive: folder === input }, (_, name) => {
      if (only && name !== only) return;
      clearTimeout(timer);
      timer = setTimeout(() => {
        running = running.then(async () => {
          io.log(`build: ${shown(input)} changed (${new Date().toLocaleTimeString('en-GB')})`);
          await build();
        });
      }, 100);
    });
    const end = () => {
      clearTimeout(timer);
      watcher.close();
      process.off('SIGINT', end);
      void running.then(() => done(0));
    };
    process.once('SIGINT', end);
    stop?.addEventListener('abort', end, { once: true });
  });
}

/** One build of `input` into `out`; resolves to the exit code. */
async function buildOnce(input: string, out: string, io: Io): Promise<number> {
  let read: { entries: SourceEntry[]; categories: SourceCategory[]; notes: Note[]; broken?: Set<string> };
  let nameHint: (lang: Lang, category: string) => string;
  try {
    if ((await stat(input)).isDirectory()) {
      const files = await listFolder(input);
      if (typeof files === 'string') {
        io.error(`faq-widget build: ${files}`);
        return 2;
      }
      read = readFolder(files, shown(input));
      nameHint = (lang, category) => `add "${category}: Name" to ${shown(join(input, lang, CATEGORIES_FILE))}`;
    } else if (input.toLowerCase().endsWith('.csv')) {
      read = readCsv(await readFile(input, 'utf8'), shown(input));
      nameHint = (lang) => `fill its category_title in one of its ${lang} rows`;
    } else {
      io.error(`faq-widget build: ${shown(input)} is neither a folder nor a .csv file\n\n${USAGE}`);
      return 2;
    }
  } catch (e) {
    io.error(`faq-widget build: cannot read ${shown(input)} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    return 2;
  }

  const { files, notes } = assemble(read.categories, read.entries, nameHint, read.broken);
  const all = [...read.notes, ...notes];
  for (const note of all) print(io, note);
  const langs = LANGS.filter((lang) => files[lang]);
  const errors = all.filter((n) => n.level === 'error').length;
  if (!langs.length && !errors) {
    io.error(`faq-widget build: ${shown(input)} has no entries`);
    return 1;
  }
  if (errors) {
    io.log(`build: ${count(errors, 'error')}, ${count(all.length - errors, 'warning')}; nothing written`);
    return 1;
  }

  const texts: Partial<Record<Lang, string>> = {};
  for (const lang of langs) texts[lang] = serialize(files[lang] as FaqFile);
  const findings = checkOutput(texts, shown(out));
  // The owner edits the source, not the result: each finding about an entry says where it was written.
  const sources = new Map(read.entries.map((e) => [`${shown(join(out, `${e.lang}.json`))} ${e.id}`, `${e.file}:${e.line}`]));
  for (const finding of findings) {
    const source = sources.get(`${finding.file} ${/^entries\.([^.]+)/.exec(finding.key)?.[1]}`);
    print(io, source ? { ...finding, message: `${finding.message} (written in ${source})` } : finding);
  }
  const failed = findings.filter((f) => f.level === 'error').length;
  let warnings = all.length + findings.length - failed;
  if (failed) {
    io.log(`build: the checks found ${count(failed, 'error')} in the result (lines as it would be written), ${count(warnings, 'warning')}; nothing written`);
    return 1;
  }

  // A language the input no longer has keeps its old file: said, not deleted behind the owner's back.
  for (const lang of LANGS.filter((l) => !files[l])) {
    const stale = join(out, `${lang}.json`);
    if (await stat(stale).then((s) => s.isFile(), () => false)) {
      warnings++;
      print(io, { level: 'warning', file: shown(stale), message: `the input has no ${lang} entries; this file is from an earlier build and was left as it is: delete it if the site has no ${lang} content` });
    }
  }
  const targets = langs.map((lang) => ({ target: join(out, `${lang}.json`), temp: join(out, `.${lang}.json.${process.pid}.tmp`), text: texts[lang]! }));
  try {
    await mkdir(out, { recursive: true });
    for (const { temp, text } of targets) await writeFile(temp, text);
    // Renamed only once every file is complete: the site never loads a half-written one.
    for (const { temp, target } of targets) await rename(temp, target);
  } catch (e) {
    // Nothing half-written stays behind (where there is no folder, there is nothing to remove).
    await Promise.all(targets.map(({ temp }) => rm(temp, { force: true }).catch(() => undefined)));
    io.error(`faq-widget build: cannot write to ${shown(out)} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    return 2;
  }
  const sizes = langs.map((lang) => `${shown(join(out, `${lang}.json`))} (${count(Object.keys(files[lang]!.entries).length, 'entry').replace(/entrys$/, 'entries')})`);
  io.log(`build: wrote ${sizes.join(', ')}; ${count(warnings, 'warning')}`);
  return 0;
}

// Run as a command from source (`tsx src/cli/build.ts …`); imported, it only exports. The file name
// is checked too: bundled into the `faq-widget` command, every module shares the bundle's URL, and
// only the dispatcher may act on the arguments.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href && import.meta.url.endsWith('/cli/build.ts')) {
  main(process.argv.slice(2)).then((code) => (process.exitCode = code));
}
