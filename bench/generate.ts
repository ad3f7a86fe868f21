/**
 * Generated bilingual FAQ content of any size, shaped like a real help centre: Latvian with
 * diacritics and English, answers of about 80 words, categories, keywords and related ids.
 * Deterministic (seeded), so every run measures the same content.
 */
const LV_WORDS = (
  'zvanu centrs aģents klients maiņa slodze alga atalgojums izdegšana stress vadītājs komanda uzraugs karjera izaugsme ' +
  'prasmes apmācība intervija pieteikums līgums grafiks stundas zvani sarunas pasūtījums konts rēķins piegāde atgriešana ' +
  'garantija serviss atbalsts tehniskais problēma risinājums kvalitāte rādītāji mērķi atsauksme sūdzība pārdošana ' +
  'piedāvājums klientu apkalpošana e-pasts tērzēšana tālrunis programmatūra aprīkojums birojs attālināti mājas darbs ' +
  'pienākumi tiesības atvaļinājums slimība apdrošināšana nodokļi prēmija bonuss kompensācija drošība parole dati ' +
  'privātums noteikumi cena maksājums karte pārskaitījums termiņš pagarinājums atcelšana reģistrācija profils iestatījumi ' +
  'paziņojumi valoda latviešu angļu krievu vietne lietotne mobilā versija kļūda savienojums ātrums pieejamība'
).split(' ');
const LV_GLUE = 'un vai ja kā ir var tiek pēc par uz no ar kad lai arī tikai vienmēr bieži parasti jūsu mūsu šis tas'.split(' ');
const EN_WORDS = (
  'call centre agent customer shift workload salary pay burnout stress manager team supervisor career growth skills ' +
  'training interview application contract schedule hours calls conversations order account invoice delivery return ' +
  'warranty service support technical problem solution quality metrics goals feedback complaint sales offer email chat ' +
  'phone software equipment office remote home work duties rights holiday sickness insurance taxes bonus compensation ' +
  'security password data privacy terms price payment card transfer deadline extension cancellation registration profile ' +
  'settings notifications language latvian english russian website app mobile version error connection speed availability'
).split(' ');
const EN_GLUE = 'and or if how is can be after about to from with when so also only always often usually your our this that'.split(' ');

function random(seed: number) {
  return () => {
    seed = (seed * 1664525 + 1013904223) >>> 0;
    return seed / 2 ** 32;
  };
}

function sentence(rand: () => number, words: string[], glue: string[], length: number): string {
  const out: string[] = [];
  for (let i = 0; i < length; i++) out.push(rand() < 0.35 ? glue[Math.floor(rand() * glue.length)] : words[Math.floor(rand() * words.length)]);
  const text = out.join(' ');
  return text[0].toUpperCase() + text.slice(1) + '.';
}

export interface Generated {
  categories: Record<string, string>;
  entries: Record<string, { category: string; question: string; answer: string; keywords: string[]; related: string[] }>;
}

/** `count` entries in one language; the same seed gives the same ids and structure in both. */
export function generate(count: number, lang: 'lv' | 'en', seed = 42): Generated {
  const rand = random(seed + (lang === 'lv' ? 0 : 7));
  const [words, glue] = lang === 'lv' ? [LV_WORDS, LV_GLUE] : [EN_WORDS, EN_GLUE];
  const categoryCount = Math.max(3, Math.min(20, Math.round(Math.sqrt(count) / 2)));
  const categories: Generated['categories'] = {};
  for (let c = 0; c < categoryCount; c++) categories[`c${c}`] = `${lang === 'lv' ? 'Tēma' : 'Topic'} ${c + 1}: ${words[(c * 7) % words.length]}`;
  const entries: Generated['entries'] = {};
  for (let i = 0; i < count; i++) {
    const topic = [words[Math.floor(rand() * words.length)], words[Math.floor(rand() * words.length)]];
    const question = lang === 'lv' ? `Kā rīkoties ar ${topic[0]} un ${topic[1]}?` : `How do I handle ${topic[0]} and ${topic[1]}?`;
    const answer = [sentence(rand, words, glue, 14), sentence(rand, words, glue, 12), `**${topic[0]}** ${sentence(rand, words, glue, 16)}`, sentence(rand, words, glue, 13), sentence(rand, words, glue, 12), sentence(rand, words, glue, 13)].join(' ');
    entries[`e${i}`] = {
      category: `c${i % categoryCount}`,
      question,
      answer,
      keywords: [words[Math.floor(rand() * words.length)], words[Math.floor(rand() * words.length)]],
      related: count > 1 ? [`e${(i + 1) % count}`] : [],
    };
  }
  return { categories, entries };
}

/** Realistic queries to type letter by letter at any size. */
export const TYPED: Record<'lv' | 'en', string[]> = {
  lv: ['izdegšana darbā', 'alga un prēmija', 'kā mainīt paroli', 'piegades termins', 'atgriesana garantija', 'vaditajs komanda'],
  en: ['burnout at work', 'salary and bonus', 'change password', 'delivery deadline', 'return warranty', 'supervisor team'],
};
