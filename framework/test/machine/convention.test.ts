// The shared argument assignment: each class fills its own registers, then the stack (4
// bytes per i32/ref, f64 8-aligned), and the area is rounded to 8.
import test from 'ava';
import { assignArgs, resultReg } from '../../src/machine/convention.ts';

const conv = { intArgs: [0, 1], floatArgs: [8], intResult: 0, floatResult: 8 };

test('classes are counted apart and overflow to aligned stack slots', (t) => {
  const { locs, stackBytes } = assignArgs(conv, ['i32', 'f64', 'i32', 'i32', 'f64', 'ref', 'f64']);
  t.deepEqual(locs, [
    { kind: 'reg', preg: 0 },
    { kind: 'reg', preg: 8 },
    { kind: 'reg', preg: 1 },
    { kind: 'stack', offset: 0 },
    { kind: 'stack', offset: 8 },
    { kind: 'stack', offset: 16 },
    { kind: 'stack', offset: 24 },
  ]);
  t.is(stackBytes, 32);
});

test('the stack area is a multiple of 8, and empty when registers suffice', (t) => {
  t.is(assignArgs(conv, ['i32', 'ref']).stackBytes, 0);
  t.is(assignArgs(conv, ['i32', 'i32', 'i32']).stackBytes, 8);
  t.deepEqual(assignArgs(conv, ['f64', 'f64']).locs[1], { kind: 'stack', offset: 0 });
});

test('results come back in the class result register', (t) => {
  t.is(resultReg(conv, 'f64'), 8);
  t.is(resultReg(conv, 'ref'), 0);
});
