import type { Cfg } from '../cfg.ts';
import type { Func, Inst } from '../module.ts';
import { reportAt, valueName, type FuncContext } from './context.ts';

/** Operations whose result is still an address when an operand is: pointer arithmetic.
 *  (Pointers carry no tag bits, so masking one gives a tag or a flag, not an address; a
 *  `select` of bits is how code observes a ref as a number, e.g. -1 for any pointer.) */
const KEEPS_ADDRESS = new Set(['iadd', 'isub']);

/**
 * No derived pointer may live across an instruction that may collect. A `ref.bits` value,
 * or an address computed from one, is an integer: no stack map lists it, so a moving
 * collector cannot update it, and after the collection it names where the object was.
 * The code must keep the ref and take its bits again after the call.
 *
 * Any call of a function may collect (the verifier sees one function at a time, and
 * compiled code treats every call as a safepoint); an extern may when it says `collects`.
 */
export function checkDerivedPointers(ctx: FuncContext, cfg: Cfg): void {
  const derived = derivedValues(ctx.f);
  if (derived.size === 0) return;
  const { blocks } = cfg;
  const index = new Map(blocks.map((b, i) => [b, i]));
  const liveIn = blocks.map(() => new Set<number>());
  const liveOut = (bi: number): Set<number> => {
    const live = new Set<number>();
    for (const target of blocks[bi]!.insts.at(-1)?.targets ?? []) {
      const si = index.get(target.block);
      if (si !== undefined) for (const v of liveIn[si]!) live.add(v);
    }
    return live;
  };
  const reported = new Set<string>();
  const transfer = (bi: number, report: boolean): Set<number> => {
    const block = blocks[bi]!;
    const live = liveOut(bi);
    for (let i = block.insts.length - 1; i >= 0; i--) {
      const inst = block.insts[i]!;
      // A terminator's edge arguments are passed after it: after the call, for a fused one.
      for (const target of inst.targets) for (const v of target.args) if (derived.has(v)) live.add(v);
      live.delete(inst.result);
      if (report && mayCollect(ctx, inst)) {
        for (const v of live) {
          const key = `${bi}:${i}:${v}`;
          if (reported.has(key)) continue;
          reported.add(key);
          reportAt(
            ctx,
            { block, index: i, inst },
            `${valueName(ctx.f, v)} is derived from ref.bits and live across this ${inst.op.name}, ` +
              'which may collect (a moving collector would leave it stale): take the bits again after it',
          );
        }
      }
      for (const v of inst.args) if (derived.has(v)) live.add(v);
    }
    for (const p of block.params) live.delete(p);
    return live;
  };
  for (let changed = true; changed; ) {
    changed = false;
    for (let bi = blocks.length - 1; bi >= 0; bi--) {
      const live = transfer(bi, false);
      if (live.size !== liveIn[bi]!.size) {
        liveIn[bi] = live;
        changed = true;
      }
    }
  }
  for (let bi = 0; bi < blocks.length; bi++) transfer(bi, true);
}

function mayCollect(ctx: FuncContext, inst: Inst): boolean {
  if (!inst.op.collects) return false;
  if (inst.op.name !== 'call' && inst.op.name !== 'tail_call') return true;
  const ext = ctx.m.extern(inst.sym);
  return ext ? ext.collects : true;
}

/** The ref.bits results, and what arithmetic and block parameters carry them on. */
/** The values that are pointer bits: `ref.bits` results and addresses computed from them. */
export function derivedValues(f: Func): Set<number> {
  const derived = new Set<number>();
  for (let changed = true; changed; ) {
    changed = false;
    const add = (v: number): void => {
      if (v < 0 || derived.has(v)) return;
      derived.add(v);
      changed = true;
    };
    for (const block of f.blocks) {
      for (const inst of block.insts) {
        const name = inst.op.name;
        if (name === 'ref.bits') add(inst.result);
        else if (KEEPS_ADDRESS.has(name) && inst.args.some((a) => derived.has(a))) add(inst.result);
        for (const target of inst.targets) {
          target.args.forEach((a, i) => {
            if (derived.has(a)) add(target.block.params[i] ?? -1);
          });
        }
      }
    }
  }
  return derived;
}
