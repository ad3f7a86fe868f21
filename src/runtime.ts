/**
 * The runtime chunk of the script-tag build: Preact, i18next, Fuse.js and the panel. The loader
 * fetches it when a visitor reaches for help and it hands over its one function through its
 * `<script>` element, so it defines no global.
 */
import { readFiles, type LoadedContent } from './core/content';
import { CHUNK_CALLBACK, type ChunkScript } from './loader/chunks';
import { createWidget, type Base, type Widget } from './mount';
import type { Config } from './options';
import type { Lang } from './types';

export interface Runtime {
  createWidget(config: Config, builtInFile: (lang: Lang) => Promise<unknown>, base: Base): Widget;
}

const runtime: Runtime = {
  createWidget(config, builtInFile, base) {
    // Only the languages asked for: the visitor's first, the other on a switch or a fallback search.
    const builtIn = async (_: AbortSignal, langs: readonly Lang[]): Promise<LoadedContent> => {
      const failures: string[] = [];
      const files = await Promise.all(
        langs.map((lang) =>
          builtInFile(lang).then(
            (file) => [lang, file] as const,
            (error: Error) => [lang, failures.push(error.message) && undefined] as const,
          ),
        ),
      );
      const loaded = readFiles(Object.fromEntries(files), (lang) => `the built-in ${lang} content`);
      loaded.failures = loaded.failures.concat(failures);
      return loaded;
    };
    return createWidget(config, builtIn, base);
  },
};

(document.currentScript as ChunkScript | null)?.[CHUNK_CALLBACK]?.(runtime);
