import { eachWord } from './fold';

/**
 * The distinct words of many texts, each kept once with a value of the caller's. A word met
 * again is found by a hash of its characters, worked out as the text is split, and compared in
 * place: a 10,000-entry help centre has about a million words but a few thousand distinct ones,
 * and making a string of each and hashing it again in a Map was most of the time indexing took.
 */
/**
 * The hash's bits mixed, so that the low bits a slot is taken from depend on every letter:
 * numbered words ("vārds1" … "vārds49999", order codes) would otherwise fill runs of slots.
 */
function spread(hash: number): number {
  const mixed = Math.imul(hash ^ (hash >>> 16), 0x45d9f3b);
  return mixed ^ (mixed >>> 16);
}

export class WordTable<T> {
  /** Open addressing: slot → 1 + the word's number, 0 when free; kept at most half full. */
  private slots = new Int32Array(1024);
  private readonly hashes: number[] = [];
  private readonly words: string[] = [];
  private readonly values: T[] = [];

  /**
   * Calls `visit` with the value of each word of `text` (lowercase, NFC: the caller's duty), in
   * order; a word not seen before gets `make(word)`. Returns how many words the text has.
   */
  read(text: string, make: (word: string) => T, visit: (value: T) => void): number {
    let count = 0;
    eachWord(text, (start, end, hash) => {
      count++;
      const mask = this.slots.length - 1;
      for (let slot = spread(hash) & mask; ; slot = (slot + 1) & mask) {
        const at = this.slots[slot] - 1;
        if (at < 0) {
          const word = text.slice(start, end);
          this.slots[slot] = this.words.push(word);
          this.hashes.push(hash);
          this.values.push(make(word));
          if (this.words.length * 2 > this.slots.length) this.grow();
          visit(this.values[this.values.length - 1]);
          return;
        }
        if (this.hashes[at] === hash && this.words[at].length === end - start && text.startsWith(this.words[at], start)) {
          visit(this.values[at]);
          return;
        }
      }
    });
    return count;
  }

  private grow(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    this.hashes.forEach((hash, at) => {
      let slot = spread(hash) & mask;
      while (slots[slot]) slot = (slot + 1) & mask;
      slots[slot] = at + 1;
    });
    this.slots = slots;
  }
}
