// The fake target's registers and instruction data: an ARM-like load/store machine small
// enough (3 integer and 2 float registers) that tests exercise spilling and splitting.
import type { FrameSlot } from '../../../src/machine/frame-slot.ts';
import type { VRegType } from '../../../src/machine/regs.ts';

export const R0 = 0,
  R1 = 1,
  R2 = 2,
  R3 = 3,
  SP = 4,
  LR = 5;
export const F0 = 8,
  F1 = 9,
  F2 = 10;

export const INT_ALLOCATABLE = [R0, R1, R2] as const;
export const FLOAT_ALLOCATABLE = [F0, F1] as const;
export const INT_SCRATCH = [R3] as const;
export const FLOAT_SCRATCH = [F2] as const;
export const ALLOCATABLE = [...INT_ALLOCATABLE, ...FLOAT_ALLOCATABLE];

/** Internal convention: the first two int/ref arguments in r0, r1, the first f64 in f0, the
 *  rest on the stack (4 bytes each, f64 8 bytes aligned); results in r0 or f0. */
export const INT_ARG_REGS = [R0, R1] as const;
export const FLOAT_ARG_REGS = [F0] as const;

export function regName(p: number): string {
  if (p === SP) return 'sp';
  if (p === LR) return 'lr';
  if (p >= F0) return `f${p - F0}`;
  return `r${p}`;
}

/** Where a value lives in the frame, resolved against the frame layout when encoding. */
export type FrameRef =
  | { readonly kind: 'slot'; readonly slot: FrameSlot }
  | { readonly kind: 'incoming'; readonly offset: number }
  | { readonly kind: 'outgoing'; readonly offset: number };

export type FakeData =
  | { readonly op: 'li'; readonly imm: number }
  | { readonly op: 'lf'; readonly imm: number }
  /** An opcode-table operation with an `evaluate`: defs[0] = op(uses...). */
  | { readonly op: 'pure'; readonly name: string }
  | { readonly op: 'mov' }
  | { readonly op: 'fmov' }
  | { readonly op: 'load'; readonly type: VRegType; readonly at: FrameRef }
  | { readonly op: 'store'; readonly type: VRegType; readonly at: FrameRef }
  /** Defines the incoming register arguments (fixed defs); encodes to nothing. */
  | { readonly op: 'args' }
  /** flag ← (use != 0) */
  | { readonly op: 'cmpz' }
  /** if flag goto targets[0] else targets[1] */
  | { readonly op: 'bnz' }
  | { readonly op: 'jmp' }
  | { readonly op: 'call'; readonly callee: number }
  | { readonly op: 'ret' }
  /** ref.from_bits / ref.bits: the simulator's moving collector gives pointers new names. */
  | { readonly op: 'mkref' }
  | { readonly op: 'refbits' };
