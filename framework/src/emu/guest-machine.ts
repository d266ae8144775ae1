// One Unicorn engine running guest code for one ISA: shared host memory, a code
// region, a hooked runtime page of host-call slots, and calls into guest code
// that end at a stop address or with a typed EmuTrap.
import type { CpuAccess, EmuArch, HostCallCode } from './emu-arch.ts';
import { EmuTrap } from './emu-trap.ts';
import { trapForError, trapForMemoryFault, type AddressRange, type MemoryFault } from './fault-records.ts';
import { HookSet } from './hook-set.ts';
import { RegisterArguments, type HostArguments } from './host-arguments.ts';
import { HostFrameBlock } from './host-frame-block.ts';
import { MachineHostCallFrame, type HostFunction } from './host-function.ts';
import { RegisterBatch } from './register-batch.ts';
import { compareVersions, FAST_STORES_UNICORN } from './unicorn-choice.ts';
import {
  check,
  unicorn,
  UnicornError,
  UC_CTL_IO,
  UC_CTL_TYPE,
  UC_ERR,
  UC_HOOK,
  UC_PAGE_SIZE,
  UC_PROT,
  ucCtlWord,
  type UcEngine,
  type UnicornLibrary,
} from './unicorn-ffi.ts';

export interface CountingOptions {
  /** Exact guest instruction count: a block hook calls into JS per block (~10 M instructions/s). */
  readonly instructions?: boolean;
  /** Guest store accesses: a memory-write hook calls into JS per store. */
  readonly stores?: boolean;
  /**
   * For an arch whose instructions vary in length (no `fixedInstructionSize`): how many
   * instructions a translated block's code holds (a disassembler's count). Each block is
   * measured once and counted per execution by the block hook, as on fixed-length ISAs;
   * without it such an arch is counted per instruction by a code hook (slower, and with no
   * per-block counts).
   */
  readonly instructionsIn?: (code: Uint8Array, address: number) => number;
}

export interface GuestMachineOptions {
  readonly arch: EmuArch;
  /** One of `arch.cpuModels`' names; defaults to `arch.defaultCpuModel`. */
  readonly cpuModel?: string;
  /**
   * Page-aligned address of the runtime area, two pages: code (the stop address, host-call
   * slots, their shared code), then the frame block host calls pass values through.
   */
  readonly runtimePage: number;
  /** Accesses here are reported as 'stack_overflow' (keep the range unmapped). */
  readonly stackGuard?: AddressRange;
  /** Initial stack pointer for calls (a call can override it). */
  readonly stackTop?: number;
  /** Wall-clock microseconds a call may run before Unicorn stops it (0: no limit). */
  readonly timeLimitMicros?: number;
  readonly count?: CountingOptions;
  /**
   * How host functions get their register arguments: 'saved' by the slot's code into the
   * frame block (no FFI call; the default on Unicorn 2.1 and newer), or read from the
   * 'registers' in one batch (the default on 2.0, where each guest store costs ~70 ns).
   */
  readonly hostCallArguments?: 'saved' | 'registers';
  /**
   * Allow `instructionBudget` on calls. Unicorn applies a budget only to code
   * translated while one is active, and dropping it flushes every translation,
   * so a machine either always runs with a budget (code 4-15× slower) or never.
   */
  readonly instructionBudgets?: boolean;
}

export interface CallOptions {
  readonly stackTop?: number;
  /** Ends the run with 'fuel_exhausted' after this many instructions (needs `instructionBudgets`). */
  readonly instructionBudget?: number;
}

/** The budget of calls without one on a budgeting machine. */
const UNLIMITED_BUDGET = Number.MAX_SAFE_INTEGER;

export interface CallResult {
  /** The integer result registers (r0, r1 on ARM) as signed 32-bit values. */
  readonly ints: readonly number[];
  /** The first float result register (d0 on ARM). */
  readonly float: number;
}

export interface MachineCounters {
  instructions: number;
  stores: number;
  hostCalls: number;
}

