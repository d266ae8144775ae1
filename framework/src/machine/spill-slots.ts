import type { IntervalSet } from './build-intervals.ts';
import { FrameSlots, type FrameSlot } from './frame-slot.ts';
import type { MachCfg } from './machine-cfg.ts';
import type { MachFunction } from './machine-function.ts';
import type { Allocation } from './regalloc-linear-scan.ts';
import { slotBytes, type VReg } from './regs.ts';

interface Lifetime {
  vreg: VReg;
  from: number;
  to: number;
}

/**
 * Gives every spilled vreg a frame slot; vregs whose lifetimes do not overlap share one
 * (i32 and ref slots share freely: stack maps list slots by which vregs are live). A slot's
 * lifetime spans the vreg's whole interval, and for a block parameter also the ends of its
 * predecessors, where the edge moves write it.
 */
export function assignSpillSlots(
  mf: MachFunction<unknown>,
  cfg: MachCfg,
  set: IntervalSet,
  alloc: Allocation,
  slots: FrameSlots,
): Map<VReg, FrameSlot> {
  const lifetimes: Lifetime[] = [];
  for (const v of alloc.spilled) {
    const ps = alloc.pieces[v]!;
    let from = ps[0]!.start,
      to = ps[ps.length - 1]!.end;
    const site = set.defSites[v];
    if (site?.kind === 'param') {
      for (const p of cfg.preds[site.block]!) {
        const term = 2 * set.linear.index(p, mf.blocks[p]!.insts.length - 1);
        from = Math.min(from, term);
        to = Math.max(to, term + 1);
      }
    }
    lifetimes.push({ vreg: v, from, to });
  }
  lifetimes.sort((a, b) => a.from - b.from || a.vreg - b.vreg);
  const result = new Map<VReg, FrameSlot>();
  const busy: { slot: FrameSlot; until: number; bytes: number }[] = [];
  const free: { slot: FrameSlot; bytes: number }[] = [];
  for (const lt of lifetimes) {
    for (let i = busy.length - 1; i >= 0; i--) {
      if (busy[i]!.until <= lt.from) {
        free.push(busy[i]!);
        busy.splice(i, 1);
      }
    }
    const type = mf.vregs.typeOf(lt.vreg);
    const bytes = slotBytes(type);
    const k = free.findIndex((f) => f.bytes === bytes);
    const slot = k >= 0 ? free.splice(k, 1)[0]!.slot : slots.create(type, 'spill');
    busy.push({ slot, until: lt.to, bytes });
    result.set(lt.vreg, slot);
  }
  return result;
}
