// The native engine, the same for every ISA: compiles functions with the ISA's target (all
// up front when `eager`, otherwise each on its first call, through the code cache's lazy
// stubs), runs them in Unicorn over the program's memory, and maps guest faults to traps
// naming the function. The ISA supplies data, lowering and encoding (NativeIsa).
import { EmuTrap, type EmuTrapKind } from '../emu/emu-trap.ts';
import type { HostFunction as EmuHostFunction } from '../emu/host-function.ts';
import type { CallResult, CountingOptions, GuestMachine } from '../emu/guest-machine.ts';
import { emptyStats, type Engine, type EngineOptions, type EngineStats } from '../engine.ts';
import type { RootSource, RootVisitor } from '../gc/interface.ts';
import { funcReferences } from '../ir/text/func-references.ts';
import type { Func } from '../ir/module.ts';
import { RaiseAnalysis } from '../ir/raise-analysis.ts';
import { Trap, type TrapKind } from '../ir/traps.ts';
import { HOST_SYMBOL, TRAP_SYMBOL } from '../machine/code-symbols.ts';
import type { LoweringEnv } from '../machine/lowering-env.ts';
import { PatternCounts } from '../machine/isel/rule.ts';
import { GuestException } from '../runtime/host.ts';
import type { CodeListener, Program } from '../runtime/program.ts';
import { CodeCache } from './code-cache.ts';
import { codeKey, targetFacts } from './code-key.ts';
import { codeStoreFor } from './compiled-code-store.ts';
import { placeEntryArgs } from './entry-args.ts';
import { createGuestMachine } from './guest-setup.ts';
import { bridgeHostFunction, type HostCallTracker } from './host-bridge.ts';
import { formatListing } from './listing.ts';
import type { NativeIsa } from './native-isa.ts';
import { MissingStackMap, visitStackPrecisely } from './precise-roots.ts';
import { CODE_TRAP_KINDS, trapHost } from './trap-slots.ts';

const MAX_FUEL = 0x7fffffff;
const COMPILE_SYMBOL = 'jit:compile';
const EMU_TRAP: Record<EmuTrapKind, TrapKind> = {
  bad_pointer: 'bad_pointer',
  stack_overflow: 'stack_overflow',
  fuel_exhausted: 'fuel_exhausted',
  illegal_instruction: 'host_error',
};

export class NativeEngine<D, K> implements Engine, RootSource, CodeListener {
  readonly stats: EngineStats = emptyStats();
  private readonly machine: GuestMachine;
  private readonly code: CodeCache<D, K>;
  private readonly funcs = new Map<string, Func>();
  private readonly mayRaise: RaiseAnalysis;
  private readonly stackEnd: number;
  /** The instruction-selection patterns matched by this engine's compiles (for --stats). */
  private readonly patternCounts = new PatternCounts();
  /** The guest stack pointer while a collecting host function runs, else 0. */
  private hostSp = 0;
  /** Where that host call returns to in guest code. */
  private hostReturnAddress = 0;
  /** Told by every bridged host function when a collecting one runs: the guest stack is
   *  suspended there meanwhile. */
  private readonly hostCallTracker: HostCallTracker = {
    enter: (stackPointer, returnAddress) => {
      this.hostSp = stackPointer;
      this.hostReturnAddress = returnAddress;
    },
    leave: () => {
      this.hostSp = 0;
    },
  };

