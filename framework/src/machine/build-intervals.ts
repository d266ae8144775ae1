import { LinearOrder } from './linear-order.ts';
import { LiveInterval, type LiveRange, type UsePosition } from './live-interval.ts';
import type { Liveness } from './liveness.ts';
import type { MachFunction } from './machine-function.ts';
import { isFixed, isVirtual } from './machine-inst.ts';
import type { PReg, VReg } from './regs.ts';

/** A preference, for the piece around position `at`, for a fixed register or for wherever
 *  another vreg is at position `pos`. */
export type Hint =
  | { readonly at: number; readonly preg: PReg }
  | { readonly at: number; readonly vreg: VReg; readonly pos: number };

/** Where a virtual register gets its value. */
export type DefSite =
  | { readonly kind: 'inst'; readonly index: number; readonly fixed: PReg; readonly early: boolean }
  | { readonly kind: 'param'; readonly block: number };

export interface IntervalSet {
  readonly linear: LinearOrder;
  /** The whole lifetime of each vreg, or null when it is never live. */
  readonly intervals: (LiveInterval | null)[];
  /** Positions where each allocatable register is taken by a constraint or a clobber. */
  readonly fixed: Map<PReg, LiveRange[]>;
  /** Per register, the positions where it is taken by a fixed operand, and whose: that
   *  value itself may be in the register there. */
  readonly fixedOwners: Map<PReg, Map<number, VReg>>;
  readonly hints: Hint[][];
  readonly defSites: (DefSite | null)[];
  /** def vreg → the vreg whose register it must reuse (two-address instructions). */
  readonly reuse: Map<VReg, VReg>;
}

/**
 * Builds live intervals in one backward walk over the linear order (Wimmer & Franz):
 * live-out registers cover the whole block, a def shortens its range to start there, a use
 * extends a range back to the block start. Liveness sets come from full dataflow, so loops
 * need no special treatment.
 */
