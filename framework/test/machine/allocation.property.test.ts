import test from 'ava';
import fc from 'fast-check';
import { assertValid } from '../../src/ir/verify.ts';
import { sameF64 } from '../../src/ir/numeric.ts';
import type { ValType } from '../../src/ir/types.ts';
import type { FrameSlot } from '../../src/machine/frame-slot.ts';
import { NO_REG } from '../../src/machine/regs.ts';
import { buildFakeImage, type FakeImage } from './fake/fake-image.ts';
import { FakeSimulator } from './fake/fake-simulator.ts';
import { evaluateIr } from './ir-reference.ts';
import { liveAcrossCalls } from './ir-liveness.ts';
import { buildModule, funcRecipe, recipeCost, type FuncRecipe } from './random-ir.ts';

const argFor = (t: ValType): fc.Arbitrary<number> =>
  t === 'f64'
    ? fc.double()
    : t === 'ref'
      ? fc.oneof(
          fc.constant(0),
          fc.integer({ min: 1, max: 1000 }).map((x) => x * 4),
          fc.integer().map((x) => x | 1),
        )
      : fc.integer();

const program = fc
  .array(funcRecipe, { minLength: 1, maxLength: 4 })
  .filter((fs) => recipeCost(fs, fs.length - 1) < 20_000)
  .chain((funcs) =>
    fc.record({ funcs: fc.constant(funcs), args: fc.tuple(...funcs[funcs.length - 1]!.params.map(argFor)) }),
  );

const same = (t: ValType | null, a: number | undefined, b: number | undefined): boolean =>
  t === 'f64' ? sameF64(a!, b!) : a === b;

function compile(funcs: readonly FuncRecipe[]): { image: FakeImage; last: number } {
  const m = buildModule(funcs);
  assertValid(m);
  return { image: buildFakeImage(m, true), last: funcs.length - 1 };
}

test('allocated fake code computes what the IR computes, under a moving collector', (t) => {
  fc.assert(
    fc.property(program, ({ funcs, args }) => {
      const { image, last } = compile(funcs);
      const expected = evaluateIr(image.module, `f${last}`, args);
      const got = new FakeSimulator(image).run(last, args);
      return same(funcs[last]!.result, expected, got);
    }),
    { numRuns: 400 },
  );
  t.pass();
});

test('stack maps list exactly the ref values live across each call', (t) => {
  fc.assert(
    fc.property(program, ({ funcs }) => {
      const { image } = compile(funcs);
      image.module.funcs.forEach((func, i) => {
        const compiled = image.compiled[i]!;
        const mf = compiled.machine;
        const across = liveAcrossCalls(func);
        const slotOf = compiled.slotOf;
        for (const b of func.blocks) {
          const irCalls = b.insts.filter((x) => x.op.name === 'call');
          const machineCalls = compiled.code.blocks
            .filter((fb) => fb.block.irBlock === b)
            .flatMap((fb) => fb.insts.filter((fi) => fi.inst.call));
          if (irCalls.length !== machineCalls.length)
            throw new Error(
              `@${func.name} ^${b.name}: ${irCalls.length} IR calls, ${machineCalls.length} machine calls`,
            );
          irCalls.forEach((call, k) => {
            const expected = new Set<FrameSlot>();
            for (const v of across.get(call)!) {
              if (
                func.typeOf(v) !== 'ref' ||
                func.blocks.some((x) => x.insts.some((d) => d.result === v && d.op.name === 'rnull'))
              )
                continue;
              const slot = slotOf.get(mf.valueRegs.get(v)!);
              if (!slot) throw new Error(`@${func.name}: ref %${v} is live across a call without a spill slot`);
              expected.add(slot);
            }
            const listed = new Set(machineCalls[k]!.refSlots);
            if (listed.size !== expected.size || [...listed].some((s) => !expected.has(s))) {
              const listedIds = [...listed].map((s) => s.id);
              const expectedIds = [...expected].map((s) => s.id);
              throw new Error(
                `@${func.name} ^${b.name} call ${k}: stack map lists ${listedIds} but ${expectedIds} hold live refs`,
              );
            }
          });
        }
      });
    }),
    { numRuns: 200 },
  );
  t.pass();
});

test('no register holds two live values, and every stored value is reloaded', (t) => {
  fc.assert(
    fc.property(program, ({ funcs }) => {
      const { image } = compile(funcs);
      for (const c of image.compiled) {
        const byReg = new Map<number, { from: number; to: number; v: number }[]>();
        const pieces = c.allocation.pieces.flat().filter((p) => p.preg !== NO_REG);
        for (const p of pieces)
          for (const r of p.ranges) {
            let list = byReg.get(p.preg);
            if (!list) byReg.set(p.preg, (list = []));
            list.push({ ...r, v: p.vreg });
          }
        for (const [reg, list] of byReg) {
          list.sort((a, b) => a.from - b.from);
          for (let i = 1; i < list.length; i++) {
            if (list[i]!.from < list[i - 1]!.to)
              throw new Error(`${c.name}: v${list[i - 1]!.v} and v${list[i]!.v} share register ${reg}`);
          }
        }
        const stored = new Set<number>(),
          reloaded = new Set<number>();
        for (const fb of c.code.blocks)
          for (const fi of fb.insts) {
            if (fi.note.kind !== 'copy') continue;
            if (fi.note.dst.kind === 'slot' && fi.note.dst.slot.kind === 'spill') stored.add(fi.note.dst.slot.id);
            if (fi.note.src.kind === 'slot') reloaded.add(fi.note.src.slot.id);
          }
        for (const s of stored) if (!reloaded.has(s)) throw new Error(`${c.name}: slot ${s} is stored but never read`);
      }
    }),
    { numRuns: 200 },
  );
  t.pass();
});
