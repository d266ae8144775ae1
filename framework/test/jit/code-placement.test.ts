import test from 'ava';
import { pageStart } from '../../src/jit/compile-batch.ts';

// The emulator chains translated blocks only within a translation page, so code placement
// keeps a function that fits in a page inside one (EmuArch.translationPageBytes).

test('a function that fits in a page never crosses a page boundary', (t) => {
  for (const page of [1024, 4096]) {
    for (let at = 0x20000; at < 0x20000 + 2 * page; at += 4) {
      for (const size of [4, 100, page / 2, page - 4, page]) {
        const start = pageStart(at, size, page);
        t.true(start >= at);
        t.is(Math.floor(start / page), Math.floor((start + size - 1) / page), `at ${at}, size ${size}`);
        // Moved only when it had to be, and then no further than the next page.
        if (Math.floor(at / page) === Math.floor((at + size - 1) / page)) t.is(start, at);
        else t.is(start, Math.ceil(at / page) * page);
      }
    }
  }
});

test('a function larger than a page stays where it is', (t) => {
  t.is(pageStart(0x20104, 1028, 1024), 0x20104);
  t.is(pageStart(0x20104, 5000, 1024), 0x20104);
});
