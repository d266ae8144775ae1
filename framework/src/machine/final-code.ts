import type { FrameSlot, FrameSlots } from './frame-slot.ts';
import type { LinearOrder } from './linear-order.ts';
import type { Loc } from './location.ts';
import type { MachBlock, MachFunction } from './machine-function.ts';
import { isFixed, isVirtual, withOperands, type BranchTarget, type MachInst, type Operand } from './machine-inst.ts';
import { sequentializeMoves, type MoveResources, type MoveStep, type ParallelMove } from './parallel-moves.ts';
import type { Allocation } from './regalloc-linear-scan.ts';
import type { Locations, MovePlan } from './resolve-moves.ts';
import { regClassOf, type PReg, type RegClass, type VReg } from './regs.ts';
import type { MachineTarget } from './target.ts';

/** Why an instruction of the final code is there (the allocation checker replays these). */
export type InstNote =
  | { readonly kind: 'inst'; readonly index: number }
  | { readonly kind: 'copy'; readonly dst: Loc; readonly src: Loc }
  | { readonly kind: 'remat'; readonly dst: PReg; readonly vreg: VReg };

export interface FinalInst<D> {
  /** Operands hold physical registers; their vregs stay for checking and printing. A move
   *  whose operands got the same register stays too, and the emitter skips it. */
  readonly inst: MachInst<D>;
  readonly note: InstNote;
  /** At calls: the slots holding refs that are live across the call. */
  readonly refSlots: readonly FrameSlot[];
}

export interface FinalBlock<D> {
  readonly block: MachBlock<D>;
  readonly insts: FinalInst<D>[];
}

/** Allocated code in layout order, moves included, ready to encode. */
export interface FinalCode<D> {
  readonly blocks: FinalBlock<D>[];
}

export interface AssembleInput<D, K> {
  readonly mf: MachFunction<D>;
  readonly linear: LinearOrder;
  readonly plan: MovePlan;
  readonly locs: Locations;
  readonly alloc: Allocation;
  readonly slots: FrameSlots;
  readonly target: MachineTarget<D, K>;
  /** The defining instruction of each rematerializable vreg. */
  readonly rematDefs: ReadonlyMap<VReg, MachInst<D>>;
}

/**
 * Rewrites every instruction to physical registers, sequentializes the planned parallel
 * moves into the target's move, load and store instructions, attaches stack maps to calls,
 * and finally threads branches through blocks that ended up as a bare jump.
 */
export function assembleFinalCode<D, K>(input: AssembleInput<D, K>): FinalCode<D> {
  const { mf, linear, plan, target } = input;
  const temps = new Map<RegClass, FrameSlot>();
  const res: MoveResources = {
    scratch: (cls) => target.regs[cls].scratch,
    tempSlot: (cls) => {
      let s = temps.get(cls);
      if (!s) temps.set(cls, (s = input.slots.create(cls === 'int' ? 'i32' : 'f64', 'move-temp')));
      return s;
    },
  };
  const refVregs = input.alloc.pieces
    .map((_, v) => v)
    .filter((v) => mf.vregs.typeOf(v) === 'ref' && !input.alloc.remat.has(v));
  const blocks: FinalBlock<D>[] = linear.order.map((id) => {
    const b = mf.blocks[id]!;
    const out: FinalInst<D>[] = [];
    const moves = (list: ParallelMove[] | undefined): void => {
      if (list) for (const step of sequentializeMoves(list, res)) out.push(stepInst(step, input));
    };
    moves(plan.atStart.get(id));
    b.insts.forEach((inst, i) => {
      const n = linear.index(id, i);
      moves(plan.gaps.get(n));
      if (i === b.insts.length - 1) moves(plan.atEnd.get(id));
      const operands = inst.operands.map((op) => physical(op, n, input));
      const refSlots = inst.call ? liveRefSlots(n, refVregs, input) : [];
      out.push({ inst: withOperands(inst, operands), note: { kind: 'inst', index: n }, refSlots });
    });
    return { block: b, insts: out };
  });
  return { blocks: threadJumps(blocks) };
}

