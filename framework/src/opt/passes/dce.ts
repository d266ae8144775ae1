import type { Block, Func, Inst } from '../../ir/module.ts';
import { functionPass, type Pass } from '../pass.ts';
import { argIndexForParam, incomingEdges, unwindTargets, type Edge } from './support/edges.ts';
import { isIntDivision } from './support/division.ts';
import { removeBlockParams } from './support/params.ts';

/**
 * Dead code elimination by marking: a value is live when an instruction that must stay
 * uses it, when a live pure instruction uses it, or when it is passed to a live block
 * parameter. Pure instructions with dead results are removed, and so are dead block
 * parameters with their arguments on every edge — which also catches values that only
 * circle around a loop. Nothing that traps, allocates, calls or touches memory is
 * removed; the exceptions are a division by a non-zero constant and a read of a global,
 * which cannot trap.
 */
export const dce: Pass = functionPass('dce', 'removes unused pure instructions and unused block parameters', (f) =>
  eliminateFunction(f),
);

function eliminateFunction(f: Func): boolean {
  const isRemovable = removableTest(f);
  const live = markLive(f, isRemovable);
  let changed = false;
  for (const b of f.blocks) {
    const kept = b.insts.filter((inst) => !isRemovable(inst) || live.has(inst.result));
    if (kept.length !== b.insts.length) {
      b.insts = kept;
      changed = true;
    }
  }
  if (removeBlockParams(f, deadParams(f, live))) changed = true;
  return changed;
}

function markLive(f: Func, isRemovable: (inst: Inst) => boolean): Set<number> {
  const definers = new Map<number, Inst>();
  const paramOwner = new Map<number, { block: Block; index: number }>();
  for (const b of f.blocks) {
    b.params.forEach((p, index) => paramOwner.set(p, { block: b, index }));
    for (const inst of b.insts) if (inst.result >= 0) definers.set(inst.result, inst);
  }
  const incoming = incomingEdges(f);
  const live = new Set<number>();
  const work: number[] = [];
  const mark = (v: number): void => {
    if (live.has(v)) return;
    live.add(v);
    work.push(v);
  };
  for (const b of f.blocks) {
    for (const inst of b.insts) if (!isRemovable(inst)) inst.args.forEach(mark);
  }
  // Parameters that cannot be removed keep their incoming arguments alive.
  for (const [b, index] of pinnedParams(f)) mark(b.params[index]!);
  while (work.length > 0) {
    const v = work.pop()!;
    const def = definers.get(v);
    if (def && isRemovable(def)) def.args.forEach(mark);
    const owner = paramOwner.get(v);
    if (owner) for (const e of incoming.get(owner.block)!) markArgument(e, owner.index, mark);
  }
  return live;
}

function markArgument(e: Edge, param: number, mark: (v: number) => void): void {
  const a = argIndexForParam(e.inst, e.index, param);
  if (a >= 0) mark(e.target.args[a]!);
}

/** The entry's parameters are the function's; an unwind target's first is the exception. */
function pinnedParams(f: Func): [Block, number][] {
  const pinned: [Block, number][] = [];
  const entry = f.blocks[0];
  entry?.params.forEach((_, i) => pinned.push([entry, i]));
  for (const b of unwindTargets(f)) if (b !== entry && b.params.length > 0) pinned.push([b, 0]);
  return pinned;
}

function deadParams(f: Func, live: Set<number>): Map<Block, Set<number>> {
  const dead = new Map<Block, Set<number>>();
  for (const b of f.blocks) {
    const positions = new Set<number>();
    b.params.forEach((p, i) => {
      if (!live.has(p)) positions.add(i);
    });
    if (positions.size > 0) dead.set(b, positions);
  }
  return dead;
}

/** Whether an instruction may go when its result is unused. */
function removableTest(f: Func): (inst: Inst) => boolean {
  const intConsts = new Map<number, number>();
  for (const b of f.blocks)
    for (const inst of b.insts) if (inst.op.name === 'iconst') intConsts.set(inst.result, inst.imm);
  const isSafeDivision = (inst: Inst): boolean => {
    if (!isIntDivision(inst.op)) return false;
    const divisor = intConsts.get(inst.args[1]!);
    return divisor !== undefined && divisor !== 0;
  };
  return (inst) => {
    if (inst.isTerminator || inst.result < 0) return false;
    // A global's read cannot trap: unused, it goes too.
    return inst.op.pure || isSafeDivision(inst) || inst.op.name === 'gget';
  };
}
