import { h } from 'preact';
import { cleanup, render, waitFor } from '@testing-library/preact';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseMarkup } from '../../src/core/markup';
import { Answer } from '../../src/ui/Answer';
import { WidgetContext, type WidgetContextValue } from '../../src/ui/context';
import { mountWidget, settle } from './helpers';

/** Content written by an attacker renders as inert text: no element, attribute or link beyond the allowed few. */
const PAYLOADS = [
  '<script>window.pwned=1</script>',
  '<img src=x onerror="window.pwned=1">',
  '"><svg onload="window.pwned=1">',
  "' autofocus onfocus='window.pwned=1",
  '[a](javascript:window.pwned=1)',
  '[a](JaVaScRiPt:window.pwned=1)',
  '[a]( java\tscript:window.pwned=1)',
  '[a](&#106;avascript:window.pwned=1)',
  '[a](data:text/html,<script>window.pwned=1</script>)',
  '[a](vbscript:msgbox(1))',
  '**<b onclick="window.pwned=1">bold</b>**',
];
const ALLOWED_ELEMENTS = new Set(['DIV', 'P', 'H4', 'UL', 'OL', 'LI', 'STRONG', 'EM', 'CODE', 'BR', 'BLOCKQUOTE', 'A', 'SPAN']);
const ALLOWED_ATTRIBUTES = new Set(['class', 'href', 'target', 'rel', 'start']);

function assertInert(root: ParentNode) {
  for (const el of root.querySelectorAll('*')) {
    expect(ALLOWED_ELEMENTS.has(el.tagName), el.tagName).toBe(true);
    for (const attr of el.getAttributeNames()) expect(ALLOWED_ATTRIBUTES.has(attr), attr).toBe(true);
    const href = el.getAttribute('href');
    if (href !== null) expect(href.replace(/[\u0000-\u0020]/g, '')).not.toMatch(/^(javascript|data|vbscript|file):/i);
  }
}

const context = { controller: { actions: { openArticle: () => undefined } }, t: (k: string) => k } as unknown as WidgetContextValue;

afterEach(() => {
  cleanup();
  document.body.replaceChildren();
  vi.restoreAllMocks();
  delete (window as { pwned?: number }).pwned;
});

describe('hostile answers', () => {
  it('render only allowed elements and attributes, whatever the markup (property-based)', () => {
    const source = fc.array(fc.oneof(fc.constantFrom(...PAYLOADS, '\n', '\n\n', '- ', '1. ', '**', '*', '`', '### ', '> ', '\n>\n', '![a](javascript:alert(1))', '| a |'), fc.string({ maxLength: 15 })), { maxLength: 25 }).map((p) => p.join(''));
    fc.assert(
      fc.property(source, (text) => {
        const { container, unmount } = render(
          <WidgetContext.Provider value={context}>
            <Answer blocks={parseMarkup(text).blocks} />
          </WidgetContext.Provider>,
        );
        assertInert(container);
        unmount();
      }),
      { numRuns: 300 },
    );
    expect((window as { pwned?: number }).pwned).toBeUndefined();
  });
});

describe('hostile remote content', () => {
  it('shows payloads in questions, answers, keywords and category names as text and runs none of them', async () => {
    const entries = Object.fromEntries(
      PAYLOADS.map((p, i) => [`e${i}`, { category: 'c', question: `Jautājums ${p}`, answer: `Atbilde ${p} alga`, keywords: [p] }]),
    );
    const data = { categories: { c: '<img src=x onerror="window.pwned=1"> Kategorija' }, entries };
    vi.spyOn(globalThis, 'fetch').mockImplementation(async () => new Response(JSON.stringify(data)));
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { ui, root, widget } = await mountWidget({ content: '/h/{{lng}}.json', lang: 'lv' });
    await settle(() => widget.open());
    // Browsing lists the first eight entries of the category and its "Show all"; every entry is opened below.
    await waitFor(() => expect(ui.getAllByRole('option').length).toBe(9));
    expect(ui.getByText('<img src=x onerror="window.pwned=1"> Kategorija')).toBeTruthy();
    expect(root.querySelector('script, img, svg:not([aria-hidden]) , iframe, object, embed, [onerror], [onload], [onclick], [onfocus]')).toBeNull();

    for (let i = 0; i < PAYLOADS.length; i++) {
      await settle(() => widget.openArticle(`e${i}`));
      const answer = root.querySelector('.faq-answer')!;
      assertInert(answer);
      expect(ui.getByRole('heading', { level: 3 }).textContent).toBe(`Jautājums ${PAYLOADS[i]}`);
    }
    await settle(() => widget.close());
    await settle(() => widget.open());
    const input = ui.getByRole('combobox') as HTMLInputElement;
    for (const p of PAYLOADS) await settle(() => (input.value = p, input.dispatchEvent(new Event('input', { bubbles: true }))));
    expect((window as { pwned?: number }).pwned).toBeUndefined();
  });
});

