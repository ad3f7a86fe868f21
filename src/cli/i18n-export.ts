/**
 * `npm run i18n:export -- --format xliff|po [--out file] [--all] [--folder locales]`: writes the
 * Latvian texts that need translation — new (missing or empty) and stale (the English changed
 * since, per locales/lv/.sources.json), or every text with --all — with notes and context, for a
 * translation agency. To stdout without --out. Exit code 1 on bad arguments or unreadable files.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportItems, uiDescriptions } from '../core/agency';
import { toPo, toXliff, type Format } from './agency-formats';
import { readLocaleFiles, readSidecarFile } from './locale-files';

const USAGE = 'usage: npm run i18n:export -- --format xliff|po [--out file] [--all] [--folder locales]';

async function main(args: string[]): Promise<number> {
  const option = (name: string) => {
    const at = args.indexOf(name);
    return at < 0 ? undefined : args[at + 1];
  };
  const format = option('--format') as Format | undefined;
  if (format !== 'xliff' && format !== 'po') {
    console.error(`i18n:export: --format must be xliff or po. ${USAGE}`);
    return 1;
  }
  const root = option('--folder') ?? 'locales';
  const out = option('--out');
  const files = readLocaleFiles(root);
  const schema = JSON.parse(readFileSync(join(root, 'ui.schema.json'), 'utf8')) as unknown;
  const items = exportItems(files, readSidecarFile(root), uiDescriptions(schema), args.includes('--all'));
  const text = format === 'po' ? toPo(items) : await toXliff(items);
  if (out) writeFileSync(out, text);
  else process.stdout.write(text);
  const count = (status: string) => items.filter((i) => i.status === status).length;
  console.error(`i18n:export: ${items.length} text${items.length === 1 ? '' : 's'} (${count('new')} new, ${count('stale')} stale${args.includes('--all') ? `, ${count('current')} up to date` : ''})${out ? ` written to ${out}` : ''}`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (e: Error) => {
    console.error(`i18n:export: ${e.message}`);
    process.exitCode = 1;
  },
);
