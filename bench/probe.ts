
import { Catalog } from '../src/core/catalog';
import { readContent } from '../src/core/content';
import { generate, TYPED } from './generate';
(() => {
  for (const n of [100, 1000, 10000]) {
    let t = performance.now();
    const lv = readContent(generate(n, 'lv'), 'lv', 'x').content;
    const en = readContent(generate(n, 'en'), 'en', 'x').content;
    const read = performance.now() - t;
    const c = new Catalog({ lv, en });
    t = performance.now(); c.search('x', 'lv'); const build = performance.now() - t;
    const times: number[] = [];
    for (const q of TYPED.lv) for (let i = 1; i <= q.length; i++) { const s = performance.now(); c.search(q.slice(0, i), 'lv', 30); times.push(performance.now() - s); }
    times.sort((a, b) => a - b);
    console.log(n, 'read', read.toFixed(0), 'build', build.toFixed(0), 'median', times[Math.floor(times.length / 2)].toFixed(2), 'p95', times[Math.floor(times.length * 0.95)].toFixed(2), 'max', times[times.length - 1].toFixed(1));
  }
})();
