/**
 * The owner's `data-content` template, checked before anything is fetched: the mistakes that
 * otherwise show only as a 404 (a misspelt placeholder), as the wrong language (no placeholder)
 * or on some pages only (a relative path).
 */

export interface TemplateFinding {
  level: 'error' | 'warning';
  message: string;
}

/** `{{lng}}`, with any spaces inside the braces: what the widget fills in. */
const LNG = /\{\{\s*lng\s*\}\}/;
/** Any other `{{…}}`, and single braces around a language-like word: what owners write instead. */
const MISSPELT = /\{\{\s*([^{}]*?)\s*\}\}|(?<!\{)\{\s*(lng|lang|language|locale|lc)\s*\}(?!\})/gi;
/** An address that does not depend on the page: a scheme (`https:`), `//host` or `/path`. */
const ANCHORED = /^([a-z][a-z\d+.-]*:|\/)/i;

/**
 * What is wrong with `template`, worst first. `base` is the page's address: a relative template
 * is said with the path it resolves to there, the root-relative path that would fix it.
 */
export function checkTemplate(template: string, base?: string): TemplateFinding[] {
  const findings: TemplateFinding[] = [];
  const shown = JSON.stringify(template);
  for (const [written, inner] of template.matchAll(MISSPELT)) {
    if (inner?.trim().toLowerCase() === 'lng' && LNG.test(written)) continue;
    findings.push({ level: 'error', message: `content ${shown} has ${written}, which the widget does not fill in; write {{lng}} (it becomes lv or en)` });
  }
  if (!findings.length && !LNG.test(template)) {
    findings.push({
      level: 'warning',
      message: `content ${shown} has no {{lng}}: both languages get the same file; write e.g. /help/{{lng}}.json for a file per language, or set data-languages to the one language it is in`,
    });
  }
  if (!ANCHORED.test(template.trim())) {
    let here = '';
    try {
      if (base) here = decodeURI(new URL(template, base).pathname);
    } catch {
      // a base that is not a URL: the message without the example
    }
    findings.push({
      level: 'warning',
      // The owner most likely wrote the path from the site's root and left out the first "/":
      // this page's folder is only right for the pages beside it.
      message: `content ${shown} is relative: each page resolves it against its own address${here ? ` (this page: ${here})` : ''}, so pages in other folders do not find it; write a path from the site's root, such as ${JSON.stringify(`/${template.trim().replace(/^(\.\.?\/)+/, '')}`)} if the files are in that folder of the site`,
    });
  }
  return findings;
}