type PendingStop =
  | { readonly kind: 'host-error'; readonly error: unknown }
  | { readonly kind: 'trap'; readonly trap: EmuTrap };

/** Host memory mapped into the guest, so words there are read without an FFI call. */
interface HostMapping {
  readonly address: number;
  readonly end: number;
  readonly view: DataView;
}

/** Runtime page code by architecture, host-call protocol and layout (runtimePageCode). */
const RUNTIME_PAGES = new Map<string, Uint8Array>();

export class GuestMachine implements CpuAccess {
  readonly arch: EmuArch;
  readonly cpuModel: string;
  readonly runtimePage: number;
  /** Reaching this address ends a call. It lies on the runtime page, before the first slot. */
  readonly stopAddress: number;
  readonly hostCallSlots: number;
  readonly hostCallArguments: 'saved' | 'registers';
  stackTop: number;
  readonly instructionBudgets: boolean;
  private readonly timeLimitMicros: number;

  private readonly lib: UnicornLibrary;
  private readonly uc: UcEngine;
  private readonly hooks: HookSet;
  private readonly stackGuard: AddressRange | undefined;
  private readonly hostFunctions: (HostFunction | undefined)[];
  private readonly hostCallCode: HostCallCode;
  private readonly firstSlotAddress: number;
  private readonly sharedCodeAddress: number;
  private readonly frameBlockAddress: number;
  /** The frame block's memory, shared with the guest. */
  private readonly frameBlockBytes = new ArrayBuffer(UC_PAGE_SIZE);
  private readonly frameBlock: HostFrameBlock;
  private readonly hostArguments: HostArguments;
  private readonly frame: MachineHostCallFrame;
  /** Host objects mapped into the guest: referenced here so they outlive the mapping. */
  private readonly mappedHostMemory: HostMapping[] = [];
  private readonly regBytes = new ArrayBuffer(64);
  private readonly regU32 = new Uint32Array(this.regBytes);
  private readonly regF64 = new Float64Array(this.regBytes);
  private readonly counterValues: MachineCounters = { instructions: 0, stores: 0, hostCalls: 0 };
  private readonly blockInstructions = new Map<number, number>();
  private readonly argumentBatch: RegisterBatch;
  /** Result registers then the PC, read together after every call. */
  private readonly resultBatch: RegisterBatch;
  private readonly pcSlot: number;
  private readonly floatResultSlot: number;
  private pending: PendingStop | undefined;
  private running = false;
  private closed = false;

