import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

/** A function of `prologue` straight-line instructions, then a one-block loop of `body`. */
function bigFunction(name: string, prologue: number, body: number): string {
  const lines = [`func @${name}(%n: i32) -> i32 {`, '^entry:', '  %a0 = iadd %n, %n'];
  for (let k = 1; k < prologue; k++) lines.push(`  %a${k} = ixor %a${k - 1}, %n`);
  lines.push(
    '  %z = iconst 0',
    `  br ^loop(%z, %a${prologue - 1})`,
    '^loop(%i: i32, %acc: i32):',
    '  %b0 = iadd %acc, %i',
  );
  for (let k = 1; k < body; k++) lines.push(`  %b${k} = ixor %b${k - 1}, %i`);
  lines.push('  %one = iconst 1', '  %i2 = iadd %i, %one', '  %more = icmp.slt %i2, %n');
  lines.push(`  brif %more, ^loop(%i2, %b${body - 1}), ^exit`, '^exit:', `  ret %b${body - 1}`, '}');
  return lines.join('\n');
}

test('armv7 places a function larger than a page so that its inner loop stays inside one', async (t) => {
  // Five functions of 1.6 to 2.2 KiB, each with a 630-byte loop after a prologue of its own
  // length: placed one after the other, most of the loops would cross a boundary.
  const names = [0, 1, 2, 3, 4].map((j) => `big${j}`);
  const calls = names.map((n, j) => `  %r${j} = call @${n}(%n)`).join('\n');
  const text = [
    ...names.map((n, j) => bigFunction(n, 250 + 37 * j, 150)),
    `func @main() -> i32 {\n^entry:\n  %n = iconst 3\n${calls}\n  ret %r4\n}`,
  ].join('\n\n');
  const dir = mkdtempSync(join(tmpdir(), 'jitc-placement-'));
  const file = join(dir, 'big.jir');
  writeFileSync(file, `${text}\n`);
  const r = await runJitc([file, '--backend', 'armv7', '--emit', 'asm']);
  t.is(r.code, 0, r.stderr);
  const loops = [...r.stdout.matchAll(/^\^loop:\n((?:\s+[0-9a-f]{8}:.*\n)+)/gm)];
  t.is(loops.length, names.length);
  for (const [, body] of loops) {
    const addresses = [...body!.matchAll(/^\s+([0-9a-f]{8}):/gm)].map((m) => Number.parseInt(m[1]!, 16));
    const first = addresses[0]!,
      last = addresses[addresses.length - 1]!;
    t.true(last - first > 600);
    t.is(Math.floor(first / PAGE), Math.floor(last / PAGE), `loop at 0x${first.toString(16)}`);
  }
});
