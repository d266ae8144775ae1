import type { Hint, IntervalSet } from './build-intervals.ts';
import { IntervalQueue } from './interval-queue.ts';
import { firstIntersection, LiveInterval, NEVER, type LiveRange } from './live-interval.ts';
import type { Loops } from './loop-depth.ts';
import { NO_REG, REG_CLASSES, type PReg, type RegClass, type VReg } from './regs.ts';

export interface Allocation {
  /** Every piece of every vreg, sorted by start; empty for vregs that are never live. */
  readonly pieces: LiveInterval[][];
  /** Vregs with a piece on the stack that need a spill slot (rematerializable ones do not). */
  readonly spilled: ReadonlySet<VReg>;
  readonly remat: ReadonlySet<VReg>;
}

/** How many blocks ahead a value spilled at a clobber looks for a join to reenter a register. */
const JOIN_LOOKAHEAD = 8;

const evenFloor = (pos: number): number => pos & ~1;

/**
 * Linear-scan register allocation with interval splitting (Wimmer & Mössenböck), tuned for
 * code whose calls sit on slow paths (runtime helpers, allocation), where every instruction
 * on the fast path counts:
 *
 * - Moving to the stack may happen at any position, even in the middle of an instruction
 *   (across a call's clobbers): where the store goes is decided afterwards, per path, by
 *   spill-stores.ts, so a value keeps its register up to the call that clobbers it.
 * - A value that a call (or a clobber before its next use) puts on the stack waits there
 *   until its next use or a join that some path skipping the call enters with the value in
 *   a register, whichever comes first: the fast path keeps it in the register, and only the
 *   paths that made the call reload it.
 * - Constants (`remat` instructions) are never stored: a reload re-executes their definition.
 * - When a register must be taken from someone, values already spilled somewhere (or
 *   constants) are evicted first: evicting them is likely to cost only a later reload.
 *
 * - Loops are seen whole, which the linear order alone hides: a value live around a loop's
 *   back edge counts as used at the end of the loop's last block when an eviction is chosen
 *   (its next use in linear order may be far away, or nowhere, while the loop reads it on
 *   every trip), and a value evicted inside a loop that it does not read in a register
 *   before that point goes to the stack at the loop's header instead, so the back edge
 *   does not reload it on every trip (Wimmer's loop-end use positions, and splitting
 *   around a loop).
 *
 * Calls clobber every allocatable register at After(call), so any value live across a call
 * ends up on the stack there and is reloaded before its next use.
 */
export function allocateRegisters(
  set: IntervalSet,
  regs: Readonly<Record<RegClass, readonly PReg[]>>,
  remat: ReadonlySet<VReg>,
  preds: readonly (readonly number[])[],
  loops: Loops,
): Allocation {
  const pieces: LiveInterval[][] = set.intervals.map((it) => (it ? [it] : []));
  const spilled = new Set<VReg>();
  for (const cls of REG_CLASSES) {
    const roots = set.intervals.filter((it): it is LiveInterval => it !== null && it.cls === cls);
    new LinearScan(set, regs[cls], remat, pieces, spilled, preds, loops).run(roots);
  }
  for (const ps of pieces) ps.sort((a, b) => a.start - b.start);
  return { pieces, spilled, remat };
}

class LinearScan {
  private readonly queue: IntervalQueue;
  private active: LiveInterval[] = [];
  private inactive: LiveInterval[] = [];
  private readonly noRanges: LiveRange[] = [];

  constructor(
    private readonly set: IntervalSet,
    private readonly regs: readonly PReg[],
    private readonly remat: ReadonlySet<VReg>,
    private readonly pieces: LiveInterval[][],
    private readonly spilled: Set<VReg>,
    private readonly preds: readonly (readonly number[])[],
    private readonly loops: Loops,
  ) {
    this.queue = new IntervalQueue((it) => it.isFirstPiece && set.reuse.has(it.vreg));
  }

  run(roots: LiveInterval[]): void {
    for (const it of roots) this.queue.push(it);
    for (let current = this.queue.pop(); current; current = this.queue.pop()) {
      this.advanceTo(current.start);
      if (!current.isFirstPiece && (current.start & 1) === 1) {
        // No gap to move into a register here (a call clobbered it): it starts on the
        // stack, until its block ends, so that the paths that did not make the call can
        // keep it in a register past their join.
        this.spillUntilRegUse(current, true);
        continue;
      }
      // A value keeps its register up to a call even when it must be on the stack there:
      // spill stores are placed lazily (spill-stores.ts), so holding the register moves the
      // store onto the paths that make the call.
      if (!this.tryAllocateFree(current)) this.allocateBlocked(current);
      if (current.preg !== NO_REG) this.active.push(current);
    }
  }

