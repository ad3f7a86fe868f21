import { createEmitter } from '../core/store';
import type { LiveOptions, Widget } from '../mount';
import { resolveOptions, startLanguage, type Config } from '../options';
import { createShell, CROSS, el, icon, type Shell } from '../shell';
import type { Lang, SearchHit, WidgetEventMap, WidgetHandle } from '../types';
import { STRINGS } from './strings';
import type { Runtime } from '../runtime';

/** What the stand-in needs from the loader: the runtime and the built-in content, fetched once per page. */
export interface Fetchers {
  runtime(): Promise<Runtime>;
  builtInFile(lang: Lang): Promise<unknown>;
}

const NEAR = 96; // px around the launcher where a pointer counts as reaching for help

/**
 * The widget as the page sees it before the runtime arrives: the real launcher (the shell),
 * a handle whose calls are queued and whose `isOpen()` and `language` answer at once, and the
 * watch for intent that fetches the runtime. Once the runtime is in, every call goes straight
 * to it. If it cannot be fetched, the panel says so in plain words and offers "Try again".
 */
export function createStub(config: Config, fetchers: Fetchers): Widget {
  const events = createEmitter<WidgetEventMap>((e) => console.error('faq-widget: an event handler threw', e));
  let real: Widget | undefined;
  let destroyed = false;
  let open = false;
  let failed = false;
  const lang: Lang = startLanguage(config.lang);
  /** Calls that wait for the runtime, in the order they were made. */
  let waiting: ((widget: WidgetHandle | undefined) => void)[] = [];
  let changes: LiveOptions = {};

  const shell: Shell = createShell(config, () => handle.toggle());
  const strings = () => STRINGS[lang];
  const show = () =>
    shell.show({ open: open || failed, lang, theme: config.theme, position: config.position, label: strings().launcher });
  show();

  /** Runs `call` on the runtime's handle once it is in (at once if it is); undefined after destroy(). */
  function later<T>(call: (widget: WidgetHandle) => T | Promise<T>, otherwise: T): Promise<T> {
    if (real) return Promise.resolve(call(real.handle));
    if (destroyed) return Promise.resolve(otherwise);
    void start();
    return new Promise((resolve) => waiting.push((widget) => resolve(widget ? call(widget) : otherwise)));
  }

  let loading: Promise<void> | undefined;
  const told = new Set<string>();
  function start(): Promise<void> {
    stopWatching();
    loading ??= fetchers
      .runtime()
      .then((runtime) => {
        if (destroyed) return;
        real = runtime.createWidget(config, fetchers.builtInFile, { shell, lang, resolveOptions, facade: handle, events, open: open || failed });
        failed = false;
        if (Object.keys(changes).length) real.update(changes);
        for (const run of waiting.splice(0)) run(real.handle);
      })
      .catch((error: Error) => {
        loading = undefined;
        if (destroyed) return;
        const message = error.message;
        // Said once, however often a visitor hovers or retries.
        if (!told.has(message)) console.error(`faq-widget: ${message}`);
        told.add(message);
        failed = open || shell.mode === 'inline';
        drawError();
        events.emit('error', { message });
        shell.host.dispatchEvent(new CustomEvent('faqwidget:error', { detail: { message }, bubbles: true, composed: true }));
        // API calls made meanwhile end now, with what a widget without content answers.
        for (const run of waiting.splice(0)) run(undefined);
      });
    return loading;
  }

  /**
   * What the panel shows before the runtime is in, in the visitor's language: "Loading…" while it
   * is on its way (a click before it arrived), or the load error with "Try again" and the contact link.
   */
  function drawError() {
    if (!failed && !open) return shell.slot.replaceChildren();
    const s = strings();
    const dialog = shell.mode === 'launcher';
    const retry = el('button', { type: 'button', className: 'faq-button' }, s.retry);
    retry.onclick = () => void start();
    const alert = failed
      ? el('div', { className: 'faq-status faq-error', role: 'alert' }, el('p', {}, s.loadError), retry)
      : el('p', { className: 'faq-status', role: 'status' }, s.loading);
    const href = config.contactUrl;
    if (href && failed) {
      // External by where the browser takes it, not by how the address is written.
      const away = new URL(href, document.baseURI).origin !== location.origin;
      const link = el('a', { href, ...(away && { target: '_blank', rel: 'noopener noreferrer' }) }, s.contactLink);
      if (away) link.append(el('span', { className: 'faq-sr' }, ` ${s.newTab}`));
      alert.append(el('p', { className: 'faq-contact' }, `${s.contactPrompt} `, link));
    }
    const title = el('h2', { className: 'faq-title', id: `${shell.host.localName}-load-error` }, s.title);
    const header = el('header', { className: 'faq-header' }, title);
    const panel = el('div', { className: 'faq-panel', role: dialog ? 'dialog' : 'region', 'aria-labelledby': title.id }, header, el('div', { className: 'faq-body' }, alert));
    if (dialog) {
      panel.setAttribute('aria-modal', 'true');
      const close = el('button', { type: 'button', className: 'faq-icon-button', 'aria-label': s.close }, icon(CROSS));
      close.onclick = () => handle.close();
      header.append(close);
      panel.onkeydown = (event) => {
        if (event.key === 'Escape') handle.close();
        if (event.key !== 'Tab') return;
        // Focus stays inside the open dialog.
        const items = [...panel.querySelectorAll<HTMLElement>('button, a')];
        const at = items.indexOf(shell.shadow.activeElement as HTMLElement);
        const next = event.shiftKey ? (at < 1 ? items[items.length - 1] : null) : at === items.length - 1 ? items[0] : null;
        if (next) {
          event.preventDefault();
          next.focus();
        }
      };
    }
    shell.slot.replaceChildren(panel);
    if (dialog) (failed ? retry : panel.querySelector<HTMLElement>('.faq-icon-button'))?.focus();
  }

  // Intent: the visitor reaching for help fetches the runtime, before the click lands.
  const launcher = shell.launcher;
  const listeners: [EventTarget, string, (event: Event) => void][] = [];
  const listen = (target: EventTarget, type: string, fn: (event: Event) => void) => {
    target.addEventListener(type, fn, { passive: true });
    listeners.push([target, type, fn]);
  };
  let idle: number | undefined;
  function stopWatching() {
    for (const [target, type, fn] of listeners.splice(0)) target.removeEventListener(type, fn);
    clearTimeout(idle);
  }
  const intent = () => void start();
  const wantsArticle = () => config.urlState && /^#faq=/.test(location.hash);
  if (shell.mode === 'inline' || config.preload === 'eager' || wantsArticle()) intent();
  else {
    if (config.preload === 'idle') idle = setTimeout(intent, 1500) as unknown as number; // after the page's own start-up
    for (const type of ['pointerenter', 'pointerdown', 'touchstart', 'focus']) listen(launcher!, type, intent);
    let last = -Infinity;
    listen(document, 'pointermove', (event) => {
      const { clientX: x, clientY: y, timeStamp } = event as PointerEvent;
      if (timeStamp - last < 50) return; // a glance now and then is enough
      last = timeStamp;
      const r = launcher!.getBoundingClientRect();
      if (x > r.left - NEAR && x < r.right + NEAR && y > r.top - NEAR && y < r.bottom + NEAR) intent();
    });
    if (config.urlState) listen(window, 'hashchange', () => wantsArticle() && intent());
  }

  const handle: WidgetHandle = {
    open() {
      if (real) return real.handle.open();
      if (destroyed || open) return;
      open = true;
      show();
      if (!failed) drawError(); // "Loading…" until the runtime takes over
      void start();
    },
    close() {
      if (real) return real.handle.close();
      if (!open && !failed) return;
      open = failed = false;
      drawError();
      show();
      launcher?.focus();
    },
    toggle() {
      if (real) real.handle.toggle();
      else if (open || failed) handle.close();
      else handle.open();
    },
    isOpen: () => (real ? real.handle.isOpen() : shell.mode === 'inline' || open || failed),
    get language() {
      return real ? real.handle.language : lang;
    },
    setLanguage: (l) => later((w) => w.setLanguage(l), undefined),
    search: (query, opts) => later((w) => w.search(query, opts), [] as SearchHit[]),
    openArticle(id) {
      handle.open();
      void later((w) => w.openArticle(id), undefined);
    },
    on: (event, handler) => (destroyed ? () => undefined : events.on(event, handler)),
    destroy() {
      if (destroyed) return;
      destroyed = true;
      stopWatching();
      events.clear();
      if (real) real.handle.destroy();
      else shell.remove();
      for (const run of waiting.splice(0)) run(undefined);
      waiting = [];
    },
  };

  return {
    handle,
    update(next) {
      if (real) return real.update(next);
      changes = { ...changes, ...next };
      // The launcher already shows theme, side and colour: those change at once.
      const { theme, position, accent } = resolveOptions({ ...changes, mode: 'launcher' });
      Object.assign(config, { theme, position });
      if ('accent' in next) shell.setAccent(accent);
      show();
    },
  };
}
