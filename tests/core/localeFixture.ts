import type { LocaleFiles } from '../../src/core/check';

/** Small locale files in both languages, written as the shipped ones are (2-space JSON, final newline). */
export const fixtureData = () => ({
  lv: {
    ui: { $schema: '../ui.schema.json', title: 'Palīdzība', noResults: 'Pēc vaicājuma „{{query}}” nekas netika atrasts.', resultCount_zero: '{{count}} rezultātu', resultCount_one: '{{count}} rezultāts', resultCount_other: '{{count}} rezultāti' } as Record<string, unknown>,
    faq: {
      $schema: '../faq.schema.json',
      categories: { work: 'Darbs' } as Record<string, unknown>,
      entries: {
        pay: { category: 'work', question: 'Kāda ir alga?', answer: 'Aptuveni **14 USD** stundā.', keywords: ['alga', 'atalgojums'], related: ['hard'] },
        hard: { category: 'work', question: 'Vai darbs ir grūts?', answer: 'Reizēm. [Vairāk](#faq/pay).', related: [] },
      } as Record<string, Record<string, unknown>>,
    },
  },
  en: {
    ui: { $schema: '../ui.schema.json', title: 'Help', noResults: 'Nothing found for “{{query}}”.', resultCount_one: '{{count}} result', resultCount_other: '{{count}} results' } as Record<string, unknown>,
    faq: {
      $schema: '../faq.schema.json',
      categories: { work: 'Work' } as Record<string, unknown>,
      entries: {
        pay: { category: 'work', question: 'What is the pay?', answer: 'About **$14** an hour.', keywords: ['salary', 'wage'], related: ['hard'] },
        hard: { category: 'work', question: 'Is the job hard?', answer: 'Sometimes. [More](#faq/pay).', related: [] },
      } as Record<string, Record<string, unknown>>,
    },
  },
});
export type FixtureData = ReturnType<typeof fixtureData>;

export const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

export const fixtureFiles = (d: FixtureData = fixtureData()): LocaleFiles => ({
  'lv/ui.json': json(d.lv.ui),
  'lv/faq.json': json(d.lv.faq),
  'en/ui.json': json(d.en.ui),
  'en/faq.json': json(d.en.faq),
});