  private advanceTo(pos: number): void {
    const active: LiveInterval[] = [],
      inactive: LiveInterval[] = [];
    for (const list of [this.active, this.inactive]) {
      for (const it of list) if (it.end > pos) (it.covers(pos) ? active : inactive).push(it);
    }
    this.active = active;
    this.inactive = inactive;
  }

  private regIndex(r: PReg): number {
    const i = this.regs.indexOf(r);
    if (i < 0) throw new Error(`register ${r} is not allocatable in this class (${this.regs.join(', ')})`);
    return i;
  }

  private fixedRanges(r: PReg): readonly LiveRange[] {
    return this.set.fixed.get(r) ?? this.noRanges;
  }

  /** The first position from `current.start` where a constraint or clobber takes `r` from
   *  `current`; current's own fixed uses of `r` do not: it may be there already. */
  private freeOfFixed(r: PReg, current: LiveInterval): number {
    const fixed = this.fixedRanges(r);
    const owners = this.set.fixedOwners.get(r);
    let at = firstIntersection(fixed, current.ranges, current.start);
    while (at !== NEVER && owners?.get(at) === current.vreg) at = firstIntersection(fixed, current.ranges, at + 1);
    return at;
  }

  private tryAllocateFree(current: LiveInterval): boolean {
    const freeUntil = this.regs.map((r) => this.freeOfFixed(r, current));
    for (const it of this.active) freeUntil[this.regIndex(it.preg)] = 0;
    for (const it of this.inactive) {
      const k = this.regIndex(it.preg);
      if (freeUntil[k]! <= current.start) continue;
      const at = firstIntersection(it.ranges, current.ranges, current.start);
      if (at < freeUntil[k]!) freeUntil[k] = at;
    }
    const k = this.chooseFree(current, freeUntil);
    const reg = this.regs[k]!,
      until = freeUntil[k]!;
    if (until <= current.start) {
      if (this.reuseTarget(current) !== NO_REG)
        throw new Error(`v${current.vreg} must reuse register ${reg}, which is not free at ${current.start}`);
      return false;
    }
    if (!current.isFirstPiece && until < current.end && until <= current.nextUse(current.start, false)) {
      // It would lose the register before anything reads it: it waits on the stack instead
      // of taking a register (and the moves into it) for nothing; up to a join that a path
      // skipping the clobber enters with it in a register.
      this.spillUntilRegUse(current, true);
      return true;
    }
    current.preg = reg;
    if (until < current.end) this.queue.push(this.split(current, this.splitPosition(current, until)));
    return true;
  }

  /** Index into `regs` of the register to take: the forced one, a hint that stays free for
   *  the whole interval, else the one free longest (hints win ties). */
  private chooseFree(current: LiveInterval, freeUntil: readonly number[]): number {
    const forced = this.reuseTarget(current);
    if (forced !== NO_REG) return this.regIndex(forced);
    const hints = this.hintRegs(current)
      .map((r) => this.regs.indexOf(r))
      .filter((k) => k >= 0);
    for (const h of hints) if (freeUntil[h]! >= current.end) return h;
    let best = 0;
    for (let k = 1; k < freeUntil.length; k++) if (freeUntil[k]! > freeUntil[best]!) best = k;
    for (const h of hints) if (freeUntil[h] === freeUntil[best]) return h;
    // When no register lasts until the value is next read in one, it goes to the stack in
    // between whichever it takes: a hint that holds it at its start saves a move.
    const nextRead = current.nextUse(current.start + 1, true);
    if (freeUntil[best]! < nextRead) for (const h of hints) if (freeUntil[h]! > current.start + 1) return h;
    return best;
  }

  /** Where a piece that may keep its register until `limit` is split: at the gap before
   *  `limit`, unless it needs the register right there (then the rest starts on the stack). */
  private splitPosition(current: LiveInterval, limit: number): number {
    const gap = evenFloor(limit);
    if (gap <= current.start) return limit;
    if ((limit & 1) === 1 && current.nextUse(gap, true) === gap) return limit;
    return gap;
  }

