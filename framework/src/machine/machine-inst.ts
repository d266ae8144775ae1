import { NO_REG, type PReg, type VReg } from './regs.ts';
import type { MachBlock } from './machine-function.ts';

/**
 * A machine instruction, parameterised by the target: `data` is the target's own opcode and
 * immediates, opaque to the layer; everything the register allocator must know is in the
 * operand list and the flags. Encoders read the allocated registers from `operands[i].preg`,
 * so a target keeps its operands in an order its encoder knows.
 */
export interface MachInst<D> {
  readonly data: D;
  readonly operands: readonly Operand[];
  /** Physical registers the instruction destroys besides its defs (calls: every allocatable one). */
  readonly clobbers: readonly PReg[];
  /** Successor blocks with the values for their parameters; only terminators have targets. */
  readonly targets: readonly BranchTarget[];
  /** Ends its block. A terminator with targets must not define registers (its edge moves
   *  run before it), and a block's only terminator is its last instruction. */
  readonly terminator: boolean;
  /** An unconditional jump to targets[0]: dropped when that block comes next in the layout. */
  readonly jump: boolean;
  /** A call: a safepoint that gets a stack map keyed by its return address. */
  readonly call: boolean;
  /** `def = use` in one register class: the allocator hints both to one register and the
   *  emitter drops the instruction when they got the same one. */
  readonly move: boolean;
  /** Pure, no uses, one def (constants): instead of spilling its value the layer re-emits
   *  the instruction into the register that needs it, so the value never costs a store. */
  readonly remat: boolean;
}

export type OperandKind = 'use' | 'def';

export interface Operand {
  readonly kind: OperandKind;
  /** The virtual register, or NO_REG when the operand names a physical register directly
   *  (stack pointer, pinned registers: never allocatable ones). */
  readonly vreg: VReg;
  /** With a vreg: the register a fixed constraint demands, or NO_REG. Without: the physical
   *  register named. After allocation: always the register the operand uses. */
  readonly preg: PReg;
  /** Def only: written before the uses are read, so it never shares a register with them. */
  readonly early: boolean;
  /** Def only: the index of the use operand whose register it must reuse (two-address
   *  instructions), or -1. */
  readonly reuse: number;
  /** Use only: the value stays live through the instruction without being read in a
   *  register. At a call this puts it in its spill slot there (the return address under the
   *  'value' frame policy, which the stack map reads from its slot). */
  readonly through: boolean;
}

export interface BranchTarget {
  readonly block: MachBlock;
  /** Values for the target block's parameters, in order. */
  readonly args: readonly VReg[];
}

export interface InstFlags {
  clobbers?: readonly PReg[];
  targets?: readonly BranchTarget[];
  terminator?: boolean;
  jump?: boolean;
  call?: boolean;
  move?: boolean;
  remat?: boolean;
}

/** Builds an instruction; a jump or an instruction with targets is a terminator. */
export function machInst<D>(data: D, operands: readonly Operand[], flags: InstFlags = {}): MachInst<D> {
  const targets = flags.targets ?? [];
  return {
    data,
    operands,
    clobbers: flags.clobbers ?? [],
    targets,
    terminator: flags.terminator === true || flags.jump === true || targets.length > 0,
    jump: flags.jump === true,
    call: flags.call === true,
    move: flags.move === true,
    remat: flags.remat === true,
  };
}

/** The same instruction with other operands (the allocator's rewrite to physical registers). */
export function withOperands<D>(inst: MachInst<D>, operands: readonly Operand[]): MachInst<D> {
  return { ...inst, operands };
}

const operand = (kind: OperandKind, vreg: VReg, preg: PReg, early = false, reuse = -1, through = false): Operand => ({
  kind,
  vreg,
  preg,
  early,
  reuse,
  through,
});

/** Reads `v` in any register of its class. */
export const use = (v: VReg): Operand => operand('use', v, NO_REG);
/** Writes `v` in any register of its class. */
export const def = (v: VReg): Operand => operand('def', v, NO_REG);
/** Reads `v` from exactly register `p` (call arguments, returned values). */
export const fixedUse = (v: VReg, p: PReg): Operand => operand('use', v, p);
/** Keeps `v` live through the instruction, in no particular place (see Operand.through). */
export const liveThrough = (v: VReg): Operand => operand('use', v, NO_REG, false, -1, true);
/** Writes `v` into exactly register `p` (call results, incoming arguments). */
export const fixedDef = (v: VReg, p: PReg): Operand => operand('def', v, p);
/** Writes `v` before the instruction reads its uses. */
export const earlyDef = (v: VReg): Operand => operand('def', v, NO_REG, true);
/** Writes `v` into the register of use operand `useIndex` (x86's `add dst, src`). */
export const reuseDef = (v: VReg, useIndex: number): Operand => operand('def', v, NO_REG, false, useIndex);
/** Reads a physical register the allocator does not manage (stack pointer, pinned registers). */
export const physUse = (p: PReg): Operand => operand('use', NO_REG, p);
/** Writes a physical register the allocator does not manage. */
export const physDef = (p: PReg): Operand => operand('def', NO_REG, p);

export function isFixed(op: Operand): boolean {
  return op.vreg !== NO_REG && op.preg !== NO_REG;
}

export function isVirtual(op: Operand): boolean {
  return op.vreg !== NO_REG;
}