  constructor(options: GuestMachineOptions) {
    const { arch } = options;
    this.arch = arch;
    this.cpuModel = options.cpuModel ?? arch.defaultCpuModel;
    const modelId = arch.cpuModels[this.cpuModel];
    if (modelId === undefined) {
      throw new Error(
        `unknown CPU model '${this.cpuModel}' for ${arch.name}; known: ${Object.keys(arch.cpuModels).join(', ')}`,
      );
    }
    assertPageAligned('runtime page', options.runtimePage, UC_PAGE_SIZE);
    this.runtimePage = options.runtimePage;
    const library = unicorn().library;
    const storesAreCheap = library.version !== undefined && compareVersions(library.version, FAST_STORES_UNICORN) >= 0;
    this.hostCallArguments = options.hostCallArguments ?? (storesAreCheap ? 'saved' : 'registers');
    // The code page: the stop address first, then the slots, the shared code at the end
    // (next to the frame block, which its PC-relative accesses must reach).
    const protocol =
      this.hostCallArguments === 'saved' ? arch.hostCalls.savingArguments : arch.hostCalls.argumentsInRegisters;
    this.hostCallCode = protocol;
    const firstSlotOffset = Math.max(protocol.firstSlotOffset, arch.stopFiller.length);
    const sharedCodeOffset = UC_PAGE_SIZE - protocol.sharedCodeSize;
    this.hostCallSlots = Math.floor((sharedCodeOffset - firstSlotOffset) / protocol.slotSize);
    this.stopAddress = options.runtimePage;
    this.firstSlotAddress = options.runtimePage + firstSlotOffset;
    this.sharedCodeAddress = options.runtimePage + sharedCodeOffset;
    this.frameBlockAddress = options.runtimePage + UC_PAGE_SIZE;
    this.frameBlock = new HostFrameBlock(this.frameBlockBytes, arch.hostCalls.frame);
    this.stackGuard = options.stackGuard;
    this.stackTop = options.stackTop ?? 0;
    this.instructionBudgets = options.instructionBudgets ?? false;
    this.timeLimitMicros = options.timeLimitMicros ?? 0;
    this.hostFunctions = new Array<HostFunction | undefined>(this.hostCallSlots);

    this.lib = unicorn().lib;
    const engineOut: [UcEngine | null] = [null];
    check('uc_open', this.lib.uc_open(arch.ucArch, arch.ucMode, engineOut));
    this.uc = engineOut[0]!;
    this.hooks = new HookSet(this.uc);
    this.hostArguments =
      this.hostCallArguments === 'saved' ? this.frameBlock : new RegisterArguments(this.lib, this.uc, arch);
    this.frame = new MachineHostCallFrame(this.hostArguments, this.frameBlock, arch, (address) =>
      this.readWord(address),
    );
    this.argumentBatch = new RegisterBatch(this.lib, this.uc);
    this.resultBatch = new RegisterBatch(this.lib, this.uc);
    for (const reg of arch.intResultRegs) this.resultBatch.addInt(reg);
    this.floatResultSlot = this.resultBatch.addFloat(arch.floatResultRegs[0]!);
    this.pcSlot = this.resultBatch.addInt(arch.pcReg);
    try {
      // The model can only be chosen before the engine initializes its CPU on first use.
      this.control('cpu model', UC_CTL_TYPE.CPU_MODEL, 'int', modelId);
      // Exits mode with no exits: uc_emu_start's `until` would otherwise retranslate a
      // block on every run (Unicorn invalidates the exit's neighbourhood after each
      // run: ~2.5 µs instead of ~0.15 µs), and an `until` of 0 would turn a jump to
      // null into a normal stop. The stop hook below ends runs instead.
      this.control('use exits', UC_CTL_TYPE.UC_USE_EXITS, 'int', 1);
      arch.initialize(this);
      this.mapRuntimePage();
      this.installFaultHooks();
      this.installCountingHooks(options.count ?? {});
    } catch (error) {
      this.close();
      throw error;
    }
  }

  // ---- memory ----------------------------------------------------------------

  /**
   * Maps `length` bytes of `memory` from `offset` at guest `address` without copying:
   * guest and host then see the same bytes. The buffer must never be resized or
   * transferred while mapped (Unicorn holds a raw pointer to it).
   */
  mapHostMemory(
    address: number,
    memory: ArrayBuffer,
    options: { offset?: number; length?: number; perms?: number } = {},
  ): void {
    const offset = options.offset ?? 0;
    const length = options.length ?? memory.byteLength - offset;
    if ((memory as { resizable?: boolean }).resizable === true) throw new Error('cannot map a resizable ArrayBuffer');
    assertPageAligned('guest address', address, UC_PAGE_SIZE);
    assertPageAligned('mapping length', length, UC_PAGE_SIZE);
    const view = new Uint8Array(memory, offset, length);
    const perms = options.perms ?? UC_PROT.READ | UC_PROT.WRITE;
    check('uc_mem_map_ptr', this.lib.uc_mem_map_ptr(this.uc, address, length, perms, view));
    this.mappedHostMemory.push({ address, end: address + length, view: new DataView(memory, offset, length) });
  }

  /** Maps Unicorn-owned read+execute memory for code. */
  mapCodeRegion(address: number, size: number): void {
    assertPageAligned('code address', address, UC_PAGE_SIZE);
    assertPageAligned('code size', size, UC_PAGE_SIZE);
    check('uc_mem_map', this.lib.uc_mem_map(this.uc, address, size, UC_PROT.READ | UC_PROT.EXEC));
  }

