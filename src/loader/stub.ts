import { createWidgetEvents } from '../core/store';
import type { LiveOptions, Widget } from '../mount';
import { resolveOptions, startLanguage, type Config } from '../options';
import { createShell, CROSS, el, icon } from '../shell';
import type { Lang, SearchHit, WidgetHandle } from '../types';
import { STRINGS } from './strings';
import type { Runtime } from '../runtime';

/** What the stand-in needs from the loader: the runtime, and any chunk it names (the built-in content), fetched once per page. */
export interface Fetchers {
  runtime(): Promise<Runtime>;
  chunk(chunk: FaqChunk): Promise<unknown>;
}

const NEAR = 96; // px around the launcher where a pointer counts as reaching for help

/**
 * The widget as the page sees it before the runtime arrives: the real launcher (the shell),
 * a handle whose calls are queued and whose `isOpen()` and `language` answer at once, and the
 * watch for intent that fetches the runtime. Once the runtime is in, every call goes straight
 * to it. If it cannot be fetched, the panel says so in plain words and offers "Try again".
 */
export function createStub(config: Config, fetchers: Fetchers): Widget {
  const events = createWidgetEvents();
  let real: Widget | undefined;
  let destroyed = false;
  let open = false;
  let failed = false;
  const lang: Lang = startLanguage(config.lang, config.languages);
  const s = STRINGS[lang];
  /** Calls that wait for the runtime, in the order they were made. */
  const waiting: ((widget?: WidgetHandle) => void)[] = [];
  const settle = (widget?: WidgetHandle) => waiting.splice(0).forEach((run) => run(widget));
  const changes: LiveOptions = {};

  const shell = createShell(config, () => handle.toggle());
  const show = () => shell.show({ open: open || failed, lang, theme: config.theme, position: config.position, label: s.launcher });
  show();

  /** Runs `call` on the runtime's handle once it is in; `otherwise` after destroy(). */
  function later<T>(call: (widget: WidgetHandle) => T | Promise<T>, otherwise?: T): Promise<T | undefined> {
    if (destroyed) return Promise.resolve(otherwise);
    void start();
    return new Promise((resolve) => waiting.push((widget) => resolve(widget ? call(widget) : otherwise)));
  }

  let loading: Promise<void> | undefined;
  const told = new Set<string>();
  function start(): Promise<void> {
    stopWatching();
    return (loading ??= fetchers
      .runtime()
      .then((runtime) => {
        if (destroyed) return;
        real = runtime.createWidget(config, fetchers.chunk, { shell, lang, resolveOptions, facade: handle, events, open: open || failed, warmUp: true });
        real.update(changes);
        settle(real.handle);
      })
      .catch(({ message }: Error) => {
        loading = undefined;
        if (destroyed) return;
        // Said once, however often a visitor hovers or retries.
        if (!told.has(message)) console.error(`faq-widget: ${message}`);
        told.add(message);
        failed = open || shell.mode === 'inline';
        draw();
        events.emit('error', { message });
        shell.host.dispatchEvent(new CustomEvent('faqwidget:error', { detail: { message }, bubbles: true, composed: true }));
        // API calls made meanwhile end now, with what a widget without content answers.
        settle();
      }));
  }

  /**
   * What the panel shows before the runtime is in, in the visitor's language: "Loading…" while it
   * is on its way (a click before it arrived), or the load error with "Try again" and the contact link.
   */
  function draw() {
    if (!failed && !open) return shell.slot.replaceChildren();
    const dialog = shell.mode === 'launcher';
    const retry = el('button', { type: 'button', class: 'faq-button', onclick: () => void start() }, s.retry);
    const alert = failed
      ? el('div', { class: 'faq-status faq-error', role: 'alert' }, el('p', {}, s.loadError), retry)
      : el('p', { class: 'faq-status', role: 'status' }, s.loading);
    const href = config.contactUrl;
    if (href && failed) {
      // External by where the browser takes it, not by how the address is written.
      const away = new URL(href, document.baseURI).origin !== location.origin;
      const link = el('a', { href, ...(away && { target: '_blank', rel: 'noopener noreferrer' }) }, s.contactLink);
      if (away) link.append(el('span', { class: 'faq-sr' }, ` ${s.newTab}`));
      alert.append(el('p', { class: 'faq-contact' }, `${s.contactPrompt} `, link));
    }
    const id = 'faq-load-title'; // ids are the shadow root's own
    const header = el('header', { class: 'faq-header' }, el('h2', { class: 'faq-title', id }, s.title));
    const panel = el('div', { class: 'faq-panel', role: dialog ? 'dialog' : 'region', 'aria-labelledby': id }, header, el('div', { class: 'faq-body' }, alert));
    shell.slot.replaceChildren(panel);
    if (!dialog) return;
    const close = el('button', { type: 'button', class: 'faq-icon-button', 'aria-label': s.close, onclick: () => handle.close() }, icon(CROSS));
    header.append(close);
    panel.setAttribute('aria-modal', 'true');
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
    (failed ? retry : close).focus();
  }

  // Intent: the visitor reaching for help fetches the runtime, before the click lands.
  const launcher = shell.launcher;
  const stops: (() => void)[] = [];
  const listen = (target: EventTarget, type: string, fn: (event: Event) => void) => {
    target.addEventListener(type, fn, { passive: true });
    stops.push(() => target.removeEventListener(type, fn));
  };
  function stopWatching() {
    stops.splice(0).forEach((stop) => stop());
  }
  const intent = () => void start();
  const wantsArticle = () => config.urlState && /^#faq=/.test(location.hash);
  if (shell.mode === 'inline' || config.preload === 'eager' || wantsArticle()) intent();
  else {
    if (config.preload === 'idle') {
      const idle = setTimeout(intent, 1500); // after the page's own start-up
      stops.push(() => clearTimeout(idle));
    }
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

  /** What the handle does until the runtime is in. */
  const before: Omit<WidgetHandle, 'language'> = {
    open() {
      if (destroyed || open) return;
      open = true;
      show();
      if (!failed) draw(); // "Loading…" until the runtime takes over
      void start();
    },
    close() {
      if (!open && !failed) return;
      open = failed = false;
      draw();
      show();
      launcher?.focus();
    },
    toggle: () => (open || failed ? handle.close() : handle.open()),
    isOpen: () => shell.mode === 'inline' || open || failed,
    setLanguage: (l) => later((w) => w.setLanguage(l)),
    search: (query, opts) => later((w) => w.search(query, opts), []) as Promise<SearchHit[]>,
    openArticle(id) {
      handle.open();
      void later((w) => w.openArticle(id));
    },
    // Kept for the runtime, not a reason to fetch it: a page may suggest on every view.
    suggest(ids) {
      config.suggest = resolveOptions({ suggest: ids }).suggest;
    },
    // After destroy() nothing is emitted any more: a handler added then is never called.
    on: events.on,
    destroy() {
      destroyed = true;
      stopWatching();
      events.clear();
      shell.remove();
      settle();
    },
  };
  // The page's handle: each method, also one the page keeps apart from the object, goes to the runtime once it is in.
  type Methods = Record<string, (...args: unknown[]) => unknown>;
  const handle = {
    get language() {
      return real ? real.handle.language : lang;
    },
  } as WidgetHandle & Methods;
  for (const name in before) handle[name] = (...args) => ((real ? real.handle : before) as Methods)[name](...args);

  return {
    handle,
    update(next) {
      if (real) return real.update(next);
      Object.assign(changes, next);
      // The launcher already shows theme, side and colour: those change at once.
      const { theme, position, accent } = resolveOptions({ ...changes, mode: 'launcher' });
      Object.assign(config, { theme, position });
      if ('accent' in changes) shell.setAccent(accent);
      show();
    },
  };
}
