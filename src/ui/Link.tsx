import { h, type ComponentChildren } from 'preact';
import { articleLinkId } from '../core/markup';
import { useWidget } from './context';

export interface LinkProps {
  /** Already checked by `safeHref`. */
  href: string;
  children: ComponentChildren;
  onClick?: (event: MouseEvent) => void;
}

/**
 * Whether following `href` would take the visitor off the page's site: judged where the browser
 * would go (against the page's base URL, which a <base href> may send elsewhere), never by how the
 * address looks. mailto: and tel: hand over to another app and leave the page where it is.
 */
function leavesSite(href: string): boolean {
  try {
    const url = new URL(href, document.baseURI);
    return !/^(mailto|tel):$/.test(url.protocol) && url.origin !== location.origin;
  } catch {
    return true; // a page whose base URL cannot resolve it: a new tab is the safe way
  }
}

/** A link; one to another site opens in a new tab, safely, and says so to screen readers. */
export function Link({ href, children, onClick }: LinkProps) {
  const { t } = useWidget();
  // A `#faq/<id>` link opens an entry inside the widget, whatever the base URL says.
  const external = !articleLinkId(href) && leavesSite(href);
  return (
    <a href={href} onClick={onClick} {...(external && { target: '_blank', rel: 'noopener noreferrer' })}>
      {children}
      {external && <span class="faq-sr"> {t('newTab')}</span>}
    </a>
  );
}
