/**
 * `npm run i18n:sources -- [--folder locales] [--accept [key…]]`: lists the Latvian texts whose
 * English source changed since they were translated (with the English diff) and those with no
 * recorded source. `--accept` records the current English as the source of the given keys (a
 * plural's key without its form, e.g. ui.resultCount, names all its forms), or of every
 * Latvian text when no key is given: run it after updating the Latvian. Exit code 1 when a key
 * is unknown or the sidecar is broken; 0 otherwise.
 */
import { join } from 'node:path';
import { acceptSources, diffWords, formatDiff, formatSidecar, SIDECAR_FILE, staleTexts, unrecordedTexts } from '../core/sources';
import { readLocaleFiles, readSidecarFile, writeFiles } from './locale-files';

const args = process.argv.slice(2);
const folderAt = args.indexOf('--folder');
const root = folderAt >= 0 ? args.splice(folderAt, 2)[1] : 'locales';
const acceptAt = args.indexOf('--accept');
try {
  const files = readLocaleFiles(root);
  const sidecar = readSidecarFile(root);
  if (acceptAt >= 0) {
    const keys = args.slice(acceptAt + 1);
    const { sidecar: next, unknown } = acceptSources(files, sidecar, keys);
    if (unknown.length) {
      console.error(`i18n:sources: no text has the key${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}; keys look like ui.title, ui.resultCount, faq.entries.<id>.answer, faq.categories.<id>. Nothing was written.`);
      process.exitCode = 1;
    } else {
      writeFiles({ [join(root, SIDECAR_FILE)]: formatSidecar(next) });
      const changed = Object.keys(next.sources).filter((k) => next.sources[k].hash !== sidecar.sources[k]?.hash);
      console.log(`i18n:sources: recorded the English source of ${changed.length} text${changed.length === 1 ? '' : 's'} in ${join(root, SIDECAR_FILE)}`);
    }
  } else {
    const stale = staleTexts(files, sidecar, root);
    for (const s of stale) console.log(`${s.file}:${s.line ?? 1}:${s.column ?? 1} [${s.key}] ${formatDiff(diffWords(s.recordedSource, s.currentSource))}`);
    const unrecorded = unrecordedTexts(files, sidecar);
    for (const key of unrecorded) console.log(`not yet recorded: ${key}`);
    console.log(`i18n:sources: ${stale.length} stale, ${unrecorded.length} not yet recorded${unrecorded.length ? ' (run npm run i18n:sources -- --accept once they are checked)' : ''}`);
  }
} catch (e) {
  console.error((e as Error).message);
  process.exitCode = 1;
}