  private allocateBlocked(current: LiveInterval): void {
    const start = current.start;
    const firstRegUse = current.nextUse(start, true);
    if (firstRegUse === NEVER) {
      this.toStack(current);
      return;
    }
    // Per register (by index into regs): when it is next needed by its occupants or a
    // constraint, when a constraint takes it, and whether evicting its occupants stores.
    const blockedAt = this.regs.map((r) => this.freeOfFixed(r, current));
    const nextUse = [...blockedAt];
    const cost = this.regs.map(() => 0);
    for (const it of this.active) this.occupy(it, start, nextUse, cost);
    for (const it of this.inactive)
      if (firstIntersection(it.ranges, current.ranges, start) !== NEVER) this.occupy(it, start, nextUse, cost);

    const canWait = firstRegUse > start;
    let best = -1;
    for (let k = 0; k < this.regs.length; k++) {
      if (nextUse[k]! <= start || blockedAt[k]! <= start) continue;
      // Cheapest to evict first (no store), then the one needed latest.
      const better = best < 0 || cost[k]! < cost[best]! || (cost[k] === cost[best] && nextUse[k]! > nextUse[best]!);
      if (better) best = k;
    }
    if (best < 0) {
      if (canWait) {
        // Every register is clobbered here (a call): on the stack to the end of the block,
        // so that the paths that skip this block keep the value in a register.
        this.spillUntilRegUse(current, true);
        return;
      }
      throw new Error(
        `no register of class ${current.cls} for v${current.vreg} at position ${start}: ` +
          'every one is fixed or needed there',
      );
    }
    const othersNeededFirst = nextUse[best]! < firstRegUse;
    const spillingCurrentIsFree = this.storeCost(current) === 0 && cost[best]! > 0;
    if (canWait && (othersNeededFirst || spillingCurrentIsFree)) {
      this.spillUntilRegUse(current);
      return;
    }
    const reg = this.regs[best]!;
    current.preg = reg;
    if (blockedAt[best]! < current.end)
      this.queue.push(this.split(current, this.splitPosition(current, blockedAt[best]!)));
    for (const it of [...this.active, ...this.inactive]) {
      if (it.preg !== reg) continue;
      if (firstIntersection(it.ranges, current.ranges, start) === NEVER) continue;
      this.evict(it, start);
    }
  }

  private occupy(it: LiveInterval, start: number, nextUse: number[], cost: number[]): void {
    const k = this.regIndex(it.preg);
    const loopEnd = this.loopEndUse(it, start);
    nextUse[k] = Math.min(nextUse[k]!, it.nextUse(start, true), loopEnd);
    // Evicting costs a store here, or a reload on every trip of the loop; a store at the
    // loop's header (evictionPoint) runs outside the loop.
    const storesHere = this.storeCost(it) > 0 && this.evictionPoint(it, start) === start;
    cost[k] = Math.max(cost[k]!, (storesHere ? 1 : 0) + (loopEnd === NEVER ? 0 : 1));
  }

  /** The end of the innermost loop around `pos` whose next trip reads `it` in a register
   *  (it is live across the back edge and read between the header and there), or NEVER. */
  private loopEndUse(it: LiveInterval, pos: number): number {
    const { linear } = this.set;
    const headers = this.loops.headers[linear.blockAt[pos >> 1]!]!;
    for (let i = headers.length - 1; i >= 0; i--) {
      const header = linear.blockStart(headers[i]!);
      let end = NEVER;
      for (const latch of this.loops.latches[headers[i]!]!) {
        const last = linear.nextBlockStart(linear.blockStart(latch)) - 1;
        if (last >= pos && last < end && it.covers(last)) end = last;
      }
      if (end !== NEVER && this.pieces[it.vreg]!.some((p) => p.nextUse(header, true) <= end)) return end;
    }
    return NEVER;
  }

  /** Takes `it`'s register from `pos` on; the rest of it waits on the stack. */
  private evict(it: LiveInterval, pos: number): void {
    if (pos <= it.start) {
      this.active = this.active.filter((x) => x !== it);
      this.inactive = this.inactive.filter((x) => x !== it);
      it.preg = NO_REG;
      this.spillUntilRegUse(it);
      return;
    }
    this.spillUntilRegUse(this.split(it, this.evictionPoint(it, pos)));
  }

