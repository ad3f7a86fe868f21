import type { LiveOptions, Widget } from './mount';
import { optionName, optionsFromAttributes } from './options';
import type { WidgetHandle, WidgetOptions } from './types';

/** Attributes a live widget takes on at once; the others are read when the element is placed. */
const LIVE = ['lang', 'theme', 'accent', 'position', 'contact-url', 'content'];

/**
 * `<faq-widget lang="lv"></faq-widget>`: the widget inline, where the element stands.
 * Attributes are those of the script tag without `data-`. `create` starts a widget (the
 * runtime's, or the loader's stand-in); `onMount` hears of each one an element starts (the
 * script-tag build makes the first one `FaqWidget.get()`).
 */
export function defineElement(name: string, create: (options: WidgetOptions) => Widget, onMount?: (widget: WidgetHandle) => void): void {
  if (typeof customElements === 'undefined' || customElements.get(name)) return;
  customElements.define(
    name,
    class FaqWidgetElement extends HTMLElement {
      static get observedAttributes() {
        return LIVE;
      }
      widget?: Widget;
      connectedCallback() {
        if (this.widget) return; // moved: the same widget, with its query and open article, goes along
        const { autoMount: _, ...options } = optionsFromAttributes(this, '');
        this.widget = create({ ...options, mode: 'inline', target: this });
        onMount?.(this.widget.handle);
      }
      disconnectedCallback() {
        // A move is a removal followed at once by an insertion: only an element still out of
        // the page when the current script has finished is gone for good.
        queueMicrotask(() => {
          if (this.isConnected || !this.widget) return;
          this.widget.handle.destroy();
          this.widget = undefined;
        });
      }
      attributeChangedCallback(attribute: string, before: string | null, after: string | null) {
        if (before === after || !this.widget) return;
        this.widget.update({ [optionName(attribute)]: after ?? undefined } as LiveOptions);
      }
    },
  );
}
