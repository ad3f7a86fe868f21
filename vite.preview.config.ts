import { defineConfig } from 'vite';

/**
 * The page `faq-widget preview` serves (src/pages/preview.ts and its styles), built into
 * dist/preview/ after the widget: a build of its own so the widget's builds and budgets stay as
 * they are. It ships in the package beside the command; the widget never loads it.
 */
export default defineConfig({
  build: {
    outDir: 'dist/preview',
    emptyOutDir: true,
    target: 'es2020',
    sourcemap: false,
    reportCompressedSize: false,
    lib: { entry: 'src/pages/preview.ts', formats: ['es'], fileName: () => 'preview.js', cssFileName: 'preview' },
  },
});