  /** Writes machine code and drops translated blocks of that range, so the new bytes run. */
  writeCode(address: number, code: Uint8Array): void {
    this.writeMemory(address, code);
    this.removeTranslationCache(address, address + code.length);
  }

  /** Forgets translated blocks overlapping [begin, end). Safe inside hooks, unlike a full flush. */
  removeTranslationCache(begin: number, end: number): void {
    if (end <= begin) return;
    this.control('tb remove cache', UC_CTL_TYPE.TB_REMOVE_CACHE, 'uint64', begin, 'uint64', end);
  }

  protect(address: number, size: number, perms: number): void {
    check('uc_mem_protect', this.lib.uc_mem_protect(this.uc, address, size, perms));
  }

  unmap(address: number, size: number): void {
    check('uc_mem_unmap', this.lib.uc_mem_unmap(this.uc, address, size));
  }

  readMemory(address: number, length: number): Uint8Array {
    const bytes = new Uint8Array(length);
    if (length > 0) check('uc_mem_read', this.lib.uc_mem_read(this.uc, address, bytes, length));
    return bytes;
  }

  writeMemory(address: number, bytes: Uint8Array): void {
    if (bytes.length > 0) check('uc_mem_write', this.lib.uc_mem_write(this.uc, address, bytes, bytes.length));
  }

  /** A little-endian 32-bit word, unsigned; straight from host memory when it is mapped there. */
  readWord(address: number): number {
    for (const mapping of this.mappedHostMemory) {
      if (address >= mapping.address && address + 4 <= mapping.end)
        return mapping.view.getUint32(address - mapping.address, true);
    }
    return new DataView(this.readMemory(address, 4).buffer).getUint32(0, true);
  }

  // ---- registers ---------------------------------------------------------------

  readReg(regId: number): number {
    check('uc_reg_read', this.lib.uc_reg_read(this.uc, regId, this.regU32));
    return this.regU32[0]!;
  }

  writeReg(regId: number, value: number): void {
    this.regU32[0] = value >>> 0;
    this.regU32[1] = 0;
    check('uc_reg_write', this.lib.uc_reg_write(this.uc, regId, this.regU32));
  }

  writeRegs(
    ints: readonly (readonly [regId: number, value: number])[],
    floats: readonly (readonly [regId: number, value: number])[] = [],
  ): void {
    const batch = this.argumentBatch.clear();
    for (const [regId, value] of ints) batch.addInt(regId, value);
    for (const [regId, value] of floats) batch.addFloat(regId, value);
    batch.write();
  }

  readRegF64(regId: number): number {
    check('uc_reg_read', this.lib.uc_reg_read(this.uc, regId, this.regU32));
    return this.regF64[0]!;
  }

  writeRegF64(regId: number, value: number): void {
    this.regF64[0] = value;
    this.regF64[1] = 0;
    check('uc_reg_write', this.lib.uc_reg_write(this.uc, regId, this.regU32));
  }

  // ---- host calls -------------------------------------------------------------

  /** The guest address that calls host function `slot`. */
  hostCallAddress(slot: number): number {
    this.checkSlot(slot);
    return this.firstSlotAddress + slot * this.hostCallCode.slotSize;
  }

  /**
   * Installs `fn` in `slot`. It sees arguments and sets results through its frame: results
   * written to registers otherwise would be overwritten, and the link register may belong
   * to the slot's code while it runs (the caller's return address is
   * `hostCallReturnAddress()`). The slot may clobber what a call may (ARM: ip and the flags).
   */
  setHostFunction(slot: number, fn: HostFunction): void {
    this.checkSlot(slot);
    this.hostFunctions[slot] = fn;
  }

  /** Where the current (or last) host call returns to in its caller: locates a host error. */
  hostCallReturnAddress(): number {
    return this.hostArguments.returnAddress();
  }

  // ---- running ------------------------------------------------------------------