  constructor(
    private readonly isa: NativeIsa<D, K>,
    readonly program: Program,
    options: EngineOptions = {},
    /** Compile every function before the first call (--jit-threshold 0). */
    eager = true,
  ) {
    const module = program.module;
    const fuel = options.fuel ?? Infinity;
    const fueled = Number.isFinite(fuel);
    this.stackEnd = program.layout.stackEnd;
    this.mayRaise = new RaiseAnalysis(module);
    for (const f of module.funcs) this.funcs.set(f.name, f);
    // Variable-length ISAs count a block's instructions from its disassembly, once per block.
    const count: CountingOptions = {
      instructions: true,
      stores: true,
      instructionsIn: (code, address) => isa.disassemble(code, address).length,
    };
    this.machine = createGuestMachine(
      isa.emuArch,
      program,
      options.cpu,
      options.countInstructions ? count : undefined,
      options.timeLimitMs,
    );
    try {
      const slots = this.installRuntimeSlots();
      const image = program.image;
      const env: LoweringEnv = {
        module,
        types: program.types,
        tableBase: program.layout.tableBase,
        staticBase: program.layout.staticBase,
        fuel: fueled,
        funcIndex: (name) => image.funcIndex.get(name)!,
        signatureId: (sig) => image.signatureId(sig),
        globalAddress: (name) => image.globalAddr.get(name)!,
        constAddress: (name) => image.constAddr.get(name)!,
        extern: (name) => module.extern(name),
        mayRaise: (name) => this.mayRaise.has(name) || module.extern(name)?.raises === true,
        patternCounts: this.patternCounts,
      };
      const { target, features } = isa.makeTarget(env, options.cpu);
      const shared = targetFacts(isa.name, env, this.machine.cpuModel, features);
      const store = {
        code: codeStoreFor<K>(isa.name, options.codeCache ?? null),
        keyOf: (f: Func): string => codeKey(env, shared, f),
      };
      this.code = new CodeCache(
        this.machine,
        target,
        program,
        isa.lazyStubs,
        this.machine.hostCallAddress(slots.get(COMPILE_SYMBOL)!),
        (symbol) => this.machine.hostCallAddress(slots.get(symbol) ?? this.installLateExtern(slots, symbol)),
        store,
      );
      if (eager) this.code.compile(module.funcs);
      for (const { reg, role } of target.pinned) {
        this.machine.writeReg(
          isa.emuReg(reg),
          role === 'fuel' ? Math.min(MAX_FUEL, Math.max(0, Math.floor(fuel))) : program.layout.staticBase,
        );
      }
    } catch (error) {
      this.machine.close();
      throw error;
    }
    if (options.countInstructions === true) this.stats.instructionsByFunction = () => this.instructionsByFunction();
    program.heap.addRoots(this);
    program.addCodeListener(this);
    this.updateStats();
  }

  /** Code loaded at run time is compiled at once: the lazy stubs cover the program's
   *  functions at start-up only, and loaded code is hot by the time a frontend loads it. */
  functionsAdded(funcs: readonly Func[]): void {
    // The raise analysis needs no update: code already there cannot call the new functions.
    for (const f of funcs) this.funcs.set(f.name, f);
    this.code.compile(funcs);
    this.updateStats();
  }

  call(name: string, args: number[]): number | undefined {
    const result = this.callNative(name, args);
    if (result.raised)
      throw new Trap('uncaught_exception', `value 0x${(result.value! >>> 0).toString(16)}`, `@${name}`);
    return result.value;
  }

  /** Has the function compiled code? */
  isCompiled(name: string): boolean {
    return this.code.addressOf(name) !== undefined;
  }

  /** Compiles a function now unless it has code (the tiered engine's hot functions). */
  ensureCompiled(name: string): void {
    if (this.code.addressOf(name) !== undefined) return;
    const func = this.funcs.get(name);
    if (!func) throw new Trap('bad_function', `no function @${name}`);
    this.compileLazily(func);
    this.updateStats();
  }

  /** Compiles a function with its uncompiled direct callees in one batch: their calls are
   *  then direct calls instead of going through a lazy stub for the rest of the run. */
  private compileLazily(func: Func): void {
    const batch = [func];
    for (const name of funcReferences(func).calls) {
      const callee = this.funcs.get(name);
      if (callee && !batch.includes(callee) && this.code.addressOf(callee.name) === undefined) batch.push(callee);
    }
    this.code.compile(batch);
  }

  /** One uc_emu_start: the function's result, or the exception it raised (`raised`). */
  callNative(name: string, args: number[]): { value: number | undefined; raised: boolean } {
    const func = this.funcs.get(name);
    if (!func) throw new Trap('bad_function', `no function @${name}`);
    const params = func.sig.params;
    if (args.length !== params.length)
      throw new Trap('bad_function', `@${name} takes ${params.length} arguments, got ${args.length}`);
    this.ensureCompiled(name);
    const entry = placeEntryArgs(this.isa.convention, this.program.memory, this.stackEnd, params, args);
    const started = performance.now();
    const compiledBefore = this.code.compileMillis;
    let result: CallResult;
    try {
      result = this.machine.call(this.code.addressOf(name)!, entry.ints, entry.floats, { stackTop: entry.stackTop });
    } catch (error) {
      throw this.locate(error);
    } finally {
      // Lazy compiles during the run count as compile time, not native time.
      this.stats.nativeMillis += performance.now() - started - (this.code.compileMillis - compiledBefore);
      this.updateStats();
    }
    // The EmuArch's integer result registers are the convention's result, then its status.
    if (this.mayRaise.has(name) && result.ints[1] !== 0) return { value: result.ints[0], raised: true };
    const type = func.sig.result;
    if (!type) return { value: undefined, raised: false };
    return { value: type === 'f64' ? result.float : result.ints[0], raised: false };
  }

