import { fireEvent, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defineElement } from '../../src/index';
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
    // The widget asks for absolute addresses (resolved against the page): files are named by path.
    const body = files[String(url)] ?? files[new URL(String(url)).pathname];
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
    expect(error).toHaveBeenCalledWith('faq-widget: no element matches target "#nowhere"; using the launcher');
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
    const addDoc = vi.spyOn(document, 'addEventListener');
    const removeDoc = vi.spyOn(document, 'removeEventListener');
    const first = await mountWidget({ urlState: true });
    first.widget.destroy();
    first.widget.destroy(); // twice is harmless
    first.widget.open();
    expect(first.widget.isOpen()).toBe(false);
    expect(await first.widget.search('alga')).toEqual([]);
    expect(document.body.innerHTML).toBe(before);
    expect(add.mock.calls.map((c) => c[0])).toEqual(remove.mock.calls.map((c) => c[0]));
    expect(addDoc.mock.calls.map((c) => c[0])).toEqual(removeDoc.mock.calls.map((c) => c[0]));
    const second = await mountWidget({ lang: 'en' });
    await settle(() => second.ui.getByRole('button', { name: 'Help' }).click());
    expect(second.ui.getByRole('dialog')).toBeTruthy();
    expect(document.querySelectorAll('faq-widget-host')).toHaveLength(1);
  });

  it('destroy() while remote content loads aborts the requests and leaves no timer', async () => {
    vi.useFakeTimers();
    try {
      const signals: AbortSignal[] = [];
      vi.spyOn(globalThis, 'fetch').mockImplementation((_, init) => {
        signals.push(init!.signal!);
        return new Promise(() => undefined);
      });
      const widget = mount({ content: '/slow/{{lng}}.json' });
      expect(vi.getTimerCount()).toBeGreaterThan(0);
      widget.destroy();
      expect(signals.map((s) => s.aborted)).toEqual([true]); // only the visitor's language was asked for
      await vi.runAllTimersAsync();
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it('is always open inline: isOpen() is true and close() does nothing', async () => {
    document.body.innerHTML = '<div id="help"></div>';
    const { widget, ui } = await mountWidget({ mode: 'inline', target: '#help' });
    expect(widget.isOpen()).toBe(true);
    await settle(() => widget.close());
    expect(widget.isOpen()).toBe(true);
    expect(ui.getByRole('region')).toBeTruthy();
  });

  it('remembers the visitor switching language, not a page script calling setLanguage()', async () => {
    const { widget, ui } = await mountWidget({ lang: 'lv' });
    await settle(() => widget.setLanguage('en'));
    expect(localStorage.getItem('faq-widget:lang')).toBeNull();
    await settle(() => widget.open());
    await settle(() => ui.getByRole('button', { name: /^LV/ }).click());
    expect(localStorage.getItem('faq-widget:lang')).toBe('lv');
  });

  it('reuses the script nonce for its <style> where constructable stylesheets are missing', async () => {
    const { root } = await mountWidget({ nonce: 'r4nd0m' });
    const style = root.querySelector('style');
    if (style) expect(style.nonce).toBe('r4nd0m');
    else expect(root.adoptedStyleSheets.length).toBe(1);
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

describe('options of any type', () => {
  // README and SECURITY.md: a bad value never stops the widget; the console names the option and the default.
  it.each([
    [{ contactUrl: 5 }, 'contactUrl 5 is not an http(s), mailto: or tel: address; the contact link is hidden'],
    [{ contactUrl: 'javascript:alert(1)' }, 'contactUrl "javascript:alert(1)" is not an http(s), mailto: or tel: address; the contact link is hidden'],
    [{ content: 5 }, 'content 5 is not a URL template; the built-in content is used'],
    [{ accent: 5 }, 'accent 5 is not a CSS colour; the default colour is used'],
    [{ lang: ['en'] }, 'lang ["en"] is not one of auto, lv, en; "auto" is used'],
    [{ theme: Object.create(null) }, 'theme {} is not one of auto, light, dark; "auto" is used'],
    [{ position: Symbol('x') }, 'position symbol is not one of right, left; "right" is used'],
    [{ urlState: 'yes' }, 'urlState "yes" is not true or false; false is used'],
    [{ nonce: {} }, 'nonce {} is not a text; no nonce is used'],
    [{ preload: 'later' }, 'preload "later" is not one of intent, idle, eager; "intent" is used'],
    [{ mode: 'inline', target: 5 }, 'target 5 is not a CSS selector or an element; the launcher is used'],
    [{ mode: 'inline', target: {} }, 'target {} is not a CSS selector or an element; the launcher is used'],
    [{ mode: 'inline' }, 'inline mode needs a target (a CSS selector or an element); the launcher is used'],
    [{ contactURL: 'mailto:a@b.lv' }, '"contactURL" is not an option (lang, mode, theme, position, preload, content, accent, contactUrl, nonce, target, urlState, languages, suggest); it is ignored'],
    [5, 'mount() 5 is not an object of options; the defaults are used'],
    ['en', 'mount() "en" is not an object of options; the defaults are used'],
  ])('mount(%o) warns, names the option and the default, and shows the launcher', async (options, message) => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { ui, widget } = await mountWidget(options as never);
    expect(warn).toHaveBeenCalledWith(`faq-widget: ${message}`);
    expect(ui.getByRole('button', { name: /Palīdzība|Help/ })).toBeTruthy();
    expect(widget.isOpen()).toBe(false);
  });

  it('takes mount(null) and mount() as the defaults, without a word', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await mountWidget(null as never);
    await mountWidget();
    expect(warn).not.toHaveBeenCalled();
    expect(document.querySelectorAll('faq-widget-host')).toHaveLength(2);
  });

  it('survives an options object whose getters throw', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const options = {
      get lang(): string {
        throw new Error('nope');
      },
    };
    const { widget } = await mountWidget(options as never);
    expect(widget.language).toMatch(/^(lv|en)$/);
    expect(warn).toHaveBeenCalledWith('faq-widget: lang could not be read; the default is used');
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

  it('opens the linked article once remote content has loaded', async () => {
    serve({ '/c/lv.json': faq('Mūsu atbilde.'), '/c/en.json': faq('Our answer.') });
    history.replaceState(null, '', '/#faq=en/b');
    const { ui, widget } = await mountWidget({ urlState: true, content: '/c/{{lng}}.json', lang: 'lv' });
    await waitFor(() => expect(ui.getByRole('heading', { level: 3 }).textContent).toBe('Otrs?'));
    expect(widget.language).toBe('en');
    expect(location.hash).toBe('#faq=en/b');
  });

  it('keeps the hash inline while the visitor stays on the article', async () => {
    document.body.innerHTML = '<div id="help"></div>';
    const { ui, widget } = await mountWidget({ urlState: true, mode: 'inline', target: '#help', lang: 'lv' });
    await settle(() => widget.openArticle('salary'));
    await settle(() => ui.getByRole('button', { name: 'Jā' }).click());
    expect(location.hash).toBe('#faq=lv/salary');
    await settle(() => ui.getByRole('button', { name: 'Atpakaļ' }).click());
    expect(location.hash).toBe('');
  });

  it('takes its article out of the address when destroyed', async () => {
    const { widget } = await mountWidget({ urlState: true, lang: 'lv' });
    await settle(() => widget.openArticle('salary'));
    widget.destroy();
    expect(location.hash).toBe('');
  });

  it('ignores a mangled shared link instead of throwing', async () => {
    history.replaceState(null, '', '/#faq=lv/%E0%A4%A');
    const { widget } = await mountWidget({ urlState: true });
    await settle();
    expect(widget.isOpen()).toBe(false);
  });

  it('changes only the fragment of the current address, whatever <base href> says', async () => {
    history.replaceState(null, '', '/app/page.html?tab=2');
    document.head.insertAdjacentHTML('beforeend', '<base href="/docs/">');
    try {
      const { widget, ui } = await mountWidget({ urlState: true, lang: 'lv' });
      await settle(() => widget.openArticle('salary'));
      expect(location.pathname + location.search + location.hash).toBe('/app/page.html?tab=2#faq=lv/salary');
      await settle(() => ui.getByRole('button', { name: 'Atpakaļ' }).click());
      expect(location.pathname + location.search + location.hash).toBe('/app/page.html?tab=2');
    } finally {
      document.querySelector('base')?.remove();
    }
  });

  it('keeps working when the browser refuses to change the address', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const refuse = vi.spyOn(history, 'replaceState').mockImplementation(() => {
      throw new DOMException('refused', 'SecurityError');
    });
    try {
      const { widget, ui } = await mountWidget({ urlState: true, lang: 'lv' });
      await settle(() => widget.openArticle('salary'));
      await settle(() => ui.getByRole('button', { name: 'Atpakaļ' }).click());
      expect(ui.getByRole('combobox')).toBeTruthy();
      expect(ui.queryByRole('heading', { level: 3 })).toBeNull();
      await settle(() => widget.close());
      expect(widget.isOpen()).toBe(false);
      expect(error).not.toHaveBeenCalled();
    } finally {
      refuse.mockRestore();
    }
  });

  it('leaves the address alone, without an error, for an id it cannot carry', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const lone = 'x\ud800';
    serve({ '/s/lv.json': { categories: { c: 'K' }, entries: { [lone]: { category: 'c', question: 'Dīvains?', answer: 'Jā.' } } } });
    const { widget, ui } = await mountWidget({ urlState: true, lang: 'lv', content: '/s/{{lng}}.json' });
    await waitFor(() => expect(widget.isOpen()).toBe(false));
    await settle(() => widget.search('x'));
    await settle(() => widget.openArticle(lone));
    await waitFor(() => expect(ui.getByRole('heading', { level: 3 }).textContent).toBe('Dīvains?'));
    expect(location.hash).toBe('');
    expect(error.mock.calls.map((c) => String(c[0])).filter((m) => /URIError|handler/.test(m))).toEqual([]);
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
    const hostile =
      '<img src=x onerror="window.pwned=1"> **<script>window.pwned=1</script>** [x](javascript:window.pwned=1) [y](https://ok.example) [z](//other.example)';
    serve({ '/h/lv.json': faq(hostile), '/h/en.json': faq(hostile) });
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { ui, widget, root } = await mountWidget({ content: '/h/{{lng}}.json', lang: 'lv' });
    await settle(() => widget.openArticle('a'));
    await waitFor(() => expect(root.querySelector('.faq-answer')).toBeTruthy());
    const answer = root.querySelector('.faq-answer')!;
    expect(answer.querySelector('img, script')).toBeNull();
    expect(answer.textContent).toContain('<script>window.pwned=1</script>');
    const links = [...answer.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['https://ok.example', '//other.example']);
    expect(links.map((a) => `${a.target} ${a.rel}`)).toEqual(['_blank noopener noreferrer', '_blank noopener noreferrer']);
    expect((window as { pwned?: number }).pwned).toBeUndefined();
    expect(ui.getByRole('heading', { level: 3 }).textContent).toBe('Droša atbilde?');
  });

  it('keeps a bad #faq/ link in an answer harmless', async () => {
    serve({ '/m/lv.json': faq('Skatiet [šo](#faq/%E0%A4%A) un [to](#faq/b).'), '/m/en.json': faq('x') });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { ui, widget, root } = await mountWidget({ content: '/m/{{lng}}.json', lang: 'lv' });
    await settle(() => widget.openArticle('a'));
    await waitFor(() => expect(root.querySelector('.faq-answer')?.textContent).toBe('Skatiet šo un to.'));
    expect([...root.querySelectorAll('.faq-answer a')].map((a) => a.getAttribute('href'))).toEqual(['#faq/b']);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('"a" answer: link "#faq/%E0%A4%A" names no entry'));
    await settle(() => (root.querySelector('.faq-answer a') as HTMLElement).click());
    expect(ui.getByRole('heading', { level: 3 }).textContent).toBe('Otrs?');
  });

  it('offers a retry button when content could not be loaded inline', async () => {
    const fetch = serve({});
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    document.body.innerHTML = '<div id="help"></div>';
    const { ui } = await mountWidget({ content: '/none/{{lng}}.json', mode: 'inline', target: '#help', lang: 'en' });
    await waitFor(() => expect(ui.getByRole('alert')).toBeTruthy());
    await settle(() => ui.getByRole('button', { name: 'Try again' }).click());
    await waitFor(() => expect(fetch).toHaveBeenCalledTimes(4));
  });

  it('says in plain words when nothing could be loaded, fires error, then ready, and retries on the next open', async () => {
    const fetch = serve({});
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const heard: string[] = [];
    document.addEventListener('faqwidget:error', (e) => heard.push((e as CustomEvent).detail.message));
    document.addEventListener('faqwidget:ready', () => heard.push('ready'), { once: true });
    const { ui, widget } = await mountWidget({ content: '/missing/{{lng}}.json', lang: 'en', contactUrl: 'https://example.com/c' });
    await settle(() => widget.open());
    await waitFor(() => expect(ui.getByRole('alert')).toBeTruthy());
    expect(ui.getByRole('alert').textContent).toContain('The help articles could not be loaded.');
    expect(ui.getByRole('link', { name: /Contact us/ })).toBeTruthy();
    // A file not there is no error while the other language may serve: both missing are told
    // together once that is known, the visitor's file first; ready after.
    await waitFor(() =>
      expect(heard).toEqual([
        expect.stringMatching(/\/missing\/en\.json: the server answered 404; http:\/\/[^ ]+\/missing\/lv\.json: the server answered 404$/),
        'ready',
      ]),
    );
    expect(ui.queryByText(/call centre/)).toBeNull();
    await settle(() => widget.close());
    await settle(() => widget.open());
    expect(fetch).toHaveBeenCalledTimes(2); // too soon: a failed file waits 2 s, then 4 s, 8 s …
    vi.spyOn(Date, 'now').mockReturnValue(Date.now() + 2000);
    await settle(() => widget.close());
    await settle(() => widget.open());
    await waitFor(() => expect(fetch).toHaveBeenCalledTimes(4));
  });

  it('loads on a page whose Promise has no allSettled (old polyfills), and fires ready', async () => {
    serve({ '/old/lv.json': faq('Mūsu atbilde.'), '/old/en.json': faq('Our answer.') });
    const allSettled = Promise.allSettled;
    // @ts-expect-error: an old polyfill's Promise
    delete Promise.allSettled;
    try {
      const ready = vi.fn();
      document.addEventListener('faqwidget:ready', ready, { once: true });
      const { ui, widget } = await mountWidget({ content: '/old/{{lng}}.json', lang: 'lv' });
      await settle(() => widget.open());
      await waitFor(() => expect(ui.getAllByRole('option').map((o) => o.textContent)).toEqual(['Droša atbilde?', 'Otrs?']));
      expect(ready).toHaveBeenCalledTimes(1);
    } finally {
      Promise.allSettled = allSettled;
    }
  });

  it('after destroy() every handle method does nothing, fetches nothing and logs nothing; its promises resolve', async () => {
    const fetch = serve({});
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { ui, widget } = await mountWidget({ content: '/gone/{{lng}}.json', lang: 'en' });
    await settle(() => widget.open());
    await waitFor(() => expect(ui.getByRole('alert')).toBeTruthy());
    const requests = fetch.mock.calls.length;
    error.mockClear();
    vi.spyOn(Date, 'now').mockReturnValue(Date.now() + 60_000); // past any back-off
    widget.destroy();
    widget.open();
    widget.toggle();
    widget.close();
    widget.openArticle('a');
    expect(widget.on('open', () => undefined)).toBeTypeOf('function');
    expect(await widget.setLanguage('xx' as never)).toBeUndefined();
    expect(await widget.setLanguage('lv')).toBeUndefined();
    expect(await widget.search('alga', null as never)).toEqual([]);
    await settle();
    expect([widget.isOpen(), widget.language]).toEqual([false, 'en']);
    expect(fetch).toHaveBeenCalledTimes(requests);
    expect([error.mock.calls, warn.mock.calls]).toEqual([[], []]);
    expect(localStorage.length).toBe(0);
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
    // Mounted inside act(): effects left to Preact's frame timer would fire after jsdom is gone.
    const { widget } = await mountWidget({ lang: 'en' });
    expect(Object.keys(widget).sort()).toEqual(
      ['close', 'destroy', 'isOpen', 'language', 'on', 'open', 'openArticle', 'search', 'setLanguage', 'suggest', 'toggle'].sort(),
    );
    widget.destroy();
  });
});
