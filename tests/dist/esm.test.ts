// @vitest-environment jsdom
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** The ESM build for bundler users: `import { mount } from 'faq-widget'`, with types. */
describe('dist/faq-widget.mjs', () => {
  it('exports mount, which mounts a working widget', async () => {
    const { mount, version } = await import('../../dist/faq-widget.mjs' as string);
    expect(version).toMatch(/^\d+\.\d+\.\d+/);
    const widget = mount({ lang: 'en' });
    expect(document.querySelector('faq-widget-host')?.shadowRoot).toBeTruthy();
    expect((await widget.search('burnout'))[0].id).toBe('difficulty');
    widget.destroy();
    expect(document.querySelector('faq-widget-host')).toBeNull();
  });

  it('does not carry the built-in call-centre content: an app with its own content never loads it', () => {
    const dist = join(process.cwd(), 'dist');
    const main = readFileSync(join(dist, 'faq-widget.mjs'), 'utf8');
    const lv = JSON.parse(readFileSync(join(process.cwd(), 'locales/lv/faq.json'), 'utf8'));
    const question = lv.entries.workload.question as string;
    expect(main).not.toContain(question);
    // It is a chunk of its own, imported only by a widget mounted without `content`.
    const chunk = readdirSync(dist).find((f) => /^faq-widget\.built-in-content\.[\w-]+\.mjs$/.test(f))!;
    expect(readFileSync(join(dist, chunk), 'utf8')).toContain(question);
    expect(main).toMatch(/import\(["']\.\/faq-widget\.built-in-content\.[\w-]+\.mjs["']\)/);
  });

  it('defines no global of its own', async () => {
    await import('../../dist/faq-widget.mjs' as string);
    expect('FaqWidget' in window).toBe(false);
  });

  it('ships type declarations for the public API', () => {
    // jsdom's import.meta.url is not a file URL: read from the project root.
    const pkg = JSON.parse(readFileSync(join(process.cwd(), 'package.json'), 'utf8'));
    const types = readFileSync(join(process.cwd(), pkg.exports['.'].types), 'utf8');
    expect(types).toContain("export { mount } from './mount'");
    expect(types).toContain('WidgetHandle');
  });
});
