// Cortex-A8 has no sdiv/udiv: its inline divide loop must compute exactly what the
// interpreter does, including INT_MIN / -1 (wraps), INT_MIN % -1 (0) and zero divisors (trap).
import test from 'ava';
import fc from 'fast-check';
import { testingPlugin } from '#framework/testing';
import armv7Plugin from '../src/plugin.ts';
import { prepareRun } from '#framework';
import { BufferedOutput, corePlugin, parseModule, Registry, MiB, Trap, type Engine, type RunConfig } from '#framework';

const OPS = ['sdiv', 'srem', 'udiv', 'urem'] as const;
const SOURCE = OPS.map(
  (op) => `func @${op}(%a: i32, %b: i32) -> i32 {\n^entry:\n  %r = ${op} %a, %b\n  ret %r\n}\n`,
).join('\n');
const registry = new Registry([corePlugin, testingPlugin, armv7Plugin]);

function engineFor(backend: string, cpu?: string): Engine {
  const config: RunConfig = { backend, gc: 'arena', optLevel: 0, heapSize: MiB, stackSize: MiB / 4, cpu };
  return prepareRun(registry, parseModule(SOURCE, 'divide.jir'), config, { out: new BufferedOutput() }).engine;
}

function outcome(engine: Engine, op: string, a: number, b: number): string {
  try {
    return String(engine.call(op, [a, b]));
  } catch (error) {
    if (error instanceof Trap) return `trap ${error.kind}`;
    throw error;
  }
}

/** Integers biased towards the edges: 0, ±1, INT_MIN, INT_MAX, powers of two and their neighbours. */
const edgy = fc.oneof(
  fc.constantFrom(0, 1, -1, 2, -2, 0x7fffffff, -0x80000000, -0x7fffffff, 0x40000000),
  fc
    .integer({ min: 0, max: 31 })
    .chain((k) => fc.constantFrom((1 << k) | 0, ((1 << k) - 1) | 0, ((1 << k) + 1) | 0, -(1 << k) | 0)),
  fc.integer({ min: -0x80000000, max: 0x7fffffff }),
  fc.integer({ min: -1000, max: 1000 }),
);

test('cortex-a8 software division matches the interpreter', (t) => {
  const interp = engineFor('interp');
  const arm = engineFor('armv7', 'cortex-a8');
  try {
    for (const op of OPS)
      for (const [a, b] of [
        [-0x80000000, -1],
        [5, 0],
        [0, 0],
        [-0x80000000, 0],
      ] as const) {
        t.is(outcome(arm, op, a, b), outcome(interp, op, a, b), `${op}(${a}, ${b})`);
      }
    fc.assert(
      fc.property(
        fc.constantFrom(...OPS),
        edgy,
        edgy,
        (op, a, b) => outcome(arm, op, a, b) === outcome(interp, op, a, b),
      ),
      { numRuns: 2000 },
    );
  } finally {
    arm.dispose();
    interp.dispose();
  }
});
