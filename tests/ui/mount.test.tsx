import { fireEvent, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defineElement } from '../../src/element';
import { mount } from '../../src/mount';
import { mountWidget, settle } from './helpers';

afterEach(() => {
  document.body.replaceChildren();
  localStorage.clear();
  history.replaceState(null, '', '/');
  document.documentElement.removeAttribute('lang');
  vi.restoreAllMocks();
});

const faq = (answer: string) => ({
  categories: { c: 'Kategorija' },
  entries: { a: { category: 'c', question: 'Droša atbilde?', answer }, b: { category: 'c', question: 'Otrs?', answer: 'Jā.' } },
});
const serve = (files: Record<string, unknown>) =>
  vi.spyOn(globalThis, 'fetch').mockImplementation(async (url) => {
    const body = files[String(url)];
    return body === undefined ? new Response('', { status: 404 }) : new Response(JSON.stringify(body));
  });

describe('mount', () => {
  it('renders inline, always open, as a labelled region inside the target', async () => {
    document.body.innerHTML = '<main><div id="help"></div></main>';
    const { ui, host } = await mountWidget({ mode: 'inline', target: '#help', lang: 'en' });
    expect(host.parentElement!.id).toBe('help');
    expect(ui.getByRole('region', { name: 'Help centre' })).toBeTruthy();
    expect(ui.queryByRole('dialog')).toBeNull();
    expect(ui.queryByRole('button', { name: 'Help' })).toBeNull();
  });

  it('falls back to the launcher, with a clear message, when the inline target is missing', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { ui } = await mountWidget({ mode: 'inline', target: '#nowhere', lang: 'en' });
    expect(ui.getByRole('button', { name: 'Help' })).toBeTruthy();
    expect(error).toHaveBeenCalledWith('faq-widget: target "#nowhere" matches no element; showing the floating launcher instead');
  });

  it('detects the language from <html lang> in auto mode', async () => {
    document.documentElement.lang = 'en-GB';
    const { widget } = await mountWidget();
    expect(widget.language).toBe('en');
  });

  it("prefers the visitor's saved choice over <html lang>", async () => {
    document.documentElement.lang = 'en';
    localStorage.setItem('faq-widget:lang', 'lv');
    const { widget } = await mountWidget();
    expect(widget.language).toBe('lv');
  });

  it('keeps working when storage throws', async () => {
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('blocked', 'SecurityError');
    });
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('blocked', 'SecurityError');
    });
    const { widget } = await mountWidget({ lang: 'auto' });
    await settle(() => widget.setLanguage('en'));
    expect(widget.language).toBe('en');
  });

  it('fires ready after mount, and every event also as a DOM CustomEvent on the host', async () => {
    const seen: string[] = [];
    for (const name of ['ready', 'open', 'article', 'language']) {
      document.addEventListener(`faqwidget:${name}`, (e) => seen.push(`${name}:${JSON.stringify((e as CustomEvent).detail?.id ?? '')}`));
    }
    const { widget } = await mountWidget({ lang: 'lv' });
    await settle(() => widget.openArticle('salary'));
    await settle(() => widget.setLanguage('en'));
    expect(seen).toEqual(['ready:""', 'open:""', 'article:"salary"', 'language:""']);
  });

  it('passes the handle in the ready event', async () => {
    const ready = vi.fn();
    document.addEventListener('faqwidget:ready', (e) => ready((e as CustomEvent).detail.widget), { once: true });
    const { widget } = await mountWidget();
    expect(ready).toHaveBeenCalledWith(widget);
  });

  it('lets an unsubscribed handler go', async () => {
    const { widget } = await mountWidget();
    const handler = vi.fn();
    const off = widget.on('open', handler);
    off();
    await settle(() => widget.open());
    expect(handler).not.toHaveBeenCalled();
  });

  it('keeps several instances independent', async () => {
    document.body.innerHTML = '<div id="a"></div><div id="b"></div>';
    const a = await mountWidget({ mode: 'inline', target: '#a', lang: 'lv' });
    const b = await mountWidget({ mode: 'inline', target: '#b', lang: 'en' });
    await settle(() => b.widget.setLanguage('lv'));
    await settle(() => a.widget.setLanguage('en'));
    expect([a.widget.language, b.widget.language]).toEqual(['en', 'lv']);
    await settle(() => fireEvent.input(a.ui.getByRole('combobox'), { target: { value: 'salary' } }));
    expect((b.ui.getByRole('combobox') as HTMLInputElement).value).toBe('');
  });

  it('destroy() removes every node and listener; mount works again afterwards', async () => {
    const before = document.body.innerHTML;
    const add = vi.spyOn(window, 'addEventListener');
    const remove = vi.spyOn(window, 'removeEventListener');
    const first = await mountWidget({ urlState: true });
    first.widget.destroy();
    first.widget.destroy(); // twice is harmless
    expect(document.body.innerHTML).toBe(before);
    expect(add.mock.calls.map((c) => c[0])).toEqual(remove.mock.calls.map((c) => c[0]));
    const second = await mountWidget({ lang: 'en' });
    await settle(() => second.ui.getByRole('button', { name: 'Help' }).click());
    expect(second.ui.getByRole('dialog')).toBeTruthy();
    expect(document.querySelectorAll('faq-widget-host')).toHaveLength(1);
  });

  it('applies data-accent through the --faq-accent variable', async () => {
    const { host } = await mountWidget({ accent: '#c2185b' });
    expect(host.style.getPropertyValue('--faq-accent')).toBe('#c2185b');
  });

  it('waits for <body> when mounted from <head>', () => {
    const body = document.body;
    body.remove();
    const widget = mount({ lang: 'en' });
    document.documentElement.append(body);
    document.dispatchEvent(new Event('DOMContentLoaded'));
    expect(body.querySelector('faq-widget-host')?.shadowRoot).toBeTruthy();
    widget.destroy();
  });

  it('renders all its markup inside a shadow root', async () => {
    const { host } = await mountWidget();
    expect(host.shadowRoot).toBeTruthy();
    expect(host.children).toHaveLength(0);
  });
});

