import test from 'ava';
import { parseModule } from '../../framework/src/ir/text/parser.ts';
import { boehmCollector } from '../../plugins/gc-boehm/src/index.ts';
import { runOnInterpreter } from '../src/oracle/run-interp.ts';

/** Bugs in the reference interpreter's runtime found by the differential checks, kept as regressions. */
const run = (src: string, name: string, args: number[]) =>
  runOnInterpreter(parseModule(src), name, args, { gc: boehmCollector(), fuel: 10_000, heapSize: 4 << 20 });

const HUGE_ARRAY = `
type :a = array i32
type :s = struct { x: i32 }
func @huge(%n: i32, %k: i32) -> i32 {
^entry:
  %arr = new_array :a, %n
  %s = new :s
  %five = iconst 5
  set :s.x, %s, %five
  %v = iconst 77
  aset :a, %arr, %k, %v
  %x = get :s.x, %s
  ret %x
}
`;

// TypeTable.arrayBytes aligns with 32-bit bit operations, so 8 + 4 * 0x7fffffff wraps to
// 8 bytes: the array is allocated with room for no element, yet its length word says
// 2147483647, and aset writes over the next object (here the struct's field becomes 77).
test('new_array whose byte size exceeds 2^32 traps out_of_memory instead of corrupting the heap', (t) => {
  const o = run(HUGE_ARRAY, 'huge', [0x7fffffff, 1]);
  t.like(o, { kind: 'trap', trap: 'out_of_memory' });
});

// The same wrap-around at 2^31 makes the size negative: the trap is bad_pointer.
test('new_array whose byte size exceeds 2^31 traps out_of_memory', (t) => {
  const o = run(HUGE_ARRAY, 'huge', [0x20000000, 0]);
  t.like(o, { kind: 'trap', trap: 'out_of_memory' });
});

// imul_ovf's evaluateChecked returns the JS product, -0 for a negative times zero; the
// check `r === (r | 0)` accepts it, so an i32 value is -0 (observable as the result).
test('imul_ovf of a negative number and zero gives the i32 0, not -0', (t) => {
  const o = run(
    `
func @f(%a: i32, %b: i32) -> i32 {
^entry:
  %r = imul_ovf %a, %b to ^ok(%r) ovf ^bad
^ok(%v: i32):
  ret %v
^bad:
  %z = iconst 99
  ret %z
}
`,
    'f',
    [-5, 0],
  );
  t.true(o.kind === 'value' && Object.is(o.value, 0));
});
