// The armv7 engine: compiles the whole module to A32 code up front, runs it in Unicorn
// over the program's memory, and maps guest faults to traps naming the function.
import { emptyStats, emu, GuestException, PAGE, Trap, type Engine, type EngineOptions, type EngineStats, type Func, type Program, type RootSource, type RootVisitor, type TrapKind } from '#framework';
import { HOST_SYMBOL, TRAP_SYMBOL } from '../arm-data.ts';
import { FUEL_REG } from '../arm-regs.ts';
import { makeArmTarget } from '../arm-target.ts';
import { functionsThatMayRaise } from '../raise-analysis.ts';
import { compileModule, type PlacedCode } from './compile-module.ts';
import { placeEntryArgs } from './entry-args.ts';
import { createGuestMachine } from './guest-setup.ts';
import { bridgeHostFunction } from './host-bridge.ts';
import { CODE_TRAP_KINDS, trapHost } from './trap-slots.ts';

const MAX_FUEL = 0x7fffffff;
const EMU_TRAP: Record<emu.EmuTrapKind, TrapKind> = {
  bad_pointer: 'bad_pointer',
  stack_overflow: 'stack_overflow',
  fuel_exhausted: 'fuel_exhausted',
  illegal_instruction: 'host_error',
};

export class ArmEngine implements Engine, RootSource {
  readonly stats: EngineStats = emptyStats();
  private readonly machine: emu.GuestMachine;
  private readonly code: PlacedCode;
  private readonly funcs = new Map<string, Func>();
  private readonly mayRaise: Set<string>;
  private readonly stackEnd: number;
  /** The guest stack pointer while a collecting host function runs, else 0. */
  private hostSp = 0;
  private hostArgs: number[] = [];

  constructor(
    readonly program: Program,
    options: EngineOptions = {},
  ) {
    const started = performance.now();
    const module = program.module;
    const fuel = options.fuel ?? Infinity;
    const fueled = Number.isFinite(fuel);
    this.stackEnd = program.layout.stackEnd;
    this.mayRaise = functionsThatMayRaise(module);
    for (const f of module.funcs) this.funcs.set(f.name, f);
    this.machine = createGuestMachine(program, options.cpu, options.countInstructions === true);
    try {
      const slots = this.installRuntimeSlots();
      const image = program.image;
      const target = makeArmTarget({
        module,
        types: program.types,
        tableBase: program.layout.tableBase,
        fuel: fueled,
        funcIndex: (name) => image.funcIndex.get(name)!,
        signatureId: (sig) => image.signatureId(sig),
        globalAddress: (name) => image.globalAddr.get(name)!,
        constAddress: (name) => image.constAddr.get(name)!,
        extern: (name) => module.extern(name),
        mayRaise: (name) => this.mayRaise.has(name) || module.extern(name)?.raises === true,
      });
      this.code = compileModule(target, module, program.layout.codeBase, (symbol) => {
        const slot = slots.get(symbol);
        if (slot === undefined) throw new Error(`armv7: unresolved symbol ${symbol}`);
        return this.machine.hostCallAddress(slot);
      });
      const size = Math.max(PAGE, Math.ceil(this.code.bytes.length / PAGE) * PAGE);
      this.machine.mapCodeRegion(program.layout.codeBase, size);
      this.machine.writeCode(program.layout.codeBase, this.code.bytes);
      module.funcs.forEach((f, i) => program.memory.setWord(image.tableSlot(i), this.code.funcAddress.get(f.name)!));
      if (fueled) this.machine.writeReg(emu.UC_ARM_REG.r(FUEL_REG), Math.min(MAX_FUEL, Math.max(0, Math.floor(fuel))));
    } catch (error) {
      this.machine.close();
      throw error;
    }
    program.heap.addRoots(this);
    this.stats.compiledFunctions = module.funcs.length;
    this.stats.compileMillis = performance.now() - started;
  }

