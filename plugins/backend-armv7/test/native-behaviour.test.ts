// What the armv7 backend guarantees beyond the file tests: constant stack for tail
// recursion, exceptions across native frames, far globals. (Traps naming the function and
// instruction counts are in the backend suite, #conformance's nativeBackendSuite.)
import test from 'ava';
import { runJir } from './run-helper.ts';

const TAIL_LOOP = `
func @loop(%n: i32, %acc: i32) -> i32 {
^entry:
  %zero = iconst 0
  %done = icmp.eq %n, %zero
  brif %done, ^out, ^more
^out:
  ret %acc
^more:
  %one = iconst 1
  %m = isub %n, %one
  %a = iadd %acc, %n
  tail_call @loop(%m, %a)
}
`;

test('a tail-recursive loop of 10^7 iterations runs in a 64 KiB stack', (t) => {
  const { outcome } = runJir('armv7', TAIL_LOOP, 'loop', [10_000_000, 0], { stackSize: 64 * 1024 });
  t.deepEqual(outcome, { value: (50_000_005_000_000 % 2 ** 32) | 0 });
});

const EXCEPTIONS = `
func @thrower(%x: i32) -> i32 {
^entry:
  %zero = iconst 0
  %bad = icmp.slt %x, %zero
  brif %bad, ^raise, ^ok
^raise:
  %e = ref.from_bits %x
  raise %e
^ok:
  ret %x
}

func @middle(%x: i32) -> i32 {
^entry:
  %r = call @thrower(%x)
  %one = iconst 1
  %s = iadd %r, %one
  ret %s
}

func @catcher(%x: i32) -> i32 {
^entry:
  %r = call @middle(%x) to ^ok(%r) unwind ^h
^ok(%v: i32):
  ret %v
^h(%e: ref):
  %b = ref.bits %e
  %k = iconst 1000
  %s = isub %b, %k
  ret %s
}
`;

test('an exception crosses a native frame to a fused call handler', (t) => {
  t.deepEqual(runJir('armv7', EXCEPTIONS, 'catcher', [5]).outcome, { value: 6 });
  t.deepEqual(runJir('armv7', EXCEPTIONS, 'catcher', [-3]).outcome, { value: -1003 });
  t.like(runJir('armv7', EXCEPTIONS, 'middle', [-3]).outcome, { trap: 'uncaught_exception' });
});

// Globals are reached from the pinned static-base register: the first ones with one load,
// those past the reach of an immediate offset (4095 bytes, 1020 for doubles) through ip.
// Writes and reads at both ends must meet, whatever the reach.
test('globals near and far from the static base, i32 and f64, ref globals after GC lowering', (t) => {
  const count = 700;
  const decls = Array.from({ length: count }, (_, i) =>
    i % 7 === 3 ? `global @g${i}: f64 = 0.5` : i % 7 === 5 ? `global @g${i}: ref = 0` : `global @g${i}: i32 = ${i}`,
  );
  const isInt = (i: number): boolean => i % 7 !== 3 && i % 7 !== 5;
  const body: string[] = ['^entry:', '  %acc0 = iconst 0'];
  let acc = 0;
  for (let i = 0; i < count; i++) {
    if (isInt(i)) {
      body.push(
        `  %v${i} = gget @g${i}`,
        `  %w${i} = iadd %v${i}, %v${i}`,
        `  gset @g${i}, %w${i}`,
        `  %r${i} = gget @g${i}`,
        `  %acc${acc + 1} = iadd %acc${acc}, %r${i}`,
      );
    } else if (i % 7 === 3) {
      body.push(
        `  %f${i} = gget @g${i}`,
        `  %h${i} = fadd %f${i}, %f${i}`,
        `  gset @g${i}, %h${i}`,
        `  %e${i} = gget @g${i}`,
        `  %x${i} = f2i %e${i}`,
        `  %acc${acc + 1} = iadd %acc${acc}, %x${i}`,
      );
    } else {
      body.push(
        `  %n${i} = iconst ${2 * i + 1}`,
        `  %q${i} = ref.from_bits %n${i}`,
        `  gset @g${i}, %q${i}`,
        `  %p${i} = gget @g${i}`,
        `  %b${i} = ref.bits %p${i}`,
        `  %acc${acc + 1} = iadd %acc${acc}, %b${i}`,
      );
    }
    acc++;
  }
  body.push(`  ret %acc${acc}`);
  const text = `${decls.join('\n')}\nfunc @main() -> i32 {\n${body.join('\n')}\n}\n`;
  let expected = 0;
  for (let i = 0; i < count; i++) expected += isInt(i) ? 2 * i : i % 7 === 3 ? 1 : 2 * i + 1;
  t.deepEqual(runJir('armv7', text, 'main', []).outcome, { value: expected });
  t.deepEqual(runJir('interp', text, 'main', []).outcome, { value: expected });
});
