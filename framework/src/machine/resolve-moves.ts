import type { IntervalSet } from './build-intervals.ts';
import type { FrameSlot } from './frame-slot.ts';
import type { LiveInterval } from './live-interval.ts';
import type { Liveness } from './liveness.ts';
import type { Loops } from './loop-depth.ts';
import { formatSource, regLoc, sameLoc, slotLoc, type MoveSource } from './location.ts';
import type { MachCfg } from './machine-cfg.ts';
import type { MachFunction } from './machine-function.ts';
import { isFixed, isVirtual } from './machine-inst.ts';
import type { ParallelMove } from './parallel-moves.ts';
import type { Allocation } from './regalloc-linear-scan.ts';
import { NO_REG, type VReg } from './regs.ts';
import { SpillStores } from './spill-stores.ts';

/** The parallel moves that connect the allocation: by the gap they run in. */
export interface MovePlan {
  /** Before instruction n (global index): pieces changing location, fixed operands, spill stores. */
  readonly gaps: Map<number, ParallelMove[]>;
  /** Edge moves at the end of a block (after its terminator's gap, before the terminator). */
  readonly atEnd: Map<number, ParallelMove[]>;
  /** Edge moves at the start of a block with one predecessor (before its first gap). */
  readonly atStart: Map<number, ParallelMove[]>;
}

/** Looks up where a vreg is at a position, given the allocation and the spill slots. */
export class Locations {
  constructor(
    private readonly alloc: Allocation,
    private readonly slots: ReadonlyMap<VReg, FrameSlot>,
  ) {}

