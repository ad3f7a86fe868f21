import { describe, expect, it } from 'vitest';
import { withoutNotes } from '../../vite.config';
// Imported as the widget imports locales/<lang>/ui.json: through the build's JSON transform.
import withNotes from '../fixtures/locales/notes/ui.json';
import faqWithNotes from '../fixtures/locales/notes/faq.json';

/** Translators' notes stay in the files they edit and out of what visitors download. */
describe('notes are left out of the shipped widget', () => {
  it('drops ui.json\'s "_notes" (and "$schema") where the widget imports it', () => {
    expect(withNotes).toEqual({ title: 'Help centre' });
  });

  it('drops faq.json\'s notes where the ESM build imports it', () => {
    expect(faqWithNotes).toEqual({ categories: { pay: 'Pay' }, entries: { salary: { category: 'pay', question: 'How is pay set?', answer: 'By the contract.' } } });
  });

  it('drops faq.json\'s notes from the built-in content chunks, a category keeping its name', () => {
    const data = {
      categories: { pay: { name: 'Pay', note: 'Salary and bonuses.' }, work: 'Work' },
      entries: { salary: { category: 'pay', question: 'Q?', answer: 'A.', note: 'For translators.' } },
    };
    withoutNotes(data);
    expect(data).toEqual({ categories: { pay: 'Pay', work: 'Work' }, entries: { salary: { category: 'pay', question: 'Q?', answer: 'A.' } } });
  });
});