  /**
   * Calls guest code at `entryAddress` with the arch's calling convention and runs
   * it until it returns to the stop address. Throws EmuTrap for guest faults and
   * rethrows whatever a host function threw.
   */
  call(
    entryAddress: number,
    intArgs: readonly number[] = [],
    floatArgs: readonly number[] = [],
    options: CallOptions = {},
  ): CallResult {
    this.assertOpen();
    if (this.running) throw new Error('GuestMachine.call is not re-entrant (host functions must not call guest code)');
    this.arch.enterCall(this, {
      stopAddress: this.stopAddress,
      stackTop: options.stackTop ?? this.stackTop,
      intArgs,
      floatArgs,
    });
    const budget = this.budgetFor(options.instructionBudget);
    this.pending = undefined;
    this.running = true;
    let code: number;
    try {
      // `until` is ignored in exits mode; the stop hook ends the run.
      code = this.lib.uc_emu_start(this.uc, entryAddress, 0, this.timeLimitMicros, budget);
    } finally {
      this.running = false;
    }
    this.resultBatch.read();
    this.throwIfStoppedEarly(code, options.instructionBudget !== undefined, this.resultBatch.int(this.pcSlot));
    return {
      ints: this.arch.intResultRegs.map((_, slot) => this.resultBatch.int(slot) | 0),
      float: this.resultBatch.float(this.floatResultSlot),
    };
  }

  /** Stops the current run from inside a hook or host function. */
  stop(): void {
    this.lib.uc_emu_stop(this.uc);
  }

  /** Instructions executed per translated block's start address, when counting instructions
   *  by blocks (fixed-size instructions, or `instructionsIn` given): what `--stats` turns
   *  into hot functions. */
  get instructionsByBlock(): ReadonlyMap<number, number> {
    return this.blockInstructions;
  }

  get counters(): Readonly<MachineCounters> {
    return { ...this.counterValues };
  }

  resetCounters(): void {
    this.counterValues.instructions = 0;
    this.counterValues.stores = 0;
    this.counterValues.hostCalls = 0;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.lib.uc_close(this.uc);
    this.hooks.releaseAfterClose();
    this.mappedHostMemory.length = 0;
  }

  // ---- internals ----------------------------------------------------------------

  /** The `count` argument of uc_emu_start: 0 (no counting) on machines without budgets. */
  private budgetFor(instructionBudget: number | undefined): number {
    if (!this.instructionBudgets) {
      if (instructionBudget !== undefined) {
        throw new Error('instruction budgets need a GuestMachine created with instructionBudgets: true');
      }
      return 0;
    }
    if (instructionBudget === undefined) return UNLIMITED_BUDGET;
    if (!Number.isInteger(instructionBudget) || instructionBudget < 1) {
      throw new RangeError(`instruction budget must be a positive integer, got ${instructionBudget}`);
    }
    return instructionBudget;
  }

  private throwIfStoppedEarly(code: number, hadBudget: boolean, pc: number): void {
    const pending = this.pending;
    this.pending = undefined;
    if (pending?.kind === 'host-error') throw pending.error;
    if (pending?.kind === 'trap') throw pending.trap;
    if (code !== UC_ERR.OK) throw trapForError(code, pc) ?? new UnicornError('uc_emu_start', code);
    if (pc === this.stopAddress) return;
    // A spent `count` returns UC_ERR_OK with the PC wherever the budget ran out.
    if (hadBudget) throw new EmuTrap('fuel_exhausted', pc, pc);
    if (this.timeLimitMicros > 0)
      throw new Error(`the time limit of ${this.timeLimitMicros / 1000} ms ran out at pc 0x${pc.toString(16)}`);
    throw new Error(`emulation stopped at pc 0x${pc.toString(16)} before reaching the stop address`);
  }

  private stopWith(stop: PendingStop): void {
    // The first reason wins: a fault caused by an earlier host error is noise.
    this.pending ??= stop;
    this.lib.uc_emu_stop(this.uc);
  }

