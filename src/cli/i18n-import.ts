/**
 * `npm run i18n:import -- <file.xlf|file.po> [--folder locales] [--dry-run]`: merges an agency's
 * translated file into locales/lv/{ui,faq}.json and records each imported text's English source
 * in locales/lv/.sources.json. Every text is checked first (placeholders, plural forms, invisible
 * characters, then all of i18n:check on the merged files); on any error nothing is written, the
 * errors name the line in the imported file, and the exit code is 1.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mergeImport } from '../core/agency';
import { formatSidecar, SIDECAR_FILE } from '../core/sources';
import { FormatError, fromPo, fromXliff } from './agency-formats';
import { readLocaleFiles, readSidecarFile, writeFiles } from './locale-files';

async function main(args: string[]): Promise<number> {
  const folderAt = args.indexOf('--folder');
  const root = folderAt >= 0 ? args.splice(folderAt, 2)[1] : 'locales';
  const dryRun = args.includes('--dry-run');
  const file = args.find((a) => !a.startsWith('--'));
  if (!file) {
    console.error('usage: npm run i18n:import -- <file.xlf|file.po> [--folder locales] [--dry-run]');
    return 1;
  }
  const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  const texts = /\.po$/i.test(file) || /^\s*(#|msgid)/.test(text) ? fromPo(text, file) : await fromXliff(text, file);
  const result = mergeImport(readLocaleFiles(root), readSidecarFile(root), texts, file, root);
  for (const notice of result.notices) console.warn(notice);
  if (result.errors.length) {
    for (const error of result.errors) console.error(error);
    console.error(`i18n:import: ${result.errors.length} error${result.errors.length === 1 ? '' : 's'}; nothing was written. Fix them in ${file} and import again.`);
    return 1;
  }
  const writes: Record<string, string> = {};
  if (result.write['lv/ui.json']) writes[join(root, 'lv/ui.json')] = result.write['lv/ui.json'];
  if (result.write['lv/faq.json']) writes[join(root, 'lv/faq.json')] = result.write['lv/faq.json'];
  if (result.write.sidecar) writes[join(root, SIDECAR_FILE)] = formatSidecar(result.write.sidecar);
  if (!dryRun) writeFiles(writes);
  console.log(`i18n:import: ${result.imported.length} text${result.imported.length === 1 ? '' : 's'} ${dryRun ? 'would be ' : ''}imported from ${file}${Object.keys(writes).length ? ` into ${Object.keys(writes).join(', ')}` : ''}`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (e: Error) => {
    console.error(e instanceof FormatError ? e.message : `i18n:import: ${e.message}`);
    process.exitCode = 1;
  },
);