describe('remote content problems', () => {
  it('skips invalid entries with one console warning naming the URL, the entry and the field', async () => {
    const data = {
      categories: { c: 'Kategorija' },
      entries: {
        good: { category: 'c', question: 'Labs?', answer: 'Jā.' },
        noAnswer: { category: 'c', question: 'Bez atbildes?' },
        badCategory: { category: 'zz', question: 'Kur?', answer: 'Nekur.' },
      },
    };
    vi.spyOn(globalThis, 'fetch').mockImplementation(async () => new Response(JSON.stringify(data)));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { ui, widget } = await mountWidget({ content: 'https://cdn.example/faq-{{lng}}.json', lang: 'lv' });
    await settle(() => widget.open());
    await waitFor(() => expect(ui.getAllByRole('option').map((o) => o.textContent)).toEqual(['Labs?']));
    expect(warn).toHaveBeenCalledTimes(1);
    const message = warn.mock.calls[0][0] as string;
    expect(message).toContain('https://cdn.example/faq-lv.json "noAnswer" answer: answer must be a non-empty string');
    expect(message).toContain('https://cdn.example/faq-lv.json "badCategory" category: category "zz" is not one of: c');
    // Only the visitor's language is fetched until another one is needed.
    expect(vi.mocked(fetch).mock.calls.map(([url]) => String(url))).toEqual(['https://cdn.example/faq-lv.json']);
    expect(ui.getByText('Daļu palīdzības rakstu neizdevās parādīt.')).toBeTruthy();
  });

  it.each([
    ['an HTTP 404', async () => new Response('not here', { status: 404 })],
    ['a network error', async () => Promise.reject(new TypeError('Failed to fetch'))],
    ['invalid JSON', async () => new Response('{ "entries": ')],
    ['the wrong shape', async () => new Response('[1, 2, 3]')],
  ])('after %s says so in the visitor language and never shows the built-in content', async (_, respond) => {
    vi.spyOn(globalThis, 'fetch').mockImplementation(respond as typeof fetch);
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const errors: string[] = [];
    const listen = (e: Event) => errors.push((e as CustomEvent).detail.message);
    document.addEventListener('faqwidget:error', listen);
    const { ui, widget } = await mountWidget({ content: '/faq/{{lng}}.json', lang: 'en', contactUrl: 'mailto:help@example.lv' });
    await settle(() => widget.open());
    await waitFor(() => expect(ui.getByRole('alert').textContent).toContain('The help articles could not be loaded.'));
    expect(ui.getByRole('link', { name: 'Contact us' })).toBeTruthy();
    expect(ui.queryAllByRole('option')).toEqual([]);
    expect(await widget.search('salary')).toEqual([]);
    // The visitor's file first, then the other language that was tried instead, each by the
    // absolute address requested (two files not there are one error: neither language is).
    const said = errors.join('\n');
    expect(said).toMatch(/^content could not be loaded: https?:\/\/[^/]+\/faq\/en\.json: /);
    expect(said.indexOf('/faq/en.json: ')).toBeLessThan(said.indexOf('/faq/lv.json: '));
    document.removeEventListener('faqwidget:error', listen);
  });
});
