/**
 * The runtime chunk of the script-tag build: Preact, i18next, Fuse.js and the panel. The loader
 * fetches it when a visitor reaches for help and it hands over its one function through its
 * `<script>` element, so it defines no global.
 */
import { readFiles, type LoadedContent } from './core/content';
import { LANGS } from './core/locale';
import { CHUNK_CALLBACK, type ChunkScript } from './loader/chunks';
import { createWidget, type Takeover, type Widget } from './mount';
import type { Config } from './options';
import type { Lang } from './types';

export interface Runtime {
  createWidget(config: Config, builtInFile: (lang: Lang) => Promise<unknown>, takeover: Takeover): Widget;
}

const runtime: Runtime = {
  createWidget(config, builtInFile, takeover) {
    const builtIn = async (): Promise<LoadedContent> => {
      const failures: string[] = [];
      const files = await Promise.all(
        LANGS.map((lang) =>
          builtInFile(lang).catch((error: Error) => {
            failures.push(error.message);
            return undefined;
          }),
        ),
      );
      const loaded = readFiles({ lv: files[0], en: files[1] }, (lang) => `the built-in ${lang} content`);
      loaded.failures.push(...failures);
      return loaded;
    };
    return createWidget(config, builtIn, takeover);
  },
};

(document.currentScript as ChunkScript | null)?.[CHUNK_CALLBACK]?.(runtime);
