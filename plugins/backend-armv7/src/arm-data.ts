// The A32 target's machine-instruction data: what lowering decides and the encoder
// expands. Operand order per op is documented here; encoders read `operands[i].preg`.
import type { FrameSlot, TrapKind, VRegType } from '#framework';

export type AluOp = 'add' | 'sub' | 'and' | 'orr' | 'eor' | 'mul';
export type ShiftOp = 'lsl' | 'lsr' | 'asr';
export type ImmAluOp = 'add' | 'sub' | 'rsb' | 'and' | 'orr' | 'eor' | 'bic';
/** Memory access widths: word, unsigned byte, double. */
export type Width = 'w' | 'b' | 'd';

export type ArmData =
  /** defs: the incoming register arguments (fixed); encodes to nothing. */
  | { readonly op: 'args' }
  /** def ← incoming stack argument at `offset`. */
  | { readonly op: 'loadIn'; readonly type: VRegType; readonly offset: number }
  /** use → outgoing stack argument area (`area: 'out'`) or the own incoming area (tail calls). */
  | { readonly op: 'storeArg'; readonly type: VRegType; readonly offset: number; readonly area: 'out' | 'in' }
  /** def ← constant (remat). */
  | { readonly op: 'movi'; readonly imm: number }
  /** def ← use (int or float class). */
  | { readonly op: 'mov'; readonly float: boolean }
  | { readonly op: 'spill'; readonly type: VRegType; readonly slot: FrameSlot; readonly load: boolean }
  /** def ← a op b. */
  | { readonly op: 'alu'; readonly alu: AluOp }
  /** def ← a op b (uses a, b) or a op imm (add/sub; uses a), setting flags for an overflow
   *  branch (`ovf` holds on overflow). */
  | { readonly op: 'aluOvf'; readonly alu: 'add' | 'sub' | 'mul'; readonly imm?: number }
  /** def ← a op imm (a modified immediate; `rsb`: imm - a, `bic`: a & ~imm). */
  | { readonly op: 'aluImm'; readonly alu: ImmAluOp; readonly imm: number }
  /** def ← a shifted by a constant amount (1..31). */
  | { readonly op: 'shiftImm'; readonly shift: ShiftOp; readonly amount: number }
  /** def ← (a cond imm) ? 1 : 0. */
  | { readonly op: 'icmpImm'; readonly cond: number; readonly imm: number }
  /** Compare and branch: `cmp a, b` (uses a, b), `cmp a, #imm` (uses a) or `tst a, #imm`;
   *  targets [taken, not taken]. */
  | { readonly op: 'branchCmp'; readonly test: 'cmp' | 'tst'; readonly cond: number; readonly imm: number | null }
  /** Branches to targets[0] when a is a heap pointer (non-zero, low two bits clear), else
   *  to targets[1] (uses a). */
  | { readonly op: 'branchIsPtr' }
  /** vcmp a, b; vmrs; branch on cond (uses a, b: doubles); targets [taken, not taken]. */
  /** With one operand: a compare with 0.0 (`vcmp dN, #0`). */
  | { readonly op: 'branchFcmp'; readonly cond: number }
  /** def ← (a cond b | imm) ? x : y (uses a, [b], x, y). */
  | { readonly op: 'selectCmp'; readonly cond: number; readonly imm: number | null; readonly float: boolean }
  /** def ← a shifted by (b & 31). */
  | { readonly op: 'shift'; readonly shift: ShiftOp }
  /** def ← a / b or a % b; traps div_by_zero on b = 0. `soft` (no hardware divide): the
   *  def is early and early-def temporaries follow the uses (one unsigned, two signed). */
  | {
      readonly op: 'div';
      readonly signed: boolean;
      readonly rem: boolean;
      readonly soft: boolean;
      /** The divisor is a non-zero constant: no zero test. */
      readonly nonZero?: boolean;
    }
  /** def ← (a cond b) ? 1 : 0 (cond is an A32 condition code). */
  | { readonly op: 'icmp'; readonly cond: number }
  /** flags ← a - b (uses a, b) or a - imm (uses a). */
  | { readonly op: 'cmp'; readonly imm: number | null }
  /** targets [taken, not taken]. */
  | { readonly op: 'branch'; readonly cond: number }
  | { readonly op: 'jump' }
  /** use v; targets [default, case...]. */
  | { readonly op: 'switch'; readonly cases: readonly number[] }
  /** def ← c ? a : b (uses c, a, b). */
  | { readonly op: 'select'; readonly float: boolean }
  /** def ← a is a heap pointer. */
  | { readonly op: 'isPtr' }
  /** load: def ← [base + offset]; store: uses base, value. */
  | {
      readonly op: 'mem';
      readonly width: Width;
      readonly load: boolean;
      readonly offset: number;
      readonly signedByte?: false;
    }
  /** gget/gset at an absolute address: load def, or store use. */
  /** An access at a fixed address, relative to the static-base register. */
  | { readonly op: 'memStatic'; readonly width: Width; readonly load: boolean; readonly offset: number }
  /** def ← header >>> 8 of object a. */
  | { readonly op: 'typeId' }
  /** Array element, bounds-checked: load def ← a[i]; store uses a, i, v. With a constant
   *  `index`, i is not an operand: load def ← a[index]; store uses a, v. */
  | {
      readonly op: 'elem';
      readonly width: Width;
      readonly load: boolean;
      readonly shift: number;
      readonly elemOffset: number;
      readonly index?: number;
    }
  /** Direct call of a module function (symbol fn:<name>). */
  | { readonly op: 'call'; readonly callee: string }
  /** Host call through a trampoline slot (symbol host:<name>). */
  | { readonly op: 'callHost'; readonly callee: string }
  /** Indirect call through the function table; operands[indexOperand] holds the table index. */
  | { readonly op: 'callIndirect'; readonly sigId: number; readonly indexOperand: number; readonly tableBase: number }
  | { readonly op: 'tailCall'; readonly callee: string }
  | {
      readonly op: 'tailCallIndirect';
      readonly sigId: number;
      readonly indexOperand: number;
      readonly tableBase: number;
    }
  /** Returns (status r1 = 0); the value, if any, is a fixed use of r0/d0. */
  | { readonly op: 'ret' }
  /** Returns with status r1 = 1 and the exception (fixed use of r0). */
  | { readonly op: 'raise' }
  | { readonly op: 'trap'; readonly kind: TrapKind }
  /** f64 def ← constant (remat). */
  | { readonly op: 'fmovi'; readonly value: number }
  /** f64 def ← a op b. */
  | { readonly op: 'falu'; readonly falu: 'add' | 'sub' | 'mul' | 'div' }
  /** f64 def ← op a. */
  | { readonly op: 'funary'; readonly funary: 'neg' | 'abs' | 'sqrt' }
  /** i32 def ← (a cond b) for doubles, with conditions chosen false on unordered (except ne). */
  | { readonly op: 'fcmp'; readonly cond: number }
  /** f64 def ← i32 use. */
  | { readonly op: 'i2f' }
  /** i32 def ← f64 use, truncating, saturating, NaN → 0 (what vcvt.s32.f64 does). */
  | { readonly op: 'f2i' }
  /** Decrements the pinned fuel counter; traps fuel_exhausted when it goes negative. */
  | { readonly op: 'fuel' };

/** b/bl with a 24-bit word offset, to a label or an absolute symbol address. */
export type ArmFixup = 'branch24';