/** A move whose source and destination got one register: kept for the checker, never encoded. */
export function isNoOpMove(operands: readonly Operand[]): boolean {
  const d = operands.find((o) => o.kind === 'def'),
    u = operands.find((o) => o.kind === 'use');
  return d !== undefined && u !== undefined && d.preg === u.preg;
}

function physical<D, K>(op: Operand, n: number, input: AssembleInput<D, K>): Operand {
  if (!isVirtual(op) || isFixed(op) || op.through) return op;
  const pos = op.kind === 'use' || op.early ? 2 * n : 2 * n + 1;
  const piece = input.locs.piece(op.vreg, pos);
  if (!piece || piece.onStack) throw new Error(`${input.mf.name}: v${op.vreg} has no register at position ${pos}`);
  return { ...op, preg: piece.preg };
}

function stepInst<D, K>(step: MoveStep, input: AssembleInput<D, K>): FinalInst<D> {
  const { target } = input;
  if (step.op === 'remat') {
    const d = input.rematDefs.get(step.vreg);
    if (!d) throw new Error(`v${step.vreg} has no rematerializable definition`);
    const inst = withOperands(
      d,
      d.operands.map((o) => (o.kind === 'def' ? { ...o, preg: step.dst } : o)),
    );
    return { inst, note: { kind: 'remat', dst: step.dst, vreg: step.vreg }, refSlots: [] };
  }
  const { dst, src, type } = step;
  let inst: MachInst<D>;
  if (dst.kind === 'reg' && src.kind === 'reg') inst = target.move(regClassOf(type), dst.preg, src.preg);
  else if (dst.kind === 'reg' && src.kind === 'slot') inst = target.load(type, dst.preg, src.slot);
  else if (dst.kind === 'slot' && src.kind === 'reg') inst = target.store(type, dst.slot, src.preg);
  else throw new Error('slot-to-slot copy reached the target');
  return { inst, note: { kind: 'copy', dst, src }, refSlots: [] };
}

/** Ref vregs live across the call at instruction n, which must all be in their slots. */
function liveRefSlots<D, K>(n: number, refVregs: readonly VReg[], input: AssembleInput<D, K>): FrameSlot[] {
  const slots: FrameSlot[] = [];
  for (const v of refVregs) {
    const across = input.locs.piece(v, 2 * n + 1);
    if (!across || !input.locs.piece(v, 2 * n)) continue;
    if (!across.onStack)
      throw new Error(
        `${input.mf.name}: ref v${v} stays in a register across a call; calls must clobber every allocatable register`,
      );
    const s = input.locs.slot(v);
    if (!slots.includes(s)) slots.push(s);
  }
  return slots;
}

/** Branches to a parameterless block that holds only a jump go straight to the jump's target. */
function threadJumps<D>(blocks: FinalBlock<D>[]): FinalBlock<D>[] {
  const forward = new Map<MachBlock<D>, BranchTarget>();
  for (const fb of blocks.slice(1)) {
    const only = fb.insts.length === 1 ? fb.insts[0]!.inst : undefined;
    if (only?.jump && fb.block.params.length === 0) forward.set(fb.block, only.targets[0]!);
  }
  const resolve = (t: BranchTarget): BranchTarget => {
    let r = t;
    for (let hops = 0; hops <= forward.size; hops++) {
      const next = forward.get(r.block as MachBlock<D>);
      if (!next) return r;
      r = next;
    }
    return t; // A cycle of empty blocks: an endless loop the program asked for.
  };
  for (const fb of blocks) {
    fb.insts.forEach((fi, i) => {
      if (fi.inst.targets.length === 0) return;
      fb.insts[i] = { ...fi, inst: { ...fi.inst, targets: fi.inst.targets.map(resolve) } };
    });
  }
  const referenced = new Set<MachBlock<unknown>>([blocks[0]!.block]);
  for (const fb of blocks) for (const fi of fb.insts) for (const t of fi.inst.targets) referenced.add(t.block);
  return blocks.filter((fb) => referenced.has(fb.block));
}
