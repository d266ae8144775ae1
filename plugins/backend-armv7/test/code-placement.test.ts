import test from 'ava';
import { runJitc } from '#framework/testing';

// Unicorn translates ARM code in 1 KiB pages and chains blocks only within one: binary
// trees' main, placed across a page boundary, ran 13% slower for the same instructions.
const program = new URL('../../../bench/gc/binary-trees.jir', import.meta.url).pathname;
const PAGE = 1024;

test('armv7 places every function that fits in a 1 KiB page inside one', async (t) => {
  const r = await runJitc([program, '--backend', 'armv7', '--gc', 'generational', '--emit', 'asm']);
  t.is(r.code, 0, r.stderr);
  const functions = [...r.stdout.matchAll(/^@(\S+):\s+; 0x([0-9a-f]+), (\d+) instructions/gm)];
  t.true(functions.length >= 3);
  for (const [, name, address, count] of functions) {
    const start = Number.parseInt(address!, 16);
    const size = 4 * Number(count);
    if (size > PAGE) continue;
    t.is(Math.floor(start / PAGE), Math.floor((start + size - 1) / PAGE), `@${name} at 0x${address}, ${size} bytes`);
  }
});
