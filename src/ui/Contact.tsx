import { safeHref } from '../core/markup';
import { useWidget } from './context';

/** "Still need help?" with the owner's contact link; nothing when none is configured. */
export function Contact() {
  const { contactUrl, t } = useWidget();
  const href = contactUrl ? safeHref(contactUrl) : null;
  if (!href) return null;
  const external = /^https?:/i.test(href);
  return (
    <p class="faq-contact">
      {t('contactPrompt')}{' '}
      <a href={href} {...(external ? { target: '_blank', rel: 'noopener noreferrer' } : {})}>
        {t('contactLink')}
        {external && <span class="faq-sr"> {t('newTab')}</span>}
      </a>
    </p>
  );
}
