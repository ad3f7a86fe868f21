import type { Controller } from './core/controller';
import type { Lang } from './types';

const HASH = /^#faq=(lv|en)\/([^&]+)$/;

/**
 * Opt-in URL state: `#faq=lv/getting-hired` opens that article in that language,
 * and opening an article writes it there, so support agents can share links.
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
    const hash = `#faq=${lang}/${encodeURIComponent(id)}`;
    if (location.hash !== hash) history.replaceState(history.state, '', hash);
  };

  // Leaving an article (back, close) takes it out of the address, so a reload starts fresh.
  let showing = false;
  const clear = () => HASH.test(location.hash) && history.replaceState(history.state, '', location.pathname + location.search);
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
