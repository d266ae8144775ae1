import test from 'ava';
import fc from 'fast-check';
import { FrameSlots, type FrameSlot } from '../../src/machine/frame-slot.ts';
import { locKey, type Loc, type MoveSource } from '../../src/machine/location.ts';
import { sequentializeMoves, type MoveStep, type ParallelMove } from '../../src/machine/parallel-moves.ts';
import type { RegClass, VRegType } from '../../src/machine/regs.ts';

const INT_REGS = [0, 1, 2, 3];
const FLOAT_REGS = [8, 9, 10];
const INT_SCRATCH = [4, 5];
const FLOAT_SCRATCH = [11, 12];

const slots = new FrameSlots();
const INT_SLOTS = [0, 1, 2, 3].map(() => slots.create('i32', 'spill'));
const FLOAT_SLOTS = [0, 1].map(() => slots.create('f64', 'spill'));

const reg = (preg: number): Loc => ({ kind: 'reg', preg });
const slot = (s: FrameSlot): Loc => ({ kind: 'slot', slot: s });

function locations(cls: RegClass): Loc[] {
  return cls === 'int'
    ? [...INT_REGS.map(reg), ...INT_SLOTS.map(slot)]
    : [...FLOAT_REGS.map(reg), ...FLOAT_SLOTS.map(slot)];
}

interface Run {
  steps: MoveStep[];
  tempSlots: FrameSlot[];
}

function sequentialize(moves: ParallelMove[], scratchCount: number): Run {
  const tempSlots: FrameSlot[] = [];
  const steps = sequentializeMoves(moves, {
    scratch: (cls) => (cls === 'int' ? INT_SCRATCH : FLOAT_SCRATCH).slice(0, scratchCount),
    tempSlot: (cls) => {
      const s = slots.create(cls === 'int' ? 'i32' : 'f64', 'move-temp');
      tempSlots.push(s);
      return s;
    },
  });
  return { steps, tempSlots };
}

/** Executes steps over symbolic contents: every location starts holding its own name. */
function execute(steps: MoveStep[]): Map<string, string> {
  const state = new Map<string, string>();
  const read = (l: Loc): string => state.get(locKey(l)) ?? locKey(l);
  for (const s of steps) {
    if (s.op === 'remat') state.set(`r${s.dst}`, `remat${s.vreg}`);
    else {
      if (s.src.kind === 'slot' && s.dst.kind === 'slot') throw new Error('slot-to-slot step');
      state.set(locKey(s.dst), read(s.src));
    }
  }
  return state;
}

const expectedValue = (src: MoveSource): string => (src.kind === 'remat' ? `remat${src.vreg}` : locKey(src));

const parallelMove = (cls: RegClass): fc.Arbitrary<ParallelMove[]> => {
  const locs = locations(cls);
  const type: VRegType = cls === 'int' ? 'i32' : 'f64';
  return fc
    .uniqueArray(fc.nat(locs.length - 1), { maxLength: locs.length })
    .chain((dsts) =>
      fc
        .tuple(
          ...dsts.map(() =>
            fc.oneof(
              { weight: 6, arbitrary: fc.nat(locs.length - 1).map((i): MoveSource => locs[i]!) },
              { weight: 1, arbitrary: fc.nat(3).map((v): MoveSource => ({ kind: 'remat', vreg: v })) },
            ),
          ),
        )
        .map((srcs) => dsts.map((d, k): ParallelMove => ({ dst: locs[d]!, src: srcs[k]!, type }))),
    );
};

test('sequential steps have the effect of the parallel move', (t) => {
  fc.assert(
    fc.property(
      parallelMove('int'),
      parallelMove('float'),
      fc.integer({ min: 1, max: 2 }),
      (ints, floats, scratchCount) => {
        const moves = [...ints, ...floats];
        const { steps } = sequentialize(moves, scratchCount);
        const state = execute(steps);
        const written = new Set(moves.map((m) => locKey(m.dst)));
        for (const m of moves) if ((state.get(locKey(m.dst)) ?? locKey(m.dst)) !== expectedValue(m.src)) return false;
        // Nothing else changes, except scratch registers and temporaries.
        return [...locations('int'), ...locations('float')].every(
          (l) => written.has(locKey(l)) || (state.get(locKey(l)) ?? locKey(l)) === locKey(l),
        );
      },
    ),
    { numRuns: 500 },
  );
  t.pass();
});

test('a register swap goes through the scratch register, no slot', (t) => {
  const { steps, tempSlots } = sequentialize(
    [
      { dst: reg(0), src: reg(1), type: 'i32' },
      { dst: reg(1), src: reg(0), type: 'i32' },
    ],
    1,
  );
  t.is(steps.length, 3);
  t.is(tempSlots.length, 0);
  t.true(steps.some((s) => s.op === 'copy' && s.dst.kind === 'reg' && s.dst.preg === INT_SCRATCH[0]));
});

test('a cycle through slots needs a temporary slot with one scratch register, not with two', (t) => {
  const cycle: ParallelMove[] = [
    { dst: slot(INT_SLOTS[0]!), src: slot(INT_SLOTS[1]!), type: 'i32' },
    { dst: slot(INT_SLOTS[1]!), src: slot(INT_SLOTS[0]!), type: 'i32' },
  ];
  t.is(sequentialize(cycle, 1).tempSlots.length, 1);
  const two = sequentialize(cycle, 2);
  t.is(two.tempSlots.length, 0);
  const state = execute(two.steps);
  t.is(state.get(`s${INT_SLOTS[0]!.id}`), `s${INT_SLOTS[1]!.id}`);
  t.is(state.get(`s${INT_SLOTS[1]!.id}`), `s${INT_SLOTS[0]!.id}`);
});

test('a chain needs no temporary and moves nothing twice', (t) => {
  const { steps, tempSlots } = sequentialize(
    [
      { dst: reg(1), src: reg(0), type: 'i32' },
      { dst: reg(2), src: reg(1), type: 'i32' },
      { dst: reg(3), src: reg(2), type: 'i32' },
      { dst: reg(0), src: reg(0), type: 'i32' },
    ],
    1,
  );
  t.is(tempSlots.length, 0);
  t.deepEqual(
    steps.map((s) => (s.op === 'copy' ? `${locKey(s.dst)}←${locKey(s.src)}` : 'remat')),
    ['r3←r2', 'r2←r1', 'r1←r0'],
  );
});

test('two writes to one destination are rejected', (t) => {
  t.throws(() =>
    sequentialize(
      [
        { dst: reg(1), src: reg(0), type: 'i32' },
        { dst: reg(1), src: reg(2), type: 'i32' },
      ],
      1,
    ),
  );
});
