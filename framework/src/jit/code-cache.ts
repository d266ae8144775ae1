// The code region of one run: lazy-compile stubs at its base, then compiled functions
// bump-allocated above them. Code is written once: a function compiled again gets a new
// version at a new address and its function-table slot is redirected; older versions stay
// valid for frames still running them. Each write drops Unicorn's translations of its range.
import type { GuestMachine } from '../emu/guest-machine.ts';
import type { Func } from '../ir/module.ts';
import { CodeBuffer } from '../machine/code-buffer.ts';
import { symbolFunction } from '../machine/code-symbols.ts';
import { CODE_ADDRESS_OFFSET, functionSlotAddress, installFunction } from '../machine/function-table.ts';
import { StackMapTable } from '../machine/stack-maps.ts';
import type { MachineTarget } from '../machine/target.ts';
import type { Program } from '../runtime/program.ts';
import { CodeMap } from './code-map.ts';
import { compileUnplaced, placeBatch, type UnplacedFunction } from './compile-batch.ts';
import type { CompiledCodeStore } from './compiled-code-store.ts';
import { buildLazyStubs, type LazyStubs } from './lazy-stubs.ts';
import type { FunctionListing } from './listing.ts';
import type { LazyStubEncoder } from './native-isa.ts';

/** Mapped at start-up; ARM's b/bl reach ±32 MiB, and the runtime page lies below the region. */
const REGION_BYTES = 16 * 1024 * 1024;

export class CodeCache<D, K> {
  readonly codeMap = new CodeMap();
  readonly stackMaps = new StackMapTable();
  readonly listings: FunctionListing[] = [];
  compiledFunctions = 0;
  /** Of compiledFunctions, those whose code came from the store. */
  cachedFunctions = 0;
  compileMillis = 0;
  private readonly current = new Map<string, number>();
  private readonly stubs: LazyStubs;
  private readonly end: number;
  private next: number;

  constructor(
    private readonly machine: GuestMachine,
    private readonly target: MachineTarget<D, K>,
    private readonly program: Program,
    stubEncoder: LazyStubEncoder,
    compileSlot: number,
    private readonly resolveRuntime: (symbol: string) => number,
    /** Code kept across runs, with the key of each function's code. */
    private readonly store?: { code: CompiledCodeStore<K>; keyOf: (f: Func) => string },
  ) {
    const layout = program.layout;
    const size = Math.min(REGION_BYTES, layout.codeSize);
    machine.mapCodeRegion(layout.codeBase, size);
    this.end = layout.codeBase + size;
    const codeWord = (i: number): number => functionSlotAddress(layout.tableBase, i) + CODE_ADDRESS_OFFSET;
    this.stubs = buildLazyStubs(stubEncoder, layout.codeBase, program.module.funcs.length, codeWord, compileSlot);
    machine.writeCode(layout.codeBase, this.stubs.bytes);
    this.next = layout.codeBase + this.stubs.bytes.length;
    if (this.next > this.end) throw new RangeError(`${target.name}: too many functions for the code region`);
    program.module.funcs.forEach((_, i) => this.install(i, this.stubs.compileEntry(i)));
  }

  /** The current version of a function, if it has one. */
  addressOf(name: string): number | undefined {
    return this.current.get(name);
  }

  /** Compiles functions as one batch (calls between them are direct) and installs them. */
  compile(funcs: readonly Func[]): void {
    const started = performance.now();
    this.program.lowerForNative(funcs);
    const image = this.program.image;
    const placed = placeBatch(
      this.target,
      funcs.map((f) => this.unplaced(f)),
      this.next,
      (symbol) => {
        const name = symbolFunction(symbol);
        if (name === undefined) return this.resolveRuntime(symbol);
        const index = image.funcIndex.get(name);
        if (index === undefined) throw new Error(`${this.target.name}: call of unknown function @${name}`);
        return this.current.get(name) ?? this.stubs.callStub(index);
      },
      this.machine.arch.translationPageBytes,
    );
    const last = placed[placed.length - 1];
    const end = last ? last.address + last.bytes.length : this.next;
    if (end > this.end) throw new RangeError(`${this.target.name}: the code region is full`);
    for (const p of placed) {
      this.machine.writeCode(p.address, p.bytes);
      this.current.set(p.name, p.address);
      this.install(image.funcIndex.get(p.name)!, p.address);
      this.codeMap.add(p.address, p.address + p.bytes.length, p.name);
      this.stackMaps.register(p.address, p.stackMaps);
      this.listings.push(p.listing);
    }
    this.next = end;
    this.compiledFunctions += placed.length;
    this.compileMillis += performance.now() - started;
  }

  /** Points function `index`'s table slot at `address` (indirect calls and stubs read it). */
  private install(index: number, address: number): void {
    const memory = this.program.memory;
    installFunction((at, value) => memory.setWord(at, value), this.program.layout.tableBase, index, address);
  }

  /** The function's code from the store when it holds it, else compiled (and stored). */
  private unplaced(func: Func): UnplacedFunction<K> {
    if (!this.store) return compileUnplaced(this.target, this.program.module, func);
    const key = this.store.keyOf(func);
    const stored = this.store.code.get(key);
    if (stored) {
      this.cachedFunctions++;
      return {
        name: func.name,
        buffer: CodeBuffer.fromRelocatable(stored.code),
        stackMaps: stored.stackMaps,
        labels: stored.labels,
        innerLoops: stored.innerLoops,
      };
    }
    const fresh = compileUnplaced(this.target, this.program.module, func);
    this.store.code.put(key, {
      code: fresh.buffer.relocatable(),
      stackMaps: fresh.stackMaps,
      labels: fresh.labels,
      innerLoops: fresh.innerLoops,
    });
    return fresh;
  }
}
