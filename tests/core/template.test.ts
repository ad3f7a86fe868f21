import { describe, expect, it } from 'vitest';
import { checkTemplate } from '../../src/core/template';

const PAGE = 'https://shop.example/products/shoes.html';

describe('checkTemplate', () => {
  it.each(['/help/{{lng}}.json', 'https://cdn.example/help/{{lng}}.json', '//cdn.example/{{lng}}.json', '/help/{{ lng }}.json'])('finds nothing wrong with %s', (template) => {
    expect(checkTemplate(template, PAGE)).toEqual([]);
  });

  it.each([
    ['/help/{{lang}}.json', '{{lang}}'],
    ['/help/{lng}.json', '{lng}'],
    ['/help/{{language}}.json', '{{language}}'],
    ['/help/{{LNG}}.json', '{{LNG}}'],
  ])('says that %s misspells the placeholder and names the fix', (template, written) => {
    expect(checkTemplate(template, PAGE)).toEqual([
      { level: 'error', message: `content "${template}" has ${written}, which the widget does not fill in; write {{lng}} (it becomes lv or en)` },
    ]);
  });

  it('warns that a template without {{lng}} gives both languages the same file', () => {
    expect(checkTemplate('/help/faq.json', PAGE)).toEqual([
      {
        level: 'warning',
        message: 'content "/help/faq.json" has no {{lng}}: both languages get the same file; write e.g. /help/{{lng}}.json for a file per language, or set data-languages to the one language it is in',
      },
    ]);
  });

  it('says a relative template depends on the page, with the root-relative path it means on this one', () => {
    expect(checkTemplate('help/{{lng}}.json', PAGE)).toEqual([
      {
        level: 'warning',
        message:
          'content "help/{{lng}}.json" is relative: each page resolves it against its own address (this page: /products/help/{{lng}}.json), so pages in other folders do not find it; write a path from the site\'s root such as "/products/help/{{lng}}.json"',
      },
    ]);
  });

  it('reports a relative template without a page to resolve it against, with the rule alone', () => {
    expect(checkTemplate('./{{lng}}.json')[0].message).toMatch(/is relative: .*write a path from the site's root starting with \/$/);
  });
});
