import type { Func } from '../ir/module.ts';
import type { CodeBuffer, Label, PatchFunction } from './code-buffer.ts';
import type { FrameLayout } from './frame-layout.ts';
import type { FrameSlot } from './frame-slot.ts';
import type { LoweringContext } from './lowering-context.ts';
import type { MachBlock } from './machine-function.ts';
import type { MachInst } from './machine-inst.ts';
import type { PReg, RegClass, VRegType } from './regs.ts';

/** The registers of one class. */
export interface RegClassInfo {
  /** Registers the allocator hands out, most preferred first. The internal calling
   *  convention has no callee-saved registers, so calls clobber all of them. */
  readonly allocatable: readonly PReg[];
  /** Registers reserved for the layer's move sequences (the first one: memory-to-memory
   *  moves; a second one, if any, breaks move cycles without a temporary slot) and for the
   *  encoder's own expansions. Never allocated. */
  readonly scratch: readonly PReg[];
}

/**
 * What a pinned register holds for the whole run: 'static-base' the address of static data's
 * start (globals at small positive offsets, the runtime words just below), 'fuel' the
 * remaining instruction budget.
 */
export type PinnedRole = 'static-base' | 'fuel';

export interface PinnedRegister {
  readonly reg: PReg;
  readonly role: PinnedRole;
}

export interface FramePolicy {
  /** Bytes of a machine word (4 on ARM, 8 on x86-64): the size of a saved return address. */
  readonly wordSize: number;
  /** A frame's size (plus a pushed return address) is a multiple of this. */
  readonly stackAlignment: number;
  /** 'register': a call leaves the return address in a register (ARM's lr), so non-leaf
   *  functions save it in a frame slot. 'pushed': the call pushes it (x86), so it sits just
   *  above the frame. 'value': it arrives in a register, and lowering makes it a value
   *  (`machine.returnAddress`: a fixed def at entry, a fixed use at every call and every
   *  exit), allocated like any other, so only the paths that make calls store it; at every
   *  call it is in its spill slot, which the stack maps name. */
  readonly returnAddress: 'register' | 'pushed' | 'value';
}

/** What an encoder needs besides the instruction. */
export interface EmitContext {
  readonly frame: FrameLayout;
  labelOf(block: MachBlock): Label;
  /** The block laid out right after the current one: a branch to it can fall through. */
  readonly nextBlock: MachBlock | null;
}

/**
 * The target description a backend supplies (QBE's Target); the machine layer does the rest
 * (liveness, allocation, moves, frame layout, stack maps, the code buffer). `D` is the
 * target's instruction data and `K` its relocation kinds. (Named apart from the IR's edge
 * `Target`, which lowering code handles too.)
 *
 * The move, load and store instructions run between a compare and its branch, so they must
 * leave the condition flags alone.
 */
export interface MachineTarget<D, K = string> {
  readonly name: string;
  readonly regs: Readonly<Record<RegClass, RegClassInfo>>;
  readonly frame: FramePolicy;
  /** Registers kept out of allocation for the whole run (in no class's `allocatable`), with
   *  what each holds. The engine sets them before guest code first runs; generated code
   *  only reads them (fuel: counts down) and host calls leave them alone. */
  readonly pinned: readonly PinnedRegister[];
  regName(p: PReg): string;

  /** Lowers an IR function into machine blocks over virtual registers (see LoweringContext). */
  lower(func: Func, ctx: LoweringContext<D>): void;

  /** Register-to-register copy within one class, with operands [physDef(dst), physUse(src)]
   *  (the layer retargets it at virtual registers for two-address copies). */
  move(cls: RegClass, dst: PReg, src: PReg): MachInst<D>;
  /** Reload: register ← frame slot. */
  load(type: VRegType, dst: PReg, slot: FrameSlot): MachInst<D>;
  /** Spill: frame slot ← register. */
  store(type: VRegType, slot: FrameSlot, src: PReg): MachInst<D>;
  /** An unconditional jump (for blocks that split critical edges). */
  jump(to: MachBlock): MachInst<D>;

  /** Writes the prologue (frame allocation, return-address save, stack probe). */
  emitPrologue(buf: CodeBuffer<K>, frame: FrameLayout): void;
  /** Encodes one allocated instruction; returns include their epilogue. For a call, the
   *  return address must be the buffer offset right after its encoding. */
  emit(buf: CodeBuffer<K>, inst: MachInst<D>, ctx: EmitContext): void;
  /** Resolves one relocation (see CodeBuffer.finish). */
  readonly patch: PatchFunction<K>;
  /** One instruction as assembly text, for `--emit asm` and test failures. */
  format?(inst: MachInst<D>): string;
}

/** The class a physical register belongs to, from the target's register lists. */
export function pregClass<D, K>(target: MachineTarget<D, K>, p: PReg): RegClass {
  for (const cls of ['int', 'float'] as const) {
    const info = target.regs[cls];
    if (info.allocatable.includes(p) || info.scratch.includes(p)) return cls;
  }
  throw new Error(`${target.name}: register ${p} is in no register class`);
}