  /** Where an eviction at `pos` splits `it`: at the header of the outermost loop around
   *  `pos` that `it` is live into and reads in no register between the header and `pos`.
   *  Its register then stays free around the whole loop; split at `pos`, the back edge
   *  would reload it on every trip. Freeing a register earlier than asked is always safe:
   *  no interval took it while `it` held it. */
  private evictionPoint(it: LiveInterval, pos: number): number {
    const { linear } = this.set;
    for (const h of this.loops.headers[linear.blockAt[pos >> 1]!]!) {
      const at = linear.blockStart(h);
      if (at <= it.start || at >= pos || !it.covers(at)) continue;
      if (it.nextUse(at, true) >= pos) return at;
    }
    return pos;
  }

  /** Puts `it` on the stack up to its next use that needs a register (or, `toBlockEnd`, up
   *  to the end of its block if that comes first); the piece from there goes back to the queue. */
  private spillUntilRegUse(it: LiveInterval, toBlockEnd = false): void {
    let at = it.nextUse(it.start, true);
    if (at !== NEVER) at = evenFloor(at);
    if (toBlockEnd) {
      // Back into a register at the first block a predecessor enters with it in one (a path
      // that skipped the clobber), looking a few blocks ahead only, to stay linear.
      let pos = it.start;
      for (let step = 0; step < JOIN_LOOKAHEAD; step++) {
        const next = this.set.linear.nextBlockStart(pos);
        if (next >= at || next >= it.end) break;
        if (it.covers(next) && this.inRegisterFromAPredecessor(it.vreg, next)) {
          at = next;
          break;
        }
        pos = next;
      }
    }
    if (at !== NEVER) this.queue.push(this.split(it, at));
    this.toStack(it);
  }

  /** Whether some predecessor laid out before the block starting at `pos` ends with v in a
   *  register: only then can v keep a register into that block without reloads on every
   *  edge (predecessors laid out later are not allocated yet and count as the stack). */
  private inRegisterFromAPredecessor(v: VReg, pos: number): boolean {
    const { blockAt, labelIndex } = this.set.linear;
    const block = blockAt[pos >> 1]!;
    for (const p of this.preds[block]!) {
      if (labelIndex[p]! < 0 || labelIndex[p]! >= labelIndex[block]!) continue;
      const last = this.set.linear.nextBlockStart(2 * labelIndex[p]!) - 1;
      if (this.pieces[v]!.some((piece) => piece.preg !== NO_REG && piece.covers(last))) return true;
    }
    return false;
  }

  private split(it: LiveInterval, pos: number): LiveInterval {
    const rest = it.splitAt(pos);
    this.pieces[it.vreg]!.push(rest);
    return rest;
  }

  private toStack(it: LiveInterval): void {
    it.preg = NO_REG;
    it.onStack = true;
    if (!this.remat.has(it.vreg)) this.spilled.add(it.vreg);
  }

  /** 0 when moving `it` to the stack stores nothing: its value is already there or is a constant. */
  private storeCost(it: LiveInterval): number {
    return this.remat.has(it.vreg) || this.spilled.has(it.vreg) ? 0 : 1;
  }

  private reuseTarget(current: LiveInterval): PReg {
    if (!current.isFirstPiece) return NO_REG;
    const src = this.set.reuse.get(current.vreg);
    if (src === undefined) return NO_REG;
    const at = current.start - 1;
    const piece = this.pieces[src]!.find((p) => p.covers(at));
    if (!piece || piece.preg === NO_REG)
      throw new Error(`v${current.vreg} must reuse the register of v${src}, which has none at ${at}`);
    return piece.preg;
  }

  private hintRegs(current: LiveInterval): PReg[] {
    const out: PReg[] = [];
    for (const h of this.set.hints[current.vreg]!) {
      if (h.at < current.start - 1 || h.at > current.end) continue;
      const r = this.hintReg(h);
      if (r !== NO_REG && !out.includes(r)) out.push(r);
    }
    return out;
  }

  private hintReg(h: Hint): PReg {
    if ('preg' in h) return h.preg;
    const piece = this.pieces[h.vreg]!.find((p) => p.preg !== NO_REG && (p.covers(h.pos) || p.end === h.pos));
    return piece ? piece.preg : NO_REG;
  }
}
