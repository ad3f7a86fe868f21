import { runtime } from 'virtual:faq-chunks';
import { defineElement } from '../element';
import { optionsFromAttributes, resolveOptions } from '../options';
import type { Runtime } from '../runtime';
import type { FaqWidgetApi, WidgetHandle, WidgetOptions } from '../types';
import { loadChunk } from './chunks';
import { createStub, type Fetchers } from './stub';

const version = __VERSION__;

type Queued = (widget: WidgetHandle) => void;
declare global {
  interface Window {
    FaqWidget?: FaqWidgetApi | Queued[];
  }
}

/**
 * Whether `value` is a copy of this widget's API that already ran. Only our own object counts:
 * `<div id="FaqWidget">` also shows up as `window.FaqWidget` (named access on window), and a
 * page element must never stop the widget from starting.
 */
const isApi = (value: unknown): value is FaqWidgetApi =>
  typeof (value as FaqWidgetApi | undefined)?.mount === 'function' &&
  typeof (value as FaqWidgetApi).push === 'function' &&
  typeof (value as FaqWidgetApi).version === 'string';

/**
 * Fetches the chunks from where the loader itself came from (a CDN, a sub-path, another origin),
 * each at most once per page however many widgets ask; a failed fetch is tried again next time.
 */
function fetchers(script: Element | null, nonce: string | undefined): Fetchers {
  const base = (script as HTMLScriptElement | null)?.src || document.baseURI;
  const cache: Record<string, Promise<unknown>> = {};
  const chunk = ({ file, integrity }: FaqChunk) =>
    (cache[file] ??= loadChunk(new URL(file, base).href, integrity, nonce).catch((error) => {
      delete cache[file];
      throw error;
    }));
  return { runtime: () => chunk(runtime) as Promise<Runtime>, chunk };
}

/**
 * Turns the pre-load queue `window.FaqWidget = [fn, …]` into the API object,
 * defines `<faq-widget>` and mounts the widget configured by the script tag: a floating
 * launcher unless `data-auto-mount="false"`, or unless the page already places
 * `<faq-widget>` elements (then the first of those is the page's widget), which
 * `data-auto-mount="true"` overrides. Queued functions run with the first widget.
 */
export function installGlobal(script: Element | null): void {
  let existing: unknown;
  try {
    existing = window.FaqWidget;
  } catch {
    existing = undefined; // a page getter that throws is not a queue
  }
  if (isApi(existing)) {
    console.warn('faq-widget: loaded twice; the second copy does nothing');
    return;
  }
  const queue: Queued[] = Array.isArray(existing) ? (existing as unknown[]).filter((fn): fn is Queued => typeof fn === 'function') : [];
  let main: WidgetHandle | undefined;
  const run = (fn: Queued) => {
    try {
      fn(main!);
    } catch (error) {
      console.error('faq-widget: a function given to FaqWidget.push failed', error);
    }
  };
  const adopt = (widget: WidgetHandle) => {
    main ??= widget;
    queue.splice(0).forEach(run);
    return widget;
  };
  const { autoMount, ...options } = script ? optionsFromAttributes(script) : {};
  const fetch = fetchers(script, options.nonce);
  const create = (given: WidgetOptions | undefined) => createStub(resolveOptions(given), fetch);
  const api: FaqWidgetApi = {
    version,
    mount: (given) => adopt(create(given).handle),
    get: () => main,
    push: (fn) => {
      if (typeof fn !== 'function') console.warn('faq-widget: FaqWidget.push takes a function');
      else if (main) run(fn);
      else queue.push(fn);
    },
  };
  window.FaqWidget = api;
  defineElement('faq-widget', create, adopt);

  if (autoMount === false) return;
  const start = () => {
    // A page that places <faq-widget> has chosen where help lives: no launcher as well, unless asked.
    if (autoMount === undefined && document.querySelector('faq-widget')) return;
    try {
      api.mount(options);
    } catch (error) {
      console.error('faq-widget: could not start', error);
    }
  };
  // An async script can run before the page is parsed: wait for an inline target, or a
  // <faq-widget> further down, to exist.
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
  else start();
}
