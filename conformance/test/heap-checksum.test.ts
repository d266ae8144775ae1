// The conformance matrix's heap checksum: equal for the same object graph wherever a
// collector put it, different when a field, the sharing or a float's bits differ.
import test from 'ava';
import { BufferedOutput, Interpreter, MiB, parseModule, Program, type GarbageCollector } from '#framework';
import { reachableHeapChecksum } from '../src/oracle/heap-checksum.ts';
import { boehmCollector } from '../../plugins/gc-boehm/src/index.ts';
import { semispaceCollector } from '../../plugins/gc-semispace/src/index.ts';

/** Builds a -> b and c, where c is b again when `shared`; churns to make collections. */
const program = (value: number, last: string, shared: boolean): string => `
type :node = struct { value: i32, x: f64, next: ref, other: ref }
global @root: ref = 0
global @count: i32 = 0

func @main() -> i32 {
^entry:
  %b = new :node
  %v = iconst ${value}
  set :node.value, %b, %v
  %x = fconst ${last}
  set :node.x, %b, %x
  %a = new :node
  set :node.next, %a, %b
  ${shared ? 'set :node.other, %a, %b' : '%c = new :node\n  set :node.other, %a, %c'}
  gset @root, %a
  %i0 = iconst 0
  br ^loop(%i0)
^loop(%i: i32):
  %junk = new :node
  %one = iconst 1
  %j = iadd %i, %one
  %n = iconst 200
  %more = icmp.slt %j, %n
  brif %more, ^loop(%j), ^done
^done:
  ret %j
}
`;

function checksum(text: string, gc: GarbageCollector, gcStress: number): number {
  const m = parseModule(text, 'checksum.jir');
  const p = new Program(m, { gc, out: new BufferedOutput(), heapSize: MiB, stackSize: MiB / 4, gcStress });
  const interp = new Interpreter(p, {});
  try {
    interp.call('main', []);
    return reachableHeapChecksum(p);
  } finally {
    interp.dispose();
  }
}

test('the same graph has the same checksum wherever a moving collector left it', (t) => {
  const text = program(5, '2.5', true);
  const still = checksum(text, boehmCollector(), 0);
  t.is(checksum(text, semispaceCollector(), 1), still);
  t.is(checksum(text, semispaceCollector(), 7), still);
});

test('a different field, float bit or sharing changes the checksum; NaNs are one class', (t) => {
  const base = checksum(program(5, '2.5', true), boehmCollector(), 0);
  t.not(checksum(program(6, '2.5', true), boehmCollector(), 0), base);
  t.not(
    checksum(program(5, '-0.0', true), boehmCollector(), 0),
    checksum(program(5, '0.0', true), boehmCollector(), 0),
  );
  t.not(checksum(program(5, '2.5', false), boehmCollector(), 0), base);
  t.is(
    checksum(program(5, 'nan', true), boehmCollector(), 0),
    checksum(program(5, 'nan:0x7ff8000000000001', true), boehmCollector(), 0),
  );
});
