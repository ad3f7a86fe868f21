import { h, type ComponentChildren } from 'preact';
import { useWidget } from './context';

export interface LinkProps {
  /** Already checked by `safeHref`. */
  href: string;
  children: ComponentChildren;
  onClick?: (event: MouseEvent) => void;
}

/** A link; web addresses open in a new tab, safely, and say so to screen readers. */
export function Link({ href, children, onClick }: LinkProps) {
  const { t } = useWidget();
  const external = /^(https?:)?\/\//i.test(href); // also protocol-relative //other.site
  return (
    <a href={href} onClick={onClick} {...(external && { target: '_blank', rel: 'noopener noreferrer' })}>
      {children}
      {external && <span class="faq-sr"> {t('newTab')}</span>}
    </a>
  );
}
