import type { FrameSlot } from './frame-slot.ts';
import type { PReg, VReg } from './regs.ts';

/** Where a value is between instructions: a register or a frame slot. */
export type Loc = { readonly kind: 'reg'; readonly preg: PReg } | { readonly kind: 'slot'; readonly slot: FrameSlot };

/** A move's source may also be a constant that is recomputed instead of loaded. */
export type MoveSource = Loc | { readonly kind: 'remat'; readonly vreg: VReg };

export const regLoc = (preg: PReg): Loc => ({ kind: 'reg', preg });
export const slotLoc = (slot: FrameSlot): Loc => ({ kind: 'slot', slot });

export function sameLoc(a: MoveSource, b: MoveSource): boolean {
  if (a.kind === 'reg') return b.kind === 'reg' && a.preg === b.preg;
  if (a.kind === 'slot') return b.kind === 'slot' && a.slot === b.slot;
  return b.kind === 'remat' && a.vreg === b.vreg;
}

export function locKey(l: Loc): string {
  return l.kind === 'reg' ? `r${l.preg}` : `s${l.slot.id}`;
}

export function formatSource(s: MoveSource): string {
  return s.kind === 'remat' ? `remat(v${s.vreg})` : locKey(s);
}
