import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Rollup } from 'vite';
import { defineConfig, type Plugin } from 'vitest/config';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

/** Budgets in bytes of gzip (level 9), kB = 1000 bytes as Vite and size-limit count. */
export const SIZE_BUDGETS: Record<string, number> = { 'faq-widget.js': 40_000 }; // both languages built in

/** Prints raw and gzip size of each built file and fails the build above its budget. */
function sizeBudget(): Plugin {
  return {
    name: 'faq-size-budget',
    apply: 'build',
    writeBundle(options, bundle) {
      for (const file of Object.keys(bundle)) {
        if (!file.endsWith('.js') && !file.endsWith('.mjs')) continue;
        const path = `${options.dir}/${file}`;
        const raw = statSync(path).size;
        const gzip = gzipSync(readFileSync(path), { level: 9 }).length;
        const budget = SIZE_BUDGETS[file];
        const kB = (bytes: number) => `${(bytes / 1000).toFixed(2)} kB`;
        const verdict = budget ? `${gzip <= budget ? 'ok' : 'OVER'}, budget ${kB(budget)}` : 'no budget';
        console.log(`size ${file}: ${kB(raw)} raw, ${kB(gzip)} gzip = ${gzip} bytes (${verdict})`);
        // Live demo rebuilds and the bench report the size; `npm run build` and CI enforce it.
        if (budget && gzip > budget && !process.env.FAQ_SIZE_REPORT_ONLY) this.error(`${file} is ${gzip} bytes gzip, over its budget of ${budget}`);
      }
    },
  };
}

/** Locale files name their JSON Schema for editors; the shipped script has no use for it. */
function stripSchemaKeys(): Plugin {
  return {
    name: 'faq-strip-schema',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]locales[\\/][^\\/]+[\\/][^\\/]+\.json$/.test(id)) return null;
      const { $schema: _, ...data } = JSON.parse(code) as Record<string, unknown>;
      return { code: JSON.stringify(data), map: null };
    },
  };
}

/**
 * `npm run demo`: rebuilds dist/faq-widget.js whenever a source or locale file changes and
 * reloads the demo pages, so a translator sees a saved edit in the widget at once.
 */
function liveDemo(): Plugin {
  let watcher: Rollup.RollupWatcher | undefined;
  return {
    name: 'faq-live-demo',
    // The dev server only: Vitest also serves this config and must not start a watcher.
    apply: (_, env) => env.command === 'serve' && !process.env.VITEST,
    async configureServer(server) {
      server.httpServer?.once('close', () => void watcher?.close());
      // dist/ is served straight from disk: Vite's module cache would keep the first build.
      server.middlewares.use('/dist/', (req, res, next) => {
        const file = join('dist', decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
        if (!existsSync(file)) return next();
        res.setHeader('content-type', file.endsWith('.map') ? 'application/json' : 'text/javascript; charset=utf-8');
        res.setHeader('cache-control', 'no-store');
        res.end(readFileSync(file));
      });
      process.env.FAQ_SIZE_REPORT_ONLY = '1';
      watcher = (await build({
        configFile: 'vite.config.ts',
        logLevel: 'warn',
        build: { watch: {}, sourcemap: false, emptyOutDir: false }, // never a moment without the file
      })) as Rollup.RollupWatcher;
      watcher.on('event', (event) => {
        if (event.code === 'BUNDLE_END') {
          event.result.close();
          server.config.logger.info('faq-widget: rebuilt dist/faq-widget.js, reloading the demo', { timestamp: true });
          server.ws.send({ type: 'full-reload' });
        } else if (event.code === 'ERROR') {
          server.config.logger.error(`faq-widget: rebuild failed: ${event.error.message}`, { timestamp: true });
        }
      });
    },
  };
}

export default defineConfig(({ mode }) => {
  const esm = mode === 'esm';
  return {
    plugins: [stripSchemaKeys(), sizeBudget(), liveDemo()],
    // Classic JSX, h(type, props, ...children), as tsconfig says: 211 bytes gzip smaller in the
    // script-tag file than the automatic runtime's jsx(type, { ...props, children: [...] }).
    oxc: { jsx: { runtime: 'classic', pragma: 'h', pragmaFrag: 'Fragment', development: false } },
    define: { __VERSION__: JSON.stringify(pkg.version) },
    build: {
      target: 'es2020',
      emptyOutDir: !esm,
      reportCompressedSize: false, // the size-budget plugin prints the figure that counts
      sourcemap: true,
      // Bundlers minify the ESM build themselves; the script-tag file ships minified.
      minify: esm ? false : 'terser',
      terserOptions: { ecma: 2020, toplevel: true, compress: { passes: 3 }, format: { comments: false } },
      lib: esm
        ? { entry: 'src/index.ts', formats: ['es'], fileName: () => 'faq-widget.mjs' }
        : { entry: 'src/embed.ts', formats: ['iife'], name: 'FaqWidgetBundle', fileName: () => 'faq-widget.js' },
      rolldownOptions: esm
        ? { external: [/^preact/, 'i18next', /^fuse\.js/] }
        : // Marks when the script starts to run, so start-up can be measured from there (bench/run.ts).
          { output: { banner: 'self.performance?.mark?.("faq-widget:start");' } },
    },
    test: {
      projects: [
        { extends: true, test: { name: 'core', include: ['tests/core/**/*.test.ts'], environment: 'node' } },
        { extends: true, test: { name: 'ui', include: ['tests/ui/**/*.test.tsx'], environment: 'jsdom' } },
        { extends: true, test: { name: 'dist', include: ['tests/dist/**/*.test.ts'], environment: 'node' } },
        {
          extends: true,
          // One file at a time: each starts its own Chromium, and two cores are all CI has.
          test: {
            name: 'e2e',
            include: ['tests/e2e/**/*.test.ts'],
            environment: 'node',
            testTimeout: 60_000,
            hookTimeout: 60_000,
            fileParallelism: false,
          },
        },
      ],
    },
  };
});
