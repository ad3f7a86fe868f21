import { mount } from './mount';
import { optionsFromAttributes } from './options';
import type { WidgetHandle } from './types';

/**
 * `<faq-widget lang="lv"></faq-widget>`: the widget inline, where the element stands.
 * Attributes are those of the script tag without `data-`.
 */
export function defineElement(name = 'faq-widget'): void {
  if (typeof customElements === 'undefined' || customElements.get(name)) return;
  customElements.define(
    name,
    class FaqWidgetElement extends HTMLElement {
      widget?: WidgetHandle;
      connectedCallback() {
        this.widget ??= mount({ ...optionsFromAttributes(this, ''), mode: 'inline', target: this });
      }
      disconnectedCallback() {
        this.widget?.destroy();
        this.widget = undefined;
      }
    },
  );
}
