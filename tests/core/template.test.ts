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

  // Not this page's folder ("/products/help/…" is right only for the pages beside it): the path
  // the owner most likely meant, from the site's root.
  it('says a relative template depends on the page, where it lands here, and the root path it most likely means', () => {
    expect(checkTemplate('help/{{lng}}.json', PAGE)).toEqual([
      {
        level: 'warning',
        message:
          'content "help/{{lng}}.json" is relative: each page resolves it against its own address (this page: /products/help/{{lng}}.json), so pages in other folders do not find it; write a path from the site\'s root, such as "/help/{{lng}}.json" if the files are in that folder of the site',
      },
    ]);
  });

  it('reports a relative template without a page to resolve it against, with the root path it most likely means', () => {
    expect(checkTemplate('./{{lng}}.json')[0].message).toMatch(/is relative: each page resolves it against its own address, so .*such as "\/\{\{lng\}\}\.json"/);
  });
});
