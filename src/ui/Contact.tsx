import { safeHref } from '../core/markup';
import { Link } from './Link';
import { useWidget } from './context';

/** "Still need help?" with the owner's contact link; nothing when none is configured. */
export function Contact() {
  const { contactUrl, t } = useWidget();
  const href = contactUrl && safeHref(contactUrl);
  return href ? (
    <p class="faq-contact">
      {t('contactPrompt')} <Link href={href}>{t('contactLink')}</Link>
    </p>
  ) : null;
}
