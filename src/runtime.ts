/**
 * The runtime chunk of the script-tag build: Preact, i18next, Fuse.js and the panel. The loader
 * fetches it when a visitor reaches for help and it hands over its one function through its
 * `<script>` element, so it defines no global. It names the built-in content chunks with their
 * integrity hashes, and the loader fetches them for it.
 */
import { readFiles, type LoadedContent } from './core/content';
import { content } from 'virtual:faq-content-chunks';
import { CHUNK_CALLBACK, type ChunkScript } from './loader/chunks';
import { createWidget, type Base, type Widget } from './mount';
import type { Config } from './options';
import type { Lang } from './types';

export interface Runtime {
  /** `chunk` fetches a chunk beside the loader (once per page) and checks its integrity hash. */
  createWidget(config: Config, chunk: (chunk: FaqChunk) => Promise<unknown>, base: Base): Widget;
}

const runtime: Runtime = {
  createWidget(config, chunk, base) {
    // Only the languages asked for: the visitor's first, the other on a switch or a fallback search.
    const builtIn = async (_: AbortSignal, langs: readonly Lang[]): Promise<LoadedContent> => {
      const failures: string[] = [];
      const files = await Promise.all(
        langs.map((lang) =>
          chunk(content[lang]).then(
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
