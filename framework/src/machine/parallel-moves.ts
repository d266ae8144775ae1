import type { FrameSlot } from './frame-slot.ts';
import { formatSource, sameLoc, type Loc, type MoveSource } from './location.ts';
import { regClassOf, type PReg, type RegClass, type VRegType } from './regs.ts';

/** One move of a parallel move: all sources are read before any destination is written. */
export interface ParallelMove {
  readonly dst: Loc;
  readonly src: MoveSource;
  readonly type: VRegType;
}

/** A sequential step: a copy between a register and a register or slot (never two slots),
 *  or the recomputation of a constant into a register. */
export type MoveStep =
  | { readonly op: 'copy'; readonly dst: Loc; readonly src: Loc; readonly type: VRegType }
  | { readonly op: 'remat'; readonly dst: PReg; readonly vreg: number; readonly type: VRegType };

export interface MoveResources {
  /** The class's scratch registers (see RegClassInfo.scratch). */
  scratch(cls: RegClass): readonly PReg[];
  /** A frame slot for breaking a cycle, when scratch registers do not suffice. */
  tempSlot(cls: RegClass): FrameSlot;
}

/**
 * Orders a parallel move into sequential steps. A move is emitted once no other pending
 * move still reads its destination; what remains then is a set of cycles, each broken by
 * saving one destination in a temporary (a scratch register when that is safe, otherwise a
 * frame slot) and reading it from there. Slot-to-slot moves go through the class's first
 * scratch register, so that register only serves as the cycle temporary when no such move
 * is pending.
 */
export function sequentializeMoves(moves: readonly ParallelMove[], res: MoveResources): MoveStep[] {
  const out: MoveStep[] = [];
  let pending = moves.filter((m) => !sameLoc(m.src, m.dst));
  for (let i = 0; i < pending.length; i++) {
    for (let j = i + 1; j < pending.length; j++) {
      if (sameLoc(pending[i]!.dst, pending[j]!.dst))
        throw new Error(`parallel move writes ${formatSource(pending[i]!.dst)} twice`);
    }
  }
  const isRead = (loc: Loc, except: ParallelMove): boolean => pending.some((m) => m !== except && sameLoc(m.src, loc));
  while (pending.length > 0) {
    const ready = pending.find((m) => !isRead(m.dst, m));
    if (ready) {
      emitMove(ready.dst, ready.src, ready.type, res, out);
      pending = pending.filter((m) => m !== ready);
      continue;
    }
    const victim = pending[0]!.dst;
    const cls = regClassOf(pending[0]!.type);
    const type = pending.find((m) => sameLoc(m.src, victim))!.type;
    const temp = cycleTemp(victim, cls, pending, res);
    emitMove(temp, victim, type, res, out);
    pending = pending.map((m) => (sameLoc(m.src, victim) ? { ...m, src: temp } : m));
  }
  return out;
}

function needsScratch(m: ParallelMove): boolean {
  return m.dst.kind === 'slot' && m.src.kind !== 'reg';
}

function cycleTemp(victim: Loc, cls: RegClass, pending: readonly ParallelMove[], res: MoveResources): Loc {
  const scratch = res.scratch(cls);
  if (scratch.length >= 2) return { kind: 'reg', preg: scratch[1]! };
  const sameClass = pending.filter((m) => regClassOf(m.type) === cls && !sameLoc(m.src, victim));
  if (scratch.length === 1 && !sameClass.some(needsScratch)) return { kind: 'reg', preg: scratch[0]! };
  return { kind: 'slot', slot: res.tempSlot(cls) };
}

function emitMove(dst: Loc, src: MoveSource, type: VRegType, res: MoveResources, out: MoveStep[]): void {
  if (src.kind === 'remat') {
    if (dst.kind === 'reg') {
      out.push({ op: 'remat', dst: dst.preg, vreg: src.vreg, type });
      return;
    }
    const s = firstScratch(type, res);
    out.push({ op: 'remat', dst: s, vreg: src.vreg, type });
    out.push({ op: 'copy', dst, src: { kind: 'reg', preg: s }, type });
    return;
  }
  if (src.kind === 'slot' && dst.kind === 'slot') {
    const s: Loc = { kind: 'reg', preg: firstScratch(type, res) };
    out.push({ op: 'copy', dst: s, src, type });
    out.push({ op: 'copy', dst, src: s, type });
    return;
  }
  out.push({ op: 'copy', dst, src, type });
}

function firstScratch(type: VRegType, res: MoveResources): PReg {
  const s = res.scratch(regClassOf(type))[0];
  if (s === undefined)
    throw new Error(`a memory-to-memory move of ${type} needs a scratch register, and the target has none`);
  return s;
}
