import { h } from 'preact';
import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { parseMarkup } from '../../src/core/markup';
import { Answer } from '../../src/ui/Answer';
import { WidgetContext, type WidgetContextValue } from '../../src/ui/context';

const context = { controller: { actions: { openArticle: () => undefined } }, t: (k: string) => k } as unknown as WidgetContextValue;
const renderAnswer = (source: string) =>
  render(
    <WidgetContext.Provider value={context}>
      <Answer blocks={parseMarkup(source).blocks} />
    </WidgetContext.Provider>,
  ).container;

afterEach(() => {
  cleanup();
  document.head.querySelectorAll('base').forEach((b) => b.remove());
});

describe('Answer', () => {
  it("numbers an ordered list from the owner's first number", () => {
    const answer = renderAnswer('3. trešais\n4. ceturtais\n\n1. pirmais\n2. otrais');
    expect([...answer.querySelectorAll('ol')].map((ol) => [ol.getAttribute('start'), ol.textContent])).toEqual([
      ['3', 'trešaisceturtais'],
      [null, 'pirmaisotrais'],
    ]);
  });

  it('shows a date under a sentence as the sentence, with its year, on the line the owner put it', () => {
    const answer = renderAnswer('Līgums stājas spēkā\n2025. gada 1. janvārī.');
    expect(answer.querySelector('ol')).toBeNull();
    expect(answer.querySelector('p')!.innerHTML).toBe('Līgums stājas spēkā<br>2025. gada 1. janvārī.');
  });

  it('shows sub-headings one level below the h3 question, italic, code, quotes and line breaks as elements', () => {
    const answer = renderAnswer(
      '### Alga\nAptuveni *14 $* stundā, kods `<b>A-1</b>`.\nJautājiet vadītājam.\n\n> Klients: **paldies**\n>\n> Otrā rindkopa',
    );
    expect(answer.innerHTML).toBe(
      '<div class="faq-answer"><h4>Alga</h4>' +
        '<p>Aptuveni <em>14 $</em> stundā, kods <code>&lt;b&gt;A-1&lt;/b&gt;</code>.<br>Jautājiet vadītājam.</p>' +
        '<blockquote><p>Klients: <strong>paldies</strong></p><p>Otrā rindkopa</p></blockquote></div>',
    );
  });

  it('shows a table row and HTML as the text they were written as, and an image as "!" and a link to it', () => {
    const answer = renderAnswer('| a | b |\n<img src=x onerror=alert(1)>\n![karte](https://x.lv/a.png)');
    expect(answer.querySelector('img, table')).toBeNull();
    expect(answer.querySelector('p')!.firstChild!.textContent).toBe('| a | b |');
    expect(answer.querySelector('p')!.childNodes[2].textContent).toBe('<img src=x onerror=alert(1)>');
    expect(answer.querySelector('a')!.getAttribute('href')).toBe('https://x.lv/a.png');
  });
});

describe('links in an answer', () => {
  const linkOf = (href: string) => renderAnswer(`[x](${href})`).querySelector('a')!;
  const opensNewTab = (a: HTMLAnchorElement) => `${a.target}|${a.rel}|${a.querySelector('.faq-sr')?.textContent ?? ''}`;

  it.each([
    ['another site', 'https://other.example/help'],
    ['another site without a scheme', '//other.example/help'],
    ['the same host on another port', 'http://localhost:9999/help'],
  ])('open %s in a new tab, safely, and say so', (_, href) => {
    expect(opensNewTab(linkOf(href))).toBe('_blank|noopener noreferrer| newTab');
  });

  it.each([
    ['a path on this site', '/help/contact'],
    ['a full address on this site', `${location.origin}/help`],
    ['an e-mail address', 'mailto:help@example.lv'],
    ['a phone number', 'tel:+37160000000'],
    ['another entry', '#faq/salary'],
  ])('open %s where they are', (_, href) => {
    expect(opensNewTab(linkOf(href))).toBe('||');
  });

  it('open a relative link in a new tab when the page base sends it to another site', () => {
    const base = document.createElement('base');
    base.href = 'https://cdn.example/pages/';
    document.head.append(base);
    expect(opensNewTab(linkOf('/help/contact'))).toBe('_blank|noopener noreferrer| newTab');
    expect(opensNewTab(linkOf('#faq/salary'))).toBe('||');
  });
});