  call(name: string, args: number[]): number | undefined {
    const func = this.funcs.get(name);
    if (!func) throw new Trap('bad_function', `no function @${name}`);
    const params = func.sig.params;
    if (args.length !== params.length) throw new Trap('bad_function', `@${name} takes ${params.length} arguments, got ${args.length}`);
    const entry = placeEntryArgs(this.program.memory, this.stackEnd, params, args);
    let result: emu.CallResult;
    try {
      result = this.machine.call(this.code.funcAddress.get(name)!, entry.ints, entry.floats, { stackTop: entry.stackTop });
    } catch (error) {
      throw this.locate(error);
    } finally {
      this.updateStats();
    }
    if (this.mayRaise.has(name) && result.ints[1] !== 0) {
      throw new Trap('uncaught_exception', `value 0x${(result.ints[0]! >>> 0).toString(16)}`, `@${name}`);
    }
    const type = func.sig.result;
    if (!type) return undefined;
    return type === 'f64' ? result.float : result.ints[0];
  }

  visitRoots(visit: RootVisitor): void {
    if (this.hostSp === 0) return;
    // Conservative: every stack word from the caller's sp up that is the start of a heap
    // object is a root (interior pointers never live across a safepoint); registers hold
    // no refs across a call, except the collecting host function's own arguments.
    const heap = this.program.heap;
    const words = this.program.memory.i32;
    const base = this.program.memory.base;
    for (let a = this.hostSp; a < this.stackEnd; a += 4) {
      const w = words[(a - base) >> 2]!;
      if (heap.isObject(w)) visit(w);
    }
    for (const v of this.hostArgs) if (heap.isObject(v)) visit(v);
  }

  dispose(): void {
    this.program.heap.removeRoots(this);
    this.machine.close();
  }

  /** Host-call slots: one per trap kind raised by code, one per extern of the module. */
  private installRuntimeSlots(): Map<string, number> {
    const slots = new Map<string, number>();
    let next = 0;
    for (const kind of CODE_TRAP_KINDS) {
      slots.set(TRAP_SYMBOL(kind), next);
      this.machine.setHostFunction(next++, trapHost(kind));
    }
    const tracker = {
      enter: (args: number[]): void => {
        this.hostSp = this.machine.readReg(emu.UC_ARM_REG.SP);
        this.hostArgs = args;
      },
      leave: (): void => {
        this.hostSp = 0;
        this.hostArgs = [];
      },
    };
    for (const ext of this.program.module.externs) {
      const host = this.program.bindExtern(ext.name);
      slots.set(HOST_SYMBOL(ext.name), next);
      this.machine.setHostFunction(next++, bridgeHostFunction(host, this.program.hostContext, tracker));
    }
    return slots;
  }

  private updateStats(): void {
    const c = this.machine.counters;
    this.stats.instructions = c.instructions;
    this.stats.stores = c.stores;
    this.stats.hostCalls = c.hostCalls;
  }

  /** Turns what ended a run into a Trap naming the function it happened in. */
  private locate(error: unknown): unknown {
    if (error instanceof emu.EmuTrap) {
      return new Trap(EMU_TRAP[error.kind], error.message, this.where(error.pc));
    }
    // A host function (or a trap slot) threw: the caller's return address is in lr.
    const where = this.where((this.machine.readReg(emu.UC_ARM_REG.LR) - 4) >>> 0);
    if (error instanceof Trap) {
      if (!error.where) error.where = where;
      return error;
    }
    if (error instanceof GuestException) return new Trap('host_error', error.message, where);
    if (error instanceof Error && error.name !== 'Trap' && error.name !== 'HeapCorruption') return new Trap('host_error', error.message, where);
    return error;
  }

  private where(pc: number): string {
    const name = this.code.codeMap.functionAt(pc);
    return name ? `@${name}` : `pc 0x${(pc >>> 0).toString(16)}`;
  }
}
