import type { Controller } from './core/controller';
import type { Lang } from './types';

const HASH = /^#faq=(lv|en)\/([^&]+)$/;

/**
 * The current address with its fragment replaced (or removed when `hash` is empty).
 * Built from `location.href`, never from a relative URL: `history.replaceState` resolves
 * a relative URL against `<base href>`, which may name another path or another origin.
 */
const withHash = (hash: string) => location.href.split('#')[0] + hash;

/**
 * Writes the address without letting the host page see an error: a sandboxed or
 * opaque-origin document can refuse `replaceState`, and the widget must carry on.
 */
function replaceHash(hash: string): void {
  try {
    history.replaceState(history.state, '', withHash(hash));
  } catch {
    // The address simply stays as it was: sharing a link is a convenience, not a promise.
  }
}

/** `#faq=lv/<id>`, or undefined for an id the address cannot carry (an unpaired surrogate). */
function hashFor(lang: Lang, id: string): string | undefined {
  try {
    return `#faq=${lang}/${encodeURIComponent(id)}`;
  } catch {
    return undefined;
  }
}

/**
 * Opt-in URL state: `#faq=lv/getting-hired` opens that article in that language,
 * and opening an article writes it there, so support agents can share links.
 * Only the fragment of the current address ever changes.
 * Returns the function that removes every listener it added.
 */
export function bindUrlState(controller: Controller): () => void {
  const { actions, store, events } = controller;

  const fromHash = () => {
    const m = HASH.exec(location.hash);
    if (!m) return;
    let id: string;
    try {
      id = decodeURIComponent(m[2]);
    } catch {
      return; // a mangled link is ignored rather than allowed to throw on the host page
    }
    // A shared link shows its language without making it the visitor's saved choice.
    void actions.setLanguage(m[1] as Lang, false).then(() => {
      actions.open();
      actions.openArticle(id);
    });
  };

  const toHash = ({ id, lang }: { id: string; lang: Lang }) => {
    const hash = hashFor(lang, id);
    if (hash && location.hash !== hash) replaceHash(hash);
  };

  // Leaving an article (back, close) takes it out of the address, so a reload starts fresh.
  let showing = false;
  const clear = () => HASH.test(location.hash) && replaceHash('');
  const clearHash = () => {
    const { open, view } = store.get();
    const now = open && view.name === 'article';
    if (showing && !now) clear();
    showing = now;
  };

  window.addEventListener('hashchange', fromHash);
  const offArticle = events.on('article', toHash);
  const offStore = store.subscribe(clearHash);
  fromHash();
  return () => {
    window.removeEventListener('hashchange', fromHash);
    offArticle();
    offStore();
    // A destroyed widget shows no article, so the address should not name one.
    if (showing) clear();
  };
}
