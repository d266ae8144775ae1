import test from 'ava';
import { FrameLayout } from '../../src/machine/frame-layout.ts';
import { FrameSlots } from '../../src/machine/frame-slot.ts';
import type { FramePolicy } from '../../src/machine/target.ts';

const ARM: FramePolicy = { wordSize: 4, stackAlignment: 8, returnAddress: 'register' };
const X86: FramePolicy = { wordSize: 8, stackAlignment: 16, returnAddress: 'pushed' };

test('a leaf function without spills has no frame at all', (t) => {
  for (const policy of [ARM, X86]) {
    const f = new FrameLayout([], 0, true, policy);
    t.is(f.size, 0);
    t.false(f.savesReturnAddress);
  }
  const arm = new FrameLayout([], 0, true, ARM);
  t.is(arm.returnAddressOffset, null);
  const x86 = new FrameLayout([], 0, true, X86);
  t.is(x86.returnAddressOffset, 0);
  t.is(x86.incomingArgOffset(0), 8);
});

test('ARM non-leaf: outgoing args at the bottom, f64 slots aligned, saved lr, aligned size', (t) => {
  const slots = new FrameSlots();
  const i1 = slots.create('i32', 'spill');
  const d1 = slots.create('f64', 'spill');
  const r1 = slots.create('ref', 'spill');
  const f = new FrameLayout(slots.all, 6, false, ARM);
  t.is(f.outgoingArgBytes, 8);
  t.is(f.offsetOf(d1), 8);
  t.deepEqual([f.offsetOf(i1), f.offsetOf(r1)].sort(), [16, 20]);
  t.true(f.savesReturnAddress);
  t.is(f.returnAddressOffset, 24);
  t.is(f.size, 32);
  t.is(f.callerSpOffset, 32);
  t.is(f.incomingArgOffset(4), 36);
  t.is(f.outgoingArgOffset(4), 4);
});

test('x86 non-leaf: the pushed return address sits above the frame, size keeps 16-byte call alignment', (t) => {
  const slots = new FrameSlots();
  slots.create('i32', 'spill');
  const f = new FrameLayout(slots.all, 0, false, X86);
  t.false(f.savesReturnAddress);
  t.is((f.size + 8) % 16, 0);
  t.is(f.returnAddressOffset, f.size);
  t.is(f.callerSpOffset, f.size + 8);
  const empty = new FrameLayout([], 0, false, X86);
  t.is(empty.size, 8);
});

test('slots of another frame are rejected', (t) => {
  const a = new FrameSlots(),
    b = new FrameSlots();
  a.create('i32', 'spill');
  const foreign = b.create('i32', 'spill');
  const f = new FrameLayout([], 0, true, ARM);
  t.throws(() => f.offsetOf(foreign));
});

test("'value' policy: the prologue saves nothing and the return address is wherever its slot is", (t) => {
  const VALUE: FramePolicy = { wordSize: 4, stackAlignment: 8, returnAddress: 'value' };
  const slots = new FrameSlots();
  const ra = slots.create('i32', 'spill');
  const other = slots.create('ref', 'spill');
  const f = new FrameLayout(slots.all, 0, false, VALUE, ra);
  t.false(f.savesReturnAddress);
  t.is(f.returnAddressOffset, f.offsetOf(ra));
  t.not(f.offsetOf(other), f.offsetOf(ra));
  t.is(f.size, 8);
  const noCalls = new FrameLayout([], 0, true, VALUE);
  t.is(noCalls.size, 0);
  t.is(noCalls.returnAddressOffset, null);
});