  /** The runtime page's code: the same for every machine of an architecture and layout, so
   *  made once per process (its 500 host-call slots cost a small program's run 20 ms). */
  private runtimePageCode(): Uint8Array {
    const protocol = this.hostCallCode;
    const key = `${this.arch.name} ${this.hostCallArguments} ${this.runtimePage} ${this.frameBlockAddress}`;
    const made = RUNTIME_PAGES.get(key);
    if (made) return made;
    const page = new Uint8Array(UC_PAGE_SIZE);
    const offset = (address: number): number => address - this.runtimePage;
    page.set(this.arch.stopFiller, offset(this.stopAddress));
    for (let i = 0; i < this.hostCallSlots; i++) {
      const address = this.firstSlotAddress + i * protocol.slotSize;
      page.set(protocol.slot(address, this.sharedCodeAddress, this.frameBlockAddress), offset(address));
    }
    page.set(protocol.sharedCode(this.sharedCodeAddress, this.frameBlockAddress), offset(this.sharedCodeAddress));
    RUNTIME_PAGES.set(key, page);
    return page;
  }

  /** Maps the runtime area: its code page, written once here, and the frame block (host memory). */
  private mapRuntimePage(): void {
    const page = this.runtimePageCode();
    const protocol = this.hostCallCode;
    check('uc_mem_map', this.lib.uc_mem_map(this.uc, this.runtimePage, UC_PAGE_SIZE, UC_PROT.READ | UC_PROT.EXEC));
    this.writeMemory(this.runtimePage, page);
    const block = new Uint8Array(this.frameBlockBytes);
    check(
      'uc_mem_map_ptr',
      this.lib.uc_mem_map_ptr(this.uc, this.frameBlockAddress, UC_PAGE_SIZE, UC_PROT.READ | UC_PROT.WRITE, block),
    );
    const { callbacks, emuStopFunction } = unicorn();
    // One JS hook: on the shared code's hooked instruction, or over the slots. The stop
    // address has a native hook that stops the run before its instruction executes.
    if (protocol.hookOffset !== undefined) {
      const hooked = this.sharedCodeAddress + protocol.hookOffset;
      this.hooks.add(UC_HOOK.CODE, callbacks.hookCodeAddress, this.onSavedHostCall, hooked, hooked);
    } else {
      const lastSlotByte = this.firstSlotAddress + this.hostCallSlots * protocol.slotSize - 1;
      this.hooks.add(UC_HOOK.CODE, callbacks.hookCodeAddress, this.onHostCallSlot, this.firstSlotAddress, lastSlotByte);
    }
    this.hooks.addNative(UC_HOOK.CODE, emuStopFunction, this.stopAddress, this.stopAddress);
  }

  /** Arguments saved: the frame block names the slot. */
  private readonly onSavedHostCall = (): void => {
    this.hostCall((this.frameBlock.slotAddress() - this.firstSlotAddress) / this.hostCallCode.slotSize);
  };

  /** Arguments in registers: the hook fired on the slot itself. */
  private readonly onHostCallSlot = (_uc: number, address: number): void => {
    this.hostCall((address - this.firstSlotAddress) / this.hostCallCode.slotSize);
  };

  private hostCall(slot: number): void {
    this.counterValues.hostCalls++;
    const fn = this.hostFunctions[slot];
    if (fn === undefined) {
      this.stopWith({ kind: 'host-error', error: new Error(`guest called empty host-call slot ${slot}`) });
      return;
    }
    try {
      this.frame.begin(slot);
      fn(this.frame);
    } catch (error) {
      // Letting the exception escape would not stop emulation; stop before the return instruction runs.
      this.stopWith({ kind: 'host-error', error });
    }
  }

  private installFaultHooks(): void {
    const { callbacks } = unicorn();
    this.hooks.add(UC_HOOK.MEM_INVALID, callbacks.eventMem, this.onInvalidMemory);
    this.hooks.add(UC_HOOK.INSN_INVALID, callbacks.hookInsnInvalid, this.onInvalidInstruction);
    this.hooks.add(UC_HOOK.INTR, callbacks.hookIntr, this.onInterrupt);
  }

