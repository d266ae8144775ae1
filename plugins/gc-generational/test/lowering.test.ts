import test from 'ava';
import { parseModule, printModule, staticImageGlobalAddresses, verifyModule } from '#framework';
import { lowerForGenerational } from '../src/lowering.ts';
import { FREE_WORD, LIMIT_WORD } from '../src/nursery-words.ts';

const SOURCE = `
type :cell = struct { value: i32, next: ref }
func @push(%old: ref, %v: i32) -> ref {
^entry:
  %c = new :cell
  set :cell.value, %c, %v
  set :cell.next, %c, %old
  set :cell.next, %old, %c
  ret %c
}
`;

function lowered(): string {
  const m = parseModule(SOURCE, 'push.jir');
  lowerForGenerational(m, staticImageGlobalAddresses(m));
  assertValid(m);
  return printModule(m);
}

function assertValid(m: ReturnType<typeof parseModule>): void {
  const errors = verifyModule(m);
  if (errors.length > 0) throw new Error(errors.join('\n'));
}

test('new bumps the free pointer in line and calls the heap only on the cold slow path', (t) => {
  const text = lowered();
  t.true(text.includes(`iconst ${FREE_WORD}`), 'loads the free pointer word');
  t.true(text.includes(`iconst ${LIMIT_WORD}`), 'compares with the limit word');
  t.regex(text, /icmp\.ugt/);
  const calls = [...text.matchAll(/call @generational\.alloc\(/g)];
  t.is(calls.length, 1, 'one slow-path call');
});

test('the barrier is left out for the fresh cell and kept, filtered, for the old holder', (t) => {
  const text = lowered();
  // Two ref stores: into %c (allocated in this block, no safepoint since) and into %old,
  // whose card the barrier marks with a byte store and no call.
  t.is([...text.matchAll(/store\.i8 /g)].length, 1);
  t.is([...text.matchAll(/call @/g)].length, 1, 'only the allocation slow path calls');
  t.regex(text, /icmp\.ult/, 'holder below the nursery');
  t.regex(text, /icmp\.uge/, 'value at or above it');
});
