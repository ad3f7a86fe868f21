import { h } from 'preact';
import { useWidget } from './context';

/** The way back from an article or a category view. */
export function Back({ onBack }: { onBack: () => void }) {
  const { t } = useWidget();
  return (
    <button type="button" class="faq-back" onClick={onBack}>
      <svg viewBox="0 0 24 24" aria-hidden="true"><path d="M15 5l-7 7 7 7" /></svg>
      {t('back')}
    </button>
  );
}
