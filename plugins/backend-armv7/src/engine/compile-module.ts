// Compiles a batch of functions and places them contiguously at `base`: calls inside the
// batch are direct, calls out of it go where `resolveOutside` says (a compiled version or a
// lazy-compile stub), host and trap slots to the runtime page.
import { compileFunction, type Func, type Module } from '#framework';
import type { ArmTarget } from '../arm-target.ts';
import type { FunctionListing } from './listing.ts';

export interface PlacedFunction {
  readonly name: string;
  readonly address: number;
  readonly bytes: Uint8Array;
  readonly stackMaps: ReturnType<typeof compileFunction>['stackMaps'];
  readonly listing: FunctionListing;
}

export function compileBatch(
  target: ArmTarget,
  module: Module,
  funcs: readonly Func[],
  base: number,
  resolveOutside: (symbol: string) => number,
): PlacedFunction[] {
  const compiled = funcs.map((f) => compileFunction(target, module, f));
  const address = new Map<string, number>();
  let at = base;
  for (const c of compiled) {
    address.set(c.name, at);
    // No constant pool is used, so the buffer's length is the code's final size.
    at += c.buffer.offset;
  }
  const resolve = (symbol: string): number => (symbol.startsWith('fn:') ? address.get(symbol.slice(3)) : undefined) ?? resolveOutside(symbol);
  return compiled.map((c) => {
    const start = address.get(c.name)!;
    const finished = c.buffer.finish(start, target.patch, resolve);
    const labels = [...c.blockOffsets].map(([block, offset]) => ({ offset, name: block.irBlock ? `^${block.irBlock.name}` : `.${block.name}` }));
    return { name: c.name, address: start, bytes: finished.bytes, stackMaps: c.stackMaps, listing: { name: c.name, address: start, bytes: finished.bytes, labels } };
  });
}
