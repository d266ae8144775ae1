// The x86-64 target's machine-instruction data: what lowering decides and the encoder
// expands. Operand order per op is documented here; encoders read `operands[i].preg`.
// Two-address forms name their def with reuseDef (the machine layer ties it to the first
// use); fixed registers (idiv's eax/edx, a shift count in cl) are fixed operands.
import type { FrameSlot, TrapKind, VRegType } from '#framework';
import type { Cond } from '../encoder/x64.ts';

export type IntAlu = 'add' | 'sub' | 'and' | 'or' | 'xor' | 'imul';
export type Width = 'w' | 'b' | 'd';

export type X86Data =
  /** defs: the incoming register arguments (fixed); encodes to nothing. */
  | { readonly op: 'args' }
  | { readonly op: 'loadIn'; readonly type: VRegType; readonly offset: number }
  | { readonly op: 'storeArg'; readonly type: VRegType; readonly offset: number; readonly area: 'out' | 'in' }
  /** def ← constant (remat; a flag-preserving mov). */
  | { readonly op: 'movi'; readonly imm: number }
  | { readonly op: 'fmovi'; readonly value: number }
  | { readonly op: 'mov'; readonly float: boolean }
  | { readonly op: 'spill'; readonly type: VRegType; readonly slot: FrameSlot; readonly load: boolean }
  /** [reuseDef dst, use a, use b]: dst = a op b. */
  | { readonly op: 'alu'; readonly alu: IntAlu }
  /** As alu, leaving OF set on signed overflow for the branch after it. */
  | { readonly op: 'aluOvf'; readonly alu: 'add' | 'sub' | 'imul' }
  /** [reuseDef dst, use a, fixedUse count in rcx]. */
  | { readonly op: 'shift'; readonly shift: 'shl' | 'shr' | 'sar' }
  /** [fixedDef result, fixedUse a in rax, use b, fixedDef other]: result in rax (quotient)
   *  or rdx (remainder), the other of the two clobbered. Traps div_by_zero on b = 0. */
  | { readonly op: 'div'; readonly signed: boolean; readonly rem: boolean }
  /** [def, use a, use b]: (a cc b) ? 1 : 0. */
  | { readonly op: 'icmp'; readonly cc: Cond }
  /** flags ← a - b (uses a, b), or a against imm (uses a; 0 tests the register). */
  | { readonly op: 'cmp'; readonly imm: number | null }
  /** targets [taken, not taken]. */
  | { readonly op: 'branch'; readonly cc: Cond }
  /** Compare (`cmp a, b`, `cmp a, imm`) or mask test (`test a, imm`) and branch on cc;
   *  targets [taken, not taken]. */
  | { readonly op: 'branchCmp'; readonly test: 'cmp' | 'test'; readonly cc: Cond; readonly imm: number | null }
  /** Branches to targets[0] when a is a heap pointer (non-zero, low two bits clear). */
  | { readonly op: 'branchIsPtr' }
  /** def ← (a cc b | imm) ? x : y (uses a, [b], x, y; ints). */
  | { readonly op: 'selectCmp'; readonly cc: Cond; readonly imm: number | null }
  /** Two-address `op dst, imm` (the def reuses the use's register). */
  | { readonly op: 'aluImm'; readonly alu: 'add' | 'sub' | 'and' | 'or' | 'xor'; readonly imm: number }
  /** Two-address shift by a constant 1..31. */
  | { readonly op: 'shiftImm'; readonly shift: 'shl' | 'shr' | 'sar'; readonly amount: number }
  | { readonly op: 'jump' }
  | { readonly op: 'switch'; readonly cases: readonly number[] }
  /** [def, use c, use a, use b]: c ? a : b. */
  | { readonly op: 'select'; readonly float: boolean }
  | { readonly op: 'isPtr' }
  | { readonly op: 'typeId' }
  /** load: [def, use base]; store: [use base, use value]. */
  | { readonly op: 'mem'; readonly width: Width; readonly load: boolean; readonly offset: number }
  /** An access at a fixed address, relative to the static-base register: [def] or [use]. */
  | { readonly op: 'memStatic'; readonly width: Width; readonly load: boolean; readonly offset: number }
  /** Bounds-checked element: load [def, use a, use i]; store [use a, use i, use v]. */
  | {
      readonly op: 'elem';
      readonly width: Width;
      readonly load: boolean;
      readonly scale: 1 | 2 | 4 | 8;
      readonly elemOffset: number;
    }
  | { readonly op: 'call'; readonly callee: string }
  | { readonly op: 'callHost'; readonly callee: string }
  | { readonly op: 'callIndirect'; readonly sigId: number; readonly indexOperand: number; readonly tableBase: number }
  | { readonly op: 'tailCall'; readonly callee: string }
  | {
      readonly op: 'tailCallIndirect';
      readonly sigId: number;
      readonly indexOperand: number;
      readonly tableBase: number;
    }
  /** Returns with status edx = 0; the value, if any, is a fixed use of eax/xmm0. */
  | { readonly op: 'ret' }
  /** Returns with status edx = 1 and the exception (fixed use of eax). */
  | { readonly op: 'raise' }
  | { readonly op: 'trap'; readonly kind: TrapKind }
  /** [reuseDef dst, use a, use b]: addsd/subsd/mulsd/divsd. */
  | { readonly op: 'falu'; readonly falu: 'addsd' | 'subsd' | 'mulsd' | 'divsd' }
  | { readonly op: 'funary'; readonly funary: 'neg' | 'abs' | 'sqrt' }
  /** [def, use a, use b]: NaN-aware through ucomisd's parity flag. */
  | { readonly op: 'fcmp'; readonly kind: 'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge' }
  | { readonly op: 'i2f' }
  /** Truncating, saturating, NaN → 0 (cvttsd2si gives 0x80000000 for all three cases). */
  | { readonly op: 'f2i' }
  | { readonly op: 'fuel' };

/** A rel32 field (the last four bytes of jcc/jmp/call), relative to its end. */
export type X86Fixup = 'rel32';
