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

test('a function larger than a page and without loops stays where it is', (t) => {
  t.is(pageStart(0x20104, 1028, 1024), 0x20104);
  t.is(pageStart(0x20104, 5000, 1024), 0x20104);
});

test('a larger function moves as little as keeps its inner loops inside pages', (t) => {
  const page = 1024;
  // A 700-byte loop at offset 200 of a 5000-byte function: from 0x20300 it would cross 0x20800.
  const loop = { start: 200, end: 900 };
  const at = pageStart(0x20300, 5000, page, [loop]);
  t.true(at >= 0x20300 && at < 0x20300 + page);
  t.is(Math.floor((at + loop.start) / page), Math.floor((at + loop.end - 1) / page));
  t.is(at, 0x20400 - loop.start, 'the first address that works');
  // A loop that cannot fit in a page changes nothing; one that already fits stays put.
  t.is(pageStart(0x20300, 5000, page, [{ start: 0, end: 2000 }]), 0x20300);
  t.is(pageStart(0x20000, 5000, page, [loop]), 0x20000);
  // Two loops that cannot both be kept in: as few crossings as possible.
  const two = [loop, { start: 1000, end: 1900 }];
  const both = pageStart(0x20300, 5000, page, two);
  const crossings = two.filter((r) => Math.floor((both + r.start) / page) !== Math.floor((both + r.end - 1) / page));
  t.true(crossings.length <= 1);
});