  private readonly onInvalidMemory = (_uc: unknown, ucMemType: number, address: number): boolean => {
    const fault: MemoryFault = { ucMemType, address: Number(address), pc: this.readReg(this.arch.pcReg) };
    this.pending ??= { kind: 'trap', trap: trapForMemoryFault(fault, this.stackGuard) };
    return false;
  };

  private readonly onInvalidInstruction = (): boolean => {
    const pc = this.readReg(this.arch.pcReg);
    this.pending ??= { kind: 'trap', trap: new EmuTrap('illegal_instruction', pc, pc) };
    return false;
  };

  private readonly onInterrupt = (_uc: unknown, interruptNumber: number): void => {
    const pc = this.arch.interruptPc(interruptNumber, this.readReg(this.arch.pcReg));
    const kind = this.arch.interruptTrap(interruptNumber);
    this.stopWith({ kind: 'trap', trap: new EmuTrap(kind, pc, pc, undefined, `CPU exception ${interruptNumber}`) });
  };

  private installCountingHooks(count: CountingOptions): void {
    const { callbacks } = unicorn();
    if (count.instructions === true) {
      const instructionsIn = this.blockMeasure(count);
      // The runtime page's code (host-call slots and their return, the stop address) is the
      // machine's, not the program's: it is not counted.
      const page = this.runtimePage;
      if (instructionsIn !== undefined) {
        const byBlock = this.blockInstructions;
        this.hooks.add(UC_HOOK.BLOCK, callbacks.hookCodeAddress, (_uc: number, address: number, blockBytes: number) => {
          if ((address - page) >>> 0 >= UC_PAGE_SIZE) {
            const n = instructionsIn(address, blockBytes);
            this.counterValues.instructions += n;
            byBlock.set(address, (byBlock.get(address) ?? 0) + n);
          }
        });
      } else {
        this.hooks.add(UC_HOOK.CODE, callbacks.hookCodeAddress, (_uc: number, address: number) => {
          if ((address - page) >>> 0 >= UC_PAGE_SIZE) this.counterValues.instructions++;
        });
      }
    }
    if (count.stores === true) {
      // Host calls store their arguments into the frame block: the machine's stores, not the program's.
      const block = this.frameBlockAddress;
      this.hooks.add(UC_HOOK.MEM_WRITE, callbacks.hookMemAddress, (_uc: number, _type: number, address: number) => {
        if ((address - block) >>> 0 >= UC_PAGE_SIZE) this.counterValues.stores++;
      });
    }
  }

  /** Instructions in a block (address, bytes): its size over the fixed instruction size, or
   *  the arch's count of its code, measured once per block address and size. */
  private blockMeasure(count: CountingOptions): ((address: number, bytes: number) => number) | undefined {
    const size = this.arch.fixedInstructionSize;
    if (size !== undefined) return (_address, bytes) => bytes / size;
    const measure = count.instructionsIn;
    if (measure === undefined) return undefined;
    const measured = new Map<number, { bytes: number; instructions: number }>();
    return (address, bytes) => {
      let block = measured.get(address);
      if (block === undefined || block.bytes !== bytes) {
        block = { bytes, instructions: measure(this.readMemory(address, bytes), address) };
        measured.set(address, block);
      }
      return block.instructions;
    };
  }

  private control(what: string, type: number, ...typedArgs: (string | number)[]): void {
    const word = ucCtlWord(type, typedArgs.length / 2, UC_CTL_IO.WRITE);
    check(`uc_ctl (${what})`, this.lib.uc_ctl(this.uc, word, ...typedArgs));
  }

  private checkSlot(slot: number): void {
    if (!Number.isInteger(slot) || slot < 0 || slot >= this.hostCallSlots) {
      throw new RangeError(`host-call slot ${slot} out of range 0..${this.hostCallSlots - 1}`);
    }
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('GuestMachine is closed');
  }
}

function assertPageAligned(what: string, value: number, page: number): void {
  if (!Number.isInteger(value) || value < 0 || value % page !== 0) {
    throw new RangeError(`${what} 0x${value.toString(16)} is not a multiple of ${page}`);
  }
}
