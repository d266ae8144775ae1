import type { Func, Module } from '../ir/module.ts';
import { buildIntervals, type IntervalSet } from './build-intervals.ts';
import { checkAllocation } from './alloc-checker.ts';
import type { CodeBuffer } from './code-buffer.ts';
import { splitCriticalEdges } from './critical-edges.ts';
import { emitCode } from './emit.ts';
import { assembleFinalCode, isNoOpMove, type FinalCode } from './final-code.ts';
import { FrameLayout } from './frame-layout.ts';
import { FrameSlots, type FrameSlot } from './frame-slot.ts';
import { LinearOrder } from './linear-order.ts';
import { Liveness } from './liveness.ts';
import { lowerFunction } from './lowering-context.ts';
import { findLoops, type Loops } from './loop-depth.ts';
import { callsAheadIn, layoutOrder, MachCfg, reversePostorder } from './machine-cfg.ts';
import type { MachBlock, MachFunction } from './machine-function.ts';
import type { MachInst } from './machine-inst.ts';
import { allocateRegisters, type Allocation } from './regalloc-linear-scan.ts';
import { REG_CLASSES, type PReg, type RegClass, type VReg } from './regs.ts';
import { Locations, planMoves } from './resolve-moves.ts';
import { assignSpillSlots } from './spill-slots.ts';
import type { FrameDescriptor } from './stack-maps.ts';
import type { MachineTarget } from './target.ts';
import { insertReuseCopies, vregMoveFrom } from './tied-operands.ts';

export interface CompileOptions {
  /** Replays the allocated code symbolically and throws on any misallocation. */
  check?: boolean;
}

export interface AllocationStats {
  /** Spill stores in the code (one per spilled value, plus stack-resident parameters per edge). */
  stores: number;
  reloads: number;
  moves: number;
  remats: number;
  spillSlots: number;
}

export interface CompiledFunction<D, K> extends AllocatedFunction<D> {
  readonly name: string;
  /** Unfinished: place it with `buffer.finish(base, target.patch)`. */
  readonly buffer: CodeBuffer<K>;
  /** One per call site, with function-relative return offsets. */
  readonly stackMaps: FrameDescriptor[];
  /** Function-relative start of each laid-out block. */
  readonly blockOffsets: ReadonlyMap<MachBlock, number>;
  /** Function-relative byte ranges of the innermost loops, from the header's start to the
   *  end of the last block that jumps back to it (for placement: docs/cost-model.md). */
  readonly innerLoops: readonly CodeRange[];
  readonly stats: AllocationStats;
}

/** The allocated form of a machine function (everything before encoding). */
export interface AllocatedFunction<D> {
  /** After lowering, edge splitting and reuse copies: what was allocated. */
  readonly machine: MachFunction<D>;
  readonly intervals: IntervalSet;
  /** Found against the reverse postorder (LinearOrder.loopOrder). */
  readonly loops: Loops;
  readonly allocation: Allocation;
  readonly slotOf: ReadonlyMap<VReg, FrameSlot>;
  readonly code: FinalCode<D>;
  readonly frame: FrameLayout;
}

/**
 * The whole machine pipeline for one function: lower → split critical edges → liveness →
 * live intervals → linear scan → spill slots → move planning → parallel-move
 * sequentialization → frame layout → encoding with fixups and stack maps.
 */
export function compileFunction<D, K>(
  target: MachineTarget<D, K>,
  module: Module,
  func: Func,
  options: CompileOptions = {},
): CompiledFunction<D, K> {
  const mf = lowerFunction<D>(module, func, (f, ctx) => target.lower(f, ctx));
  const allocated = allocateFunction(target, mf, options);
  const { buffer, stackMaps, blockOffsets } = emitCode(target, allocated.code, allocated.frame);
  return {
    ...allocated,
    name: func.name,
    buffer,
    stackMaps,
    blockOffsets,
    innerLoops: innerLoopRanges(allocated, blockOffsets, buffer.offset),
    stats: countStats(allocated.code, allocated.frame),
  };
}