export function buildIntervals(
  mf: MachFunction<unknown>,
  linear: LinearOrder,
  live: Liveness,
  allocatable: ReadonlySet<PReg>,
): IntervalSet {
  const count = mf.vregs.count;
  const revRanges: LiveRange[][] = Array.from({ length: count }, () => []);
  const uses: UsePosition[][] = Array.from({ length: count }, () => []);
  const fixed = new Map<PReg, LiveRange[]>();
  const fixedOwners = new Map<PReg, Map<number, VReg>>();
  const own = (p: PReg, pos: number, v: VReg): void => {
    if (!allocatable.has(p)) return;
    let m = fixedOwners.get(p);
    if (!m) fixedOwners.set(p, (m = new Map()));
    m.set(pos, v);
  };
  const hints: Hint[][] = Array.from({ length: count }, () => []);
  const defSites: (DefSite | null)[] = new Array<DefSite | null>(count).fill(null);
  const reuse = new Map<VReg, VReg>();

  const addRange = (v: VReg, from: number, to: number): void => {
    const rs = revRanges[v]!;
    const lowest = rs[rs.length - 1];
    if (lowest && to >= lowest.from) {
      lowest.from = Math.min(lowest.from, from);
      lowest.to = Math.max(lowest.to, to);
    } else rs.push({ from, to });
  };
  /** Starts the range at a def; false when the value is dead right after it. */
  const startAt = (v: VReg, pos: number): boolean => {
    const rs = revRanges[v]!;
    const lowest = rs[rs.length - 1];
    if (!lowest || lowest.from > pos) return false;
    if (pos >= lowest.to) {
      // Only a fixed use right after a fixed def reads it: the move between the two
      // registers needs no interval.
      rs.pop();
      return false;
    }
    lowest.from = pos;
    return true;
  };
  const block = (p: PReg, from: number): void => {
    // A constraint on a register nothing is allocated to (ARM's lr) reserves nothing: the
    // moves into and out of it are planned like any other fixed operand's.
    if (!allocatable.has(p)) return;
    let rs = fixed.get(p);
    if (!rs) fixed.set(p, (rs = []));
    rs.push({ from, to: from + 1 });
  };

  for (let k = linear.order.length - 1; k >= 0; k--) {
    const id = linear.order[k]!;
    const b = mf.blocks[id]!;
    const bs = linear.blockStart(id);
    live.liveOut[id]!.forEach((v) => addRange(v, bs, linear.blockEnd(id, b.insts.length)));
    for (let i = b.insts.length - 1; i >= 0; i--) {
      const n = linear.index(id, i);
      const inst = b.insts[i]!;
      for (const t of inst.targets) {
        for (const { arg: a, param: p } of live.liveEdgeArgs(t.block.id, t.args)) {
          addRange(a, bs, 2 * n + 1);
          uses[a]!.push({ pos: 2 * n, needsReg: false });
          const entry = linear.blockEntry(t.block.id);
          hints[p]!.push({ at: entry, vreg: a, pos: 2 * n });
          hints[a]!.push({ at: 2 * n, vreg: p, pos: entry });
        }
      }
      for (const op of inst.operands) {
        if (!isVirtual(op) && allocatable.has(op.preg)) {
          throw new Error(
            `${mf.name}: an instruction names allocatable register ${op.preg} directly; ` +
              'use a fixed operand or a clobber',
          );
        }
      }
      const fixedDefs = new Set<PReg>();
      inst.operands.forEach((op) => {
        if (op.kind !== 'def' || !isVirtual(op)) return;
        const v = op.vreg;
        if (defSites[v]) throw new Error(`${mf.name}: v${v} is defined twice`);
        defSites[v] = { kind: 'inst', index: n, fixed: op.preg, early: op.early };
        if (isFixed(op)) {
          fixedDefs.add(op.preg);
          block(op.preg, 2 * n + 1);
          hints[v]!.push({ at: 2 * n + 2, preg: op.preg });
          if (startAt(v, 2 * n + 2)) uses[v]!.push({ pos: 2 * n + 2, needsReg: false });
          return;
        }
        const pos = op.early ? 2 * n : 2 * n + 1;
        if (!startAt(v, pos)) revRanges[v]!.push({ from: pos, to: pos + 1 });
        uses[v]!.push({ pos, needsReg: true });
        if (op.reuse >= 0) {
          const tied = inst.operands[op.reuse];
          if (!tied || tied.kind !== 'use' || !isVirtual(tied) || isFixed(tied))
            throw new Error(`${mf.name}: v${v} reuses operand ${op.reuse}, which is not a plain virtual use`);
          reuse.set(v, tied.vreg);
        }
      });
      for (const p of inst.clobbers) if (allocatable.has(p) && !fixedDefs.has(p)) block(p, 2 * n + 1);
      for (const op of inst.operands) {
        if (op.kind !== 'use' || !isVirtual(op)) continue;
        if (op.through) {
          addRange(op.vreg, bs, 2 * n + 2);
          uses[op.vreg]!.push({ pos: 2 * n, needsReg: false });
        } else if (isFixed(op)) {
          addRange(op.vreg, bs, 2 * n);
          uses[op.vreg]!.push({ pos: 2 * n - 1, needsReg: false });
          block(op.preg, 2 * n);
          own(op.preg, 2 * n, op.vreg);
          hints[op.vreg]!.push({ at: 2 * n - 1, preg: op.preg });
        } else {
          addRange(op.vreg, bs, 2 * n + 1);
          uses[op.vreg]!.push({ pos: 2 * n, needsReg: true });
        }
      }
      if (inst.move) {
        const d = inst.operands.find((o) => o.kind === 'def'),
          s = inst.operands.find((o) => o.kind === 'use');
        if (d && s && isVirtual(d) && isVirtual(s)) {
          hints[d.vreg]!.push({ at: 2 * n + 1, vreg: s.vreg, pos: 2 * n });
          hints[s.vreg]!.push({ at: 2 * n, vreg: d.vreg, pos: 2 * n + 1 });
        }
      }
    }
    const entry = linear.blockEntry(id);
    for (const p of b.params) {
      if (defSites[p]) throw new Error(`${mf.name}: v${p} is defined twice`);
      defSites[p] = { kind: 'param', block: id };
      if (!startAt(p, entry)) continue;
      uses[p]!.push({ pos: entry, needsReg: false });
    }
  }

  const intervals = revRanges.map((rs, v) => {
    if (rs.length === 0) return null;
    const it = new LiveInterval(v, mf.vregs.classOf(v), true);
    it.ranges = rs.reverse();
    it.uses = mergeUses(uses[v]!).filter((u) => u.pos >= it.start);
    return it;
  });
  for (const [p, rs] of fixed) fixed.set(p, mergeRanges(rs));
  return { linear, intervals, fixed, fixedOwners, hints, defSites, reuse };
}

function mergeUses(us: UsePosition[]): UsePosition[] {
  const sorted = [...us].sort((a, b) => a.pos - b.pos);
  const out: UsePosition[] = [];
  for (const u of sorted) {
    const last = out[out.length - 1];
    if (last && last.pos === u.pos) out[out.length - 1] = { pos: u.pos, needsReg: last.needsReg || u.needsReg };
    else out.push(u);
  }
  return out;
}

function mergeRanges(rs: LiveRange[]): LiveRange[] {
  const sorted = [...rs].sort((a, b) => a.from - b.from);
  const out: LiveRange[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.from <= last.to) last.to = Math.max(last.to, r.to);
    else out.push({ ...r });
  }
  return out;
}
