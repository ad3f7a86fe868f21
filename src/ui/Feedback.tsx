import { h } from 'preact';
import type { Lang } from '../types';
import { Contact } from './Contact';
import { useWidget } from './context';

export interface FeedbackProps {
  id: string;
  lang: Lang;
}

/** "Was this answer helpful?"; a "No" also offers the contact link. */
export function Feedback({ id, lang }: FeedbackProps) {
  const { controller, state, t, uid } = useWidget();
  const given = state.feedback[`${lang}/${id}`];
  if (given !== undefined) {
    return (
      <div class="faq-feedback">
        <p role="status">{t('thanks')}</p>
        {!given && <Contact />}
      </div>
    );
  }
  return (
    <div class="faq-feedback" role="group" aria-labelledby={`${uid}-helpful`}>
      <p id={`${uid}-helpful`}>{t('helpful')}</p>
      <button type="button" class="faq-button" onClick={() => controller.actions.feedback(id, true)}>{t('yes')}</button>
      <button type="button" class="faq-button" onClick={() => controller.actions.feedback(id, false)}>{t('no')}</button>
    </div>
  );
}
