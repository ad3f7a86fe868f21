import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import lvFaq from '../../locales/lv/faq.json';
import enFaq from '../../locales/en/faq.json';
import { contentLine, parseCoverage } from '../../src/cli/content-report';

const coverage = parseCoverage(readFileSync(new URL('../../locales/COVERAGE.md', import.meta.url), 'utf8'));

describe('locales/COVERAGE.md, the checklist of the seed article', () => {
  it('lists the seed facts, each carried by the content', () => {
    expect(coverage.length).toBeGreaterThanOrEqual(80);
    expect(coverage.filter((c) => !c.covered).map((c) => `line ${c.line}: ${c.fact}`)).toEqual([]);
  });

  it('names at least one entry on every line', () => {
    expect(coverage.filter((c) => !c.ids.length).map((c) => `line ${c.line}: ${c.fact}`)).toEqual([]);
  });

  it.each([['lv', lvFaq], ['en', enFaq]] as const)('names only entries that exist in %s', (_, faq) => {
    const missing = coverage.flatMap((c) => c.ids.filter((id) => !(id in faq.entries)).map((id) => `line ${c.line}: ${id}`));
    expect(missing).toEqual([]);
  });

  it('reads ids only after the arrow, and an unticked box as a fact not carried', () => {
    const [a, b, c] = parseCoverage('# t\n- [x] uses `code` here → `salary`, `bilingual-pay`\n- [ ] not yet → `roles`\n- [x] no arrow `roles`\n');
    expect(a).toEqual({ line: 2, fact: 'uses `code` here', covered: true, ids: ['salary', 'bilingual-pay'] });
    expect(b).toMatchObject({ line: 3, covered: false, ids: ['roles'] });
    expect(c.ids).toEqual([]);
  });

  it('is summed up per language in one line: entries, answer length, facts covered', () => {
    const line = contentLine('lv', { a: { answer: '**Jā.** Tā ir.' }, b: { answer: '- viens\n- divi [saite](#faq/a) trīs' } }, [
      { line: 1, fact: 'f', covered: true, ids: ['a'] },
      { line: 2, fact: 'g', covered: true, ids: ['zz'] },
    ]);
    expect(line).toBe('lv: 2 entries, words per answer median 3.5, min 3; seed facts covered 1/2');
  });
});
