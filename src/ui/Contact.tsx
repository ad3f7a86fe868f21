import { h } from 'preact';
import { Link } from './Link';
import { useWidget } from './context';

/** "Still need help?" with the owner's contact link (checked by resolveOptions); nothing without one. */
export function Contact() {
  const { contactUrl, t } = useWidget();
  return contactUrl ? (
    <p class="faq-contact">
      {t('contactPrompt')} <Link href={contactUrl}>{t('contactLink')}</Link>
    </p>
  ) : null;
}
