import { options } from 'preact';

/**
 * Some host pages freeze Object.prototype. Preact copies a vnode with `copy[key] = value`
 * when it re-renders a component; on such a page copying `constructor` fails silently,
 * the copy inherits Object as its constructor, and Preact skips the update as invalid.
 * Restoring the own `undefined` before Preact looks keeps the widget working there.
 */
const previous = options.vnode;
options.vnode = (vnode) => {
  if (!Object.prototype.hasOwnProperty.call(vnode, 'constructor')) {
    Object.defineProperty(vnode, 'constructor', { value: undefined, writable: true, enumerable: true, configurable: true });
  }
  previous?.(vnode);
};
