// Compiles a batch of functions and places them contiguously at `base`: calls inside the
// batch are direct, calls out of it go where `resolveOutside` says (a compiled version or a
// lazy-compile stub), host and trap slots to the runtime page.
import type { Func, Module } from '../ir/module.ts';
import type { CodeBuffer } from '../machine/code-buffer.ts';
import { symbolFunction } from '../machine/code-symbols.ts';
import { compileFunction, type CodeRange } from '../machine/pipeline.ts';
import type { FrameDescriptor } from '../machine/stack-maps.ts';
import type { MachineTarget } from '../machine/target.ts';
import type { FunctionListing } from './listing.ts';

export interface PlacedFunction {
  readonly name: string;
  readonly address: number;
  readonly bytes: Uint8Array;
  readonly stackMaps: readonly FrameDescriptor[];
  readonly listing: FunctionListing;
}

/** A function's code before placement: compiled now, or taken from the code store. */
export interface UnplacedFunction<K> {
  readonly name: string;
  readonly buffer: CodeBuffer<K>;
  readonly stackMaps: readonly FrameDescriptor[];
  readonly labels: readonly { offset: number; name: string }[];
  /** Function-relative ranges of its innermost loops (CompiledFunction.innerLoops). */
  readonly innerLoops: readonly CodeRange[];
}

/** The first instruction-aligned address at or after `at` where as few of `ranges` (offsets
 *  from that address) cross a translation page boundary as can: the emulator does not
 *  chain blocks across one (EmuArch). A function that fits in a page is one range. */
export function pageStart(at: number, size: number, pageBytes: number, innerLoops: readonly CodeRange[] = []): number {
  const ranges = size <= pageBytes ? [{ start: 0, end: size }] : innerLoops.filter((r) => r.end - r.start <= pageBytes);
  const crossings = (base: number): number =>
    ranges.filter((r) => Math.floor((base + r.start) / pageBytes) !== Math.floor((base + r.end - 1) / pageBytes))
      .length;
  let best = at;
  let fewest = crossings(at);
  for (let base = at + 4; fewest > 0 && base < at + pageBytes; base += 4) {
    const n = crossings(base);
    if (n < fewest) {
      best = base;
      fewest = n;
    }
  }
  return best;
}

/** Runs the machine pipeline on one function. */
export function compileUnplaced<D, K>(target: MachineTarget<D, K>, module: Module, func: Func): UnplacedFunction<K> {
  const c = compileFunction(target, module, func);
  const labels = [...c.blockOffsets].map(([block, offset]) => ({
    offset,
    name: block.irBlock ? `^${block.irBlock.name}` : `.${block.name}`,
  }));
  return { name: c.name, buffer: c.buffer, stackMaps: c.stackMaps, labels, innerLoops: c.innerLoops };
}

export function placeBatch<D, K>(
  target: MachineTarget<D, K>,
  compiled: readonly UnplacedFunction<K>[],
  base: number,
  resolveOutside: (symbol: string) => number,
  pageBytes: number,
): PlacedFunction[] {
  const address = new Map<string, number>();
  let at = base;
  for (const c of compiled) {
    // No constant pool is used, so the buffer's length is the code's final size.
    at = pageStart(at, c.buffer.offset, pageBytes, c.innerLoops);
    address.set(c.name, at);
    at += c.buffer.offset;
  }
  const resolve = (symbol: string): number => {
    const callee = symbolFunction(symbol);
    return (callee === undefined ? undefined : address.get(callee)) ?? resolveOutside(symbol);
  };
  return compiled.map((c) => {
    const start = address.get(c.name)!;
    const finished = c.buffer.finish(start, target.patch, resolve);
    return {
      name: c.name,
      address: start,
      bytes: finished.bytes,
      stackMaps: c.stackMaps,
      listing: { name: c.name, address: start, bytes: finished.bytes, labels: [...c.labels] },
    };
  });
}