  private instructionsByFunction(): Map<string, number> {
    const byFunction = new Map<string, number>();
    for (const [address, n] of this.machine.instructionsByBlock) {
      const name = this.code.codeMap.functionAt(address) ?? '(lazy stubs)';
      byFunction.set(name, (byFunction.get(name) ?? 0) + n);
    }
    return byFunction;
  }

  /** `--emit asm`: every compiled function, in address order. */
  disassemble(): string {
    return formatListing(
      [...this.code.listings].sort((a, b) => a.address - b.address),
      this.isa.disassemble,
    );
  }

  /** Registers hold no refs across a call (every allocatable one is caller-saved), so the
   *  stack is all there is, walked through the stack maps for every collector. A
   *  conservative scan of every stack word would also see what dead frames left in the
   *  slots a live frame has not written yet (spill slots are stored lazily), and keep
   *  garbage alive: see docs/decisions.md, "boehm's stack roots through the stack maps". */
  visitRoots(visit: RootVisitor): void {
    if (this.hostSp === 0) return;
    const stack = { sp: this.hostSp, returnAddress: this.hostReturnAddress, stopAddress: this.machine.stopAddress };
    visitStackPrecisely(stack, this.code.stackMaps, this.program.memory, visit, (a) => this.code.codeMap.functionAt(a));
  }

  dispose(): void {
    this.program.heap.removeRoots(this);
    this.program.removeCodeListener(this);
    this.machine.close();
  }

  /** Host-call slots: the lazy compiler, one per trap kind raised by code, one per extern. */
  private installRuntimeSlots(): Map<string, number> {
    const slots = new Map<string, number>();
    let next = 0;
    slots.set(COMPILE_SYMBOL, next);
    // Reached from a lazy stub with the function's index in the ISA's index register;
    // compiling never collects.
    const indexRegister = this.isa.lazyStubs.indexRegister;
    this.machine.setHostFunction(next++, () => {
      const func = this.program.module.funcs[this.machine.readReg(indexRegister)]!;
      if (this.code.addressOf(func.name) === undefined) this.compileLazily(func);
    });
    for (const kind of CODE_TRAP_KINDS) {
      slots.set(TRAP_SYMBOL(kind), next);
      this.machine.setHostFunction(next++, trapHost(kind));
    }
    for (const ext of this.program.module.externs) {
      slots.set(HOST_SYMBOL(ext.name), next);
      this.machine.setHostFunction(next++, this.bridge(ext.name));
    }
    return slots;
  }

  /** A slot for an extern declared after start-up: a function the driver left unlowered
   *  (Func.unlowered) may be the first to allocate once lowered. */
  private installLateExtern(slots: Map<string, number>, symbol: string): number {
    const name = symbol.startsWith(HOST_SYMBOL('')) ? symbol.slice(HOST_SYMBOL('').length) : undefined;
    if (name === undefined || !this.program.module.extern(name))
      throw new Error(`${this.isa.name}: unresolved symbol ${symbol}`);
    const slot = slots.size;
    this.machine.setHostFunction(slot, this.bridge(name));
    slots.set(symbol, slot);
    return slot;
  }

  private bridge(externName: string): EmuHostFunction {
    return bridgeHostFunction(this.program.bindExtern(externName), this.program.hostContext, this.hostCallTracker);
  }

  private updateStats(): void {
    const c = this.machine.counters;
    this.stats.instructions = c.instructions;
    this.stats.stores = c.stores;
    this.stats.hostCalls = c.hostCalls;
    this.stats.compiledFunctions = this.code.compiledFunctions;
    this.stats.cachedFunctions = this.code.cachedFunctions;
    this.stats.compileMillis = this.code.compileMillis;
    this.stats.selectedPatterns = () => this.patternCounts.entries();
  }

  /** Turns what ended a run into a Trap naming the function it happened in. */
  private locate(error: unknown): unknown {
    if (error instanceof EmuTrap) {
      return new Trap(EMU_TRAP[error.kind], error.message, this.where(error.pc));
    }
    // A host function (or a trap slot) threw: the machine kept its caller's return address,
    // and the byte before it is inside the call instruction, on every ISA.
    const where = this.where((this.machine.hostCallReturnAddress() - 1) >>> 0);
    if (error instanceof Trap) {
      if (!error.where) error.where = where;
      return error;
    }
    if (error instanceof GuestException) return new Trap('host_error', error.message, where);
    if (error instanceof MissingStackMap) return error;
    if (error instanceof Error && error.name !== 'Trap' && error.name !== 'HeapCorruption')
      return new Trap('host_error', error.message, where);
    return error;
  }

  private where(pc: number): string {
    const name = this.code.codeMap.functionAt(pc);
    return name ? `@${name}` : `pc 0x${(pc >>> 0).toString(16)}`;
  }
}
