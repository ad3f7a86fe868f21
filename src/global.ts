const version = __VERSION__;
import { defineElement } from './element';
import { mount } from './mount';
import { optionsFromAttributes } from './options';
import type { FaqWidgetApi, WidgetHandle } from './types';

type Queued = (widget: WidgetHandle) => void;
declare global {
  interface Window {
    FaqWidget?: FaqWidgetApi | Queued[];
  }
}

/**
 * Turns the pre-load queue `window.FaqWidget = [fn, …]` into the API object,
 * defines `<faq-widget>` and, unless `data-auto-mount="false"`, mounts the widget
 * configured by the script tag. Queued functions run with the first mounted widget.
 */
export function installGlobal(script: Element | null): void {
  const existing = window.FaqWidget;
  if (existing && !Array.isArray(existing)) {
    console.warn('faq-widget: loaded twice; the second copy does nothing');
    return;
  }
  const queue: Queued[] = [...(existing ?? [])];
  let main: WidgetHandle | undefined;
  const run = (fn: Queued) => {
    try {
      fn(main!);
    } catch (error) {
      console.error('faq-widget: a function given to FaqWidget.push failed', error);
    }
  };
  const api: FaqWidgetApi = {
    version,
    mount(options) {
      const widget = mount(options);
      main ??= widget;
      queue.splice(0).forEach(run);
      return widget;
    },
    get: () => main,
    push: (fn) => (main ? run(fn) : void queue.push(fn)),
  };
  window.FaqWidget = api;
  defineElement();

  const { autoMount, ...options } = script ? optionsFromAttributes(script) : { autoMount: true };
  if (!autoMount) return;
  const start = () => {
    try {
      api.mount(options);
    } catch (error) {
      console.error('faq-widget: could not start', error);
    }
  };
  // An async script can run before the page is parsed: wait for an inline target to exist.
  const early = document.readyState === 'loading' && (options.mode === 'inline' || !document.body);
  if (early) document.addEventListener('DOMContentLoaded', start, { once: true });
  else start();
}