/** Register allocation and everything that depends on it, for an already lowered function. */
export function allocateFunction<D, K>(
  target: MachineTarget<D, K>,
  mf: MachFunction<D>,
  options: CompileOptions = {},
): AllocatedFunction<D> {
  dropUnusedConstants(mf);
  splitCriticalEdges(mf, (to) => target.jump(to));
  const anyReg = (cls: RegClass): PReg => target.regs[cls].allocatable[0] ?? target.regs[cls].scratch[0]!;
  insertReuseCopies(
    mf,
    vregMoveFrom((cls) => target.move(cls, anyReg(cls), anyReg(cls))),
  );
  const cfg = new MachCfg(mf);
  const rpo = reversePostorder(cfg);
  // Loops are found against the plain reverse postorder, before cold blocks move to the end
  // (LinearOrder.loopOrder), once for the layout, the allocator, spill stores and placement.
  const loops = findLoops(cfg, rpo);
  const marked = (id: number): boolean => mf.blocks[id]!.irBlock?.cold === true;
  const order = layoutOrder(cfg, rpo, loops.depth, callsAheadIn(mf, cfg), marked);
  const linear = new LinearOrder(mf, order, rpo);
  const live = new Liveness(mf, order);
  const allocatable = new Set<PReg>(REG_CLASSES.flatMap((c) => target.regs[c].allocatable));
  const intervals = buildIntervals(mf, linear, live, allocatable);
  const rematDefs = rematerializable(mf);
  const regs = { int: target.regs.int.allocatable, float: target.regs.float.allocatable };
  const allocation = allocateRegisters(intervals, regs, new Set(rematDefs.keys()), cfg.preds, loops);
  const slots = new FrameSlots();
  const slotOf = assignSpillSlots(mf, cfg, intervals, allocation, slots);
  const locs = new Locations(allocation, slotOf);
  const plan = planMoves(mf, cfg, intervals, live, allocation, locs, loops);
  const code = assembleFinalCode({ mf, linear, plan, locs, alloc: allocation, slots, target, rematDefs });
  const raSlot = mf.returnAddress === undefined ? undefined : slotOf.get(mf.returnAddress);
  if (target.frame.returnAddress === 'value' && mf.returnAddress === undefined)
    throw new Error(`${mf.name}: lowering did not define the return address`);
  const frame = new FrameLayout(slots.all, mf.outgoingArgBytes, mf.isLeaf, target.frame, raSlot);
  if (options.check) checkAllocation(mf, code);
  return { machine: mf, intervals, loops, allocation, slotOf, code, frame };
}

/** A byte range of a function's code, [start, end). */
export interface CodeRange {
  readonly start: number;
  readonly end: number;
}

/** The code ranges of loops that hold no other loop's header (see CompiledFunction), in
 *  time linear in blocks × loop depth: huge generated functions have many loops. */
function innerLoopRanges<D>(
  allocated: AllocatedFunction<D>,
  offsets: ReadonlyMap<MachBlock, number>,
  size: number,
): CodeRange[] {
  const { machine: mf, intervals, loops } = allocated;
  const order = intervals.linear.order;
  const isHeader = (b: number): boolean => loops.latches[b]!.length > 0;
  // A loop is not innermost when a block of its body heads another loop.
  const holdsLoop = new Uint8Array(mf.blocks.length);
  loops.headers.forEach((hs, b) => {
    if (isHeader(b)) for (const h of hs) if (h !== b) holdsLoop[h] = 1;
  });
  const next = new Map<number, number>();
  order.forEach((id, k) => next.set(id, k + 1 < order.length ? offsets.get(mf.blocks[order[k + 1]!]!)! : size));
  const ranges: CodeRange[] = [];
  loops.latches.forEach((latches, header) => {
    if (latches.length === 0 || holdsLoop[header]) return;
    const start = offsets.get(mf.blocks[header]!)!;
    const end = Math.max(...latches.map((l) => next.get(l)!));
    if (end > start) ranges.push({ start, end });
  });
  return ranges;
}

/** Removes constants nothing reads: a target may fold an IR constant into the instruction
 *  using it (an immediate index, say), leaving the constant's own definition dead. */
function dropUnusedConstants<D>(mf: MachFunction<D>): void {
  const used = new Set<VReg>();
  for (const b of mf.blocks) {
    for (const inst of b.insts) {
      for (const o of inst.operands) if (o.kind === 'use') used.add(o.vreg);
      for (const t of inst.targets) for (const v of t.args) used.add(v);
    }
  }
  for (const b of mf.blocks) {
    if (!b.insts.some((i) => i.remat && !used.has(i.operands[0]!.vreg))) continue;
    b.insts = b.insts.filter((i) => !(i.remat && !used.has(i.operands[0]!.vreg)));
  }
}

function rematerializable<D>(mf: MachFunction<D>): Map<VReg, MachInst<D>> {
  const out = new Map<VReg, MachInst<D>>();
  for (const b of mf.blocks) {
    for (const inst of b.insts) {
      if (!inst.remat) continue;
      const defs = inst.operands.filter((o) => o.kind === 'def');
      if (defs.length !== 1 || inst.operands.some((o) => o.kind === 'use') || defs[0]!.preg !== -1) {
        throw new Error(
          `${mf.name}: a rematerializable instruction must have exactly one unconstrained def and no uses`,
        );
      }
      out.set(defs[0]!.vreg, inst);
    }
  }
  return out;
}

function countStats<D>(code: FinalCode<D>, frame: FrameLayout): AllocationStats {
  const stats: AllocationStats = { stores: 0, reloads: 0, moves: 0, remats: 0, spillSlots: frame.slotCount };
  for (const fb of code.blocks) {
    for (const fi of fb.insts) {
      const n = fi.note;
      if (n.kind === 'remat') stats.remats++;
      else if (n.kind === 'copy') {
        if (n.dst.kind === 'slot') stats.stores++;
        else if (n.src.kind === 'slot') stats.reloads++;
        else stats.moves++;
      } else if (fi.inst.move && !isNoOpMove(fi.inst.operands)) stats.moves++;
    }
  }
  return stats;
}