describe('URL state', () => {
  it('opens the article named in #faq=lv/<id>', async () => {
    history.replaceState(null, '', '/#faq=en/getting-hired');
    const { ui, widget } = await mountWidget({ urlState: true, lang: 'lv' });
    await settle();
    expect(widget.isOpen()).toBe(true);
    expect(widget.language).toBe('en');
    expect(ui.getByRole('heading', { level: 3 }).textContent).toMatch(/job/);
  });

  it('writes the open article into the hash and clears it on close', async () => {
    const { widget } = await mountWidget({ urlState: true, lang: 'lv' });
    await settle(() => widget.openArticle('salary'));
    expect(location.hash).toBe('#faq=lv/salary');
    await settle(() => widget.close());
    expect(location.hash).toBe('');
  });

  it('leaves the URL alone unless asked', async () => {
    const { widget } = await mountWidget({ lang: 'lv' });
    await settle(() => widget.openArticle('salary'));
    expect(location.hash).toBe('');
  });
});

describe('remote content', () => {
  it("shows the owner's content instead of the built-in one", async () => {
    serve({ '/help/lv.json': faq('Mūsu atbilde.'), '/help/en.json': faq('Our answer.') });
    const { ui, widget } = await mountWidget({ content: '/help/{{lng}}.json', lang: 'lv', mode: 'launcher' });
    await settle(() => widget.open());
    await waitFor(() => expect(ui.getAllByRole('option').map((o) => o.textContent)).toEqual(['Droša atbilde?', 'Otrs?']));
  });

  it('renders hostile answers as inert text and drops unsafe links', async () => {
    const hostile = '<img src=x onerror="window.pwned=1"> **<script>window.pwned=1</script>** [x](javascript:window.pwned=1) [y](https://ok.example)';
    serve({ '/h/lv.json': faq(hostile), '/h/en.json': faq(hostile) });
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { ui, widget, root } = await mountWidget({ content: '/h/{{lng}}.json', lang: 'lv' });
    await settle(() => widget.openArticle('a'));
    await waitFor(() => expect(root.querySelector('.faq-answer')).toBeTruthy());
    const answer = root.querySelector('.faq-answer')!;
    expect(answer.querySelector('img, script')).toBeNull();
    expect(answer.textContent).toContain('<script>window.pwned=1</script>');
    expect([...answer.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual(['https://ok.example']);
    expect((window as { pwned?: number }).pwned).toBeUndefined();
    expect(ui.getByRole('heading', { level: 3 }).textContent).toBe('Droša atbilde?');
  });

  it('says in plain words when nothing could be loaded, fires error, and retries on the next open', async () => {
    const fetch = serve({});
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const errors: string[] = [];
    document.addEventListener('faqwidget:error', (e) => errors.push((e as CustomEvent).detail.message));
    const { ui, widget } = await mountWidget({ content: '/missing/{{lng}}.json', lang: 'en', contactUrl: 'https://example.com/c' });
    await settle(() => widget.open());
    await waitFor(() => expect(ui.getByRole('alert')).toBeTruthy());
    expect(ui.getByRole('alert').textContent).toContain('The help articles could not be loaded.');
    expect(ui.getByRole('link', { name: /Contact us/ })).toBeTruthy();
    expect(errors[0]).toContain('/missing/lv.json: the server answered 404');
    expect(ui.queryByText(/call centre/)).toBeNull();
    await settle(() => widget.close());
    await settle(() => widget.open());
    await waitFor(() => expect(fetch).toHaveBeenCalledTimes(4));
  });
});

describe('<faq-widget> element', () => {
  it('renders inline where it stands and cleans up when removed', async () => {
    defineElement();
    await settle(() => document.body.insertAdjacentHTML('beforeend', '<section><faq-widget lang="en"></faq-widget></section>'));
    const element = document.querySelector('faq-widget')!;
    const host = element.querySelector('faq-widget-host')!;
    expect(host.shadowRoot!.querySelector('[role="region"]')?.getAttribute('aria-labelledby')).toBeTruthy();
    expect(host.shadowRoot!.querySelector('.faq-title')!.textContent).toBe('Help centre');
    await settle(() => element.remove());
    expect(element.querySelector('faq-widget-host')).toBeNull();
  });
});

describe('the ESM entry', () => {
  it('exports mount, which returns the documented handle', async () => {
    const widget = mount({ lang: 'en' });
    expect(Object.keys(widget).sort()).toEqual(
      ['close', 'destroy', 'isOpen', 'language', 'on', 'open', 'openArticle', 'search', 'setLanguage', 'toggle'].sort(),
    );
    widget.destroy();
  });
});
