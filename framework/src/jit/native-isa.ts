// What an ISA plugin supplies to the framework's native engine (docs/native-engine.md).
// Everything else — the code region, lazy compilation, batches, the compiled-code store,
// host and trap slots, entry arguments, tiering, the GC root scan, fault locations and
// listings — is the engine's, the same for every ISA.
import type { EmuArch } from '../emu/emu-arch.ts';
import type { CallConvention } from '../machine/convention.ts';
import type { LoweringEnv } from '../machine/lowering-env.ts';
import type { PReg } from '../machine/regs.ts';
import type { MachineTarget } from '../machine/target.ts';

/** The stubs through which compiled code calls a function that has no code yet. */
export interface LazyStubEncoder {
  /** Bytes of one function's stubs: its call-site stub at offset 0, its compile entry at
   *  `compileEntryOffset`. */
  readonly bytesPerFunction: number;
  readonly compileEntryOffset: number;
  /**
   * The emulator register in which a compile entry hands the function's index to the host
   * compile slot. The call-site stub jumps wherever the function's table slot points (first
   * its compile entry, later its code); the compile entry calls the compile slot, which
   * compiles the function and redirects the slot, then re-enters the call-site stub. Both
   * must leave the arguments, the stack and the return address as they found them.
   */
  readonly indexRegister: number;
  /** The stubs of functions 0..count-1 placed contiguously at `base`. */
  encode(base: number, count: number, tableSlot: (index: number) => number, compileSlot: number): Uint8Array;
}

/** One line of `--emit asm`. */
export interface DisassembledLine {
  readonly address: number;
  /** The instruction's encoding as the listing prints it (hex). */
  readonly encoding: string;
  readonly text: string;
}

/** A target built for one program and CPU model. */
export interface IsaTarget<D, K> {
  readonly target: MachineTarget<D, K>;
  /** What the code depends on beyond the program facts (CPU features such as `sdiv=true`):
   *  part of every compiled-code store key. */
  readonly features: string;
}

export interface NativeIsa<D, K> {
  /** The backend's name: in messages, the code key and the store's file names. */
  readonly name: string;
  /** The emulator's view of the ISA (registers, host-call protocol, CPU models). */
  readonly emuArch: EmuArch;
  /** The internal convention: where the engine puts an entry call's arguments. */
  readonly convention: CallConvention;
  /** The emulator's register id of a target register (the engine sets pinned registers). */
  emuReg(reg: PReg): number;
  /** Lowering rules and encoder for one program; `cpu` as given with --cpu. */
  makeTarget(env: LoweringEnv, cpu: string | undefined): IsaTarget<D, K>;
  readonly lazyStubs: LazyStubEncoder;
  /** Disassembles placed code for `--emit asm`; also counts a block's instructions for
   *  `--stats` when the EmuArch has no fixed instruction size (one line per instruction). */
  disassemble(bytes: Uint8Array, address: number): readonly DisassembledLine[];
}
