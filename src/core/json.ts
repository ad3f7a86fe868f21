import type { Job } from './slices';

/**
 * `JSON.parse` of a content file as a job that pauses between entries: a help centre of 10,000
 * entries is a 7 MB file, and parsing it in one go is one of the longest tasks the widget makes.
 * The top-level object and its "entries" object are cut at their members, and each member's
 * value is parsed by `JSON.parse` on its own. The result is what `JSON.parse(text)` gives;
 * when the text is anything else than such an object, or invalid anywhere, the whole is handed
 * to `JSON.parse`, so what is thrown is `JSON.parse`'s own error.
 */
export function* parseJob(text: string): Job<unknown> {
  const cut = new Cutter(text);
  try {
    const data = yield* cut.object(true);
    cut.space();
    if (cut.at === text.length) return data;
  } catch (e) {
    if (!(e instanceof SyntaxError)) throw e;
  }
  return JSON.parse(text);
}

/** How many entries are parsed between two chances to pause. */
const STEP = 32;
const STRUCTURE = /["{}[\]]/g;
/** A quoted key without escapes or control characters: the text between the quotes is the key. */
// eslint-disable-next-line no-control-regex
const PLAIN = /^"[^\\\u0000-\u001f]*"$/;
const SPACE = new Set([' ', '\t', '\n', '\r']);
/** What ends a number, true, false or null. */
const AFTER_WORD = new Set([',', '}', ']', ...SPACE]);

/** Reads the members of objects and where values end; says nothing is wrong, only that it cannot cut (SyntaxError). */
class Cutter {
  at = 0;
  constructor(private readonly text: string) {}

  /** Skips JSON whitespace. */
  space(): void {
    while (SPACE.has(this.text[this.at])) this.at++;
  }

  private expect(char: string): void {
    this.space();
    if (this.text[this.at] !== char) throw new SyntaxError();
    this.at++;
  }

  /** The object at `at`, member by member; the members of `entries` too when `top`. */
  *object(top: boolean): Job<Record<string, unknown>> {
    // Built without a prototype, so "__proto__" is a key like any other and a page's setters on
    // Object.prototype are never called; given JSON.parse's prototype when done.
    const out: Record<string, unknown> = Object.create(null);
    const done = () => Object.setPrototypeOf(out, Object.prototype) as Record<string, unknown>;
    this.expect('{');
    this.space();
    if (this.text[this.at] === '}') {
      this.at++;
      return done();
    }
    for (let members = 0; ; members++) {
      this.space();
      const from = this.at;
      const quoted = this.text.slice(from, (this.at = this.stringEnd(from)));
      const key = PLAIN.test(quoted) ? quoted.slice(1, -1) : (JSON.parse(quoted) as string);
      this.expect(':');
      this.space();
      let value: unknown;
      if (top && key === 'entries' && this.text[this.at] === '{') value = yield* this.object(false);
      else {
        const start = this.at;
        value = JSON.parse(this.text.slice(start, (this.at = this.valueEnd(start))));
      }
      out[key] = value; // as JSON.parse: the last of equal keys, in the first one's place
      if (!top && members % STEP === STEP - 1) yield;
      this.space();
      const next = this.text[this.at++];
      if (next === '}') return done();
      if (next !== ',') throw new SyntaxError();
    }
  }

  /** Where the string that starts at `from` ends, just after its closing quote. */
  private stringEnd(from: number): number {
    const { text } = this;
    if (text[from] !== '"') throw new SyntaxError();
    for (let quote = text.indexOf('"', from + 1); quote >= 0; quote = text.indexOf('"', quote + 1)) {
      let backslashes = 0;
      while (text[quote - 1 - backslashes] === '\\') backslashes++;
      if (backslashes % 2 === 0) return quote + 1;
    }
    throw new SyntaxError();
  }

  /** Where the value that starts at `from` ends: after its closing bracket or quote, or before the "," or "}" after a number or word. */
  private valueEnd(from: number): number {
    const { text } = this;
    const first = text[from];
    if (first === '"') return this.stringEnd(from);
    if (first !== '{' && first !== '[') {
      let end = from;
      while (end < text.length && !AFTER_WORD.has(text[end])) end++;
      return end;
    }
    let depth = 0;
    STRUCTURE.lastIndex = from;
    for (let m = STRUCTURE.exec(text); m; m = STRUCTURE.exec(text)) {
      if (m[0] === '"') STRUCTURE.lastIndex = this.stringEnd(m.index);
      else if (m[0] === '{' || m[0] === '[') depth++;
      else if (--depth === 0) return m.index + 1;
    }
    throw new SyntaxError();
  }
}