  piece(v: VReg, pos: number): LiveInterval | undefined {
    const ps = this.alloc.pieces[v]!;
    let lo = 0,
      hi = ps.length - 1,
      found: LiveInterval | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (ps[mid]!.start <= pos) {
        found = ps[mid];
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found && found.covers(pos) ? found : undefined;
  }

  of(piece: LiveInterval): MoveSource {
    if (!piece.onStack) return regLoc(piece.preg);
    if (this.alloc.remat.has(piece.vreg)) return { kind: 'remat', vreg: piece.vreg };
    return slotLoc(this.slot(piece.vreg));
  }

  /** Where v is at pos; throws when v is not live there. */
  at(v: VReg, pos: number): MoveSource {
    const p = this.piece(v, pos);
    if (!p) throw new Error(`v${v} is not live at position ${pos}`);
    return this.of(p);
  }

  slot(v: VReg): FrameSlot {
    const s = this.slots.get(v);
    if (!s) throw new Error(`v${v} is on the stack but has no spill slot`);
    return s;
  }
}

/**
 * Works out every move the allocation needs:
 * - inside blocks, where a vreg's next piece starts;
 * - into fixed registers before an instruction and out of them after it;
 * - on edges: block arguments into parameters, and live-through values whose location
 *   differs between the end of the predecessor and the start of the successor;
 * - spill stores, placed by spill-stores.ts: where a piece goes from a register to the
 *   stack, unless the value is stored on every path there already, or once right after
 *   the definition for a value that would otherwise be stored inside a loop.
 */
export function planMoves(
  mf: MachFunction<unknown>,
  cfg: MachCfg,
  set: IntervalSet,
  live: Liveness,
  alloc: Allocation,
  locs: Locations,
  loops: Loops,
): MovePlan {
  const plan: MovePlan = { gaps: new Map(), atEnd: new Map(), atStart: new Map() };
  const add = (map: Map<number, ParallelMove[]>, key: number, m: ParallelMove): void => {
    let list = map.get(key);
    if (!list) map.set(key, (list = []));
    const same = list.find((x) => sameLoc(x.dst, m.dst));
    if (!same) list.push(m);
    // A spill store that is also the piece's own move is the same move twice; anything else is a bug.
    else if (!sameLoc(same.src, m.src))
      throw new Error(`${mf.name}: two values moved into ${formatSource(m.dst)} at once`);
  };
  const typeOf = (v: VReg) => mf.vregs.typeOf(v);
  const linear = set.linear;
  const stores = new SpillStores(mf, cfg, set, alloc, loops);
  const isStore = (dst: MoveSource, src: MoveSource): boolean => dst.kind === 'slot' && src.kind === 'reg';

  // Pieces that change location inside a block.
  alloc.pieces.forEach((ps, v) => {
    for (let k = 1; k < ps.length; k++) {
      const prev = ps[k - 1]!,
        next = ps[k]!;
      if (prev.end !== next.start || linear.isBlockStart(next.start)) continue;
      const dst = locs.of(next);
      const src = locs.of(prev);
      if (dst.kind !== 'reg') {
        if (dst.kind === 'slot') {
          // The store runs in the gap before the instruction: it reads the value where it
          // is when the gap starts, which is not `prev` when `prev` began in this very gap
          // (reloaded from the slot, or moved). A piece ending at a block's entry position
          // stores in the block's first gap, from where the edge moves left it.
          const n = next.start >> 1,
            block = linear.blockAt[n]!;
          const atLabel = linear.labelIndex[block] === n;
          const from = atLabel ? src : fixedUseSource(set, locs, v, n);
          if (from.kind === 'reg')
            stores.lazy(v, { map: plan.gaps, key: atLabel ? n + 1 : n, block, m: { dst, src: from, type: typeOf(v) } });
        }
        continue;
      }
      if ((next.start & 1) === 1)
        throw new Error(`v${v} moves into a register in the middle of an instruction (${next.start})`);
      add(plan.gaps, next.start >> 1, { dst, src, type: typeOf(v) });
    }
  });

  for (const id of linear.order) {
    const b = mf.blocks[id]!;
    b.insts.forEach((inst, i) => {
      const n = linear.index(id, i);
      for (const op of inst.operands) {
        if (!isVirtual(op)) continue;
        const v = op.vreg;
        if (op.kind === 'use' && isFixed(op))
          add(plan.gaps, n, { dst: regLoc(op.preg), src: fixedUseSource(set, locs, v, n), type: typeOf(v) });
        if (op.kind !== 'def') continue;
        if (isFixed(op)) {
          const p = locs.piece(v, 2 * n + 2);
          if (!p) continue;
          const dst = locs.of(p);
          if (dst.kind !== 'remat') add(plan.gaps, n + 1, { dst, src: regLoc(op.preg), type: typeOf(v) });
          if (alloc.spilled.has(v))
            stores.atDef(v, {
              map: plan.gaps,
              key: n + 1,
              block: id,
              m: { dst: slotLoc(locs.slot(v)), src: regLoc(op.preg), type: typeOf(v) },
            });
        } else if (alloc.spilled.has(v)) {
          const src = locs.at(v, op.early ? 2 * n : 2 * n + 1);
          if (src.kind !== 'reg') throw new Error(`v${v} is defined outside a register`);
          stores.atDef(v, {
            map: plan.gaps,
            key: n + 1,
            block: id,
            m: { dst: slotLoc(locs.slot(v)), src, type: typeOf(v) },
          });
        }
      }
    });
    // A parameter kept in a register and spilled later may be stored on block entry.
    const entry = linear.blockEntry(id);
    for (const p of b.params) {
      if (!alloc.spilled.has(p)) continue;
      const src = locs.at(p, entry);
      if (src.kind === 'reg')
        stores.atDef(p, {
          map: plan.gaps,
          key: linear.index(id, 0),
          block: id,
          m: { dst: slotLoc(locs.slot(p)), src, type: typeOf(p) },
        });
    }
    planEdges(mf, cfg, id, live, locs, linear, (where, key, m, v, to) => {
      const map = where === 'end' ? plan.atEnd : plan.atStart;
      if (v !== undefined && isStore(m.dst, m.src)) stores.lazy(v, { map, key, block: key, m, edge: { from: id, to } });
      else if (v === undefined || m.dst.kind === 'reg') add(map, key, m);
    });
  }
  for (const s of stores.placed()) add(s.map, s.key, s.m);
  return plan;
}

/** Where a fixed use at instruction n reads its value: where it is after instruction n-1,
 *  which is the def's own register when n-1 defined it into a fixed one. */
function fixedUseSource(set: IntervalSet, locs: Locations, v: VReg, n: number): MoveSource {
  const site = set.defSites[v];
  if (site?.kind === 'inst' && site.index === n - 1 && site.fixed !== NO_REG) return regLoc(site.fixed);
  return locs.at(v, 2 * n - 1);
}

function planEdges(
  mf: MachFunction<unknown>,
  cfg: MachCfg,
  id: number,
  live: Liveness,
  locs: Locations,
  linear: IntervalSet['linear'],
  /** `v` is set for a live-through value (not a block argument), `to` is the successor. */
  add: (where: 'end' | 'start', key: number, m: ParallelMove, v: VReg | undefined, to: number) => void,
): void {
  const b = mf.blocks[id]!;
  const term = b.terminator!;
  const endPos = 2 * linear.index(id, b.insts.length - 1);
  const single = cfg.succs[id]!.length === 1;
  for (const t of term.targets) {
    const s = t.block;
    if (!single && cfg.preds[s.id]!.length !== 1)
      throw new Error(`${mf.name}: critical edge ${b.name} → ${s.name} was not split`);
    const place = (m: ParallelMove, v?: VReg): void =>
      single ? add('end', id, m, v, s.id) : add('start', s.id, m, v, s.id);
    const entry = linear.blockEntry(s.id);
    t.args.forEach((a, j) => {
      const p = s.params[j]!;
      const dstPiece = locs.piece(p, entry);
      if (!dstPiece) return;
      const dst = locs.of(dstPiece);
      if (dst.kind === 'remat') throw new Error(`block parameter v${p} cannot be rematerialized`);
      place({ dst, src: locs.at(a, endPos), type: mf.vregs.typeOf(a) });
    });
    const params = new Set(s.params);
    live.liveIn[s.id]!.forEach((v) => {
      if (params.has(v)) return;
      const dst = locs.at(v, entry);
      if (dst.kind === 'remat') return;
      place({ dst, src: locs.at(v, endPos), type: mf.vregs.typeOf(v) }, v);
    });
  }
}
