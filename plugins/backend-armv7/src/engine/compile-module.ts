// Compiles every function of a module (--jit-threshold 0) and places the code
// contiguously from the code base, resolving calls, host slots and trap slots.
import { compileFunction, StackMapTable, type CompiledFunction, type Module } from '#framework';
import type { ArmData, ArmFixup } from '../arm-data.ts';
import type { ArmTarget } from '../arm-target.ts';
import { CodeMap } from './code-map.ts';

export interface PlacedCode {
  readonly bytes: Uint8Array;
  readonly base: number;
  readonly funcAddress: ReadonlyMap<string, number>;
  readonly codeMap: CodeMap;
  readonly stackMaps: StackMapTable;
}

export function compileModule(target: ArmTarget, module: Module, base: number, resolveRuntime: (symbol: string) => number): PlacedCode {
  const compiled: CompiledFunction<ArmData, ArmFixup>[] = module.funcs.map((f) => compileFunction(target, module, f));
  const funcAddress = new Map<string, number>();
  const codeMap = new CodeMap();
  let at = base;
  for (const c of compiled) {
    funcAddress.set(c.name, at);
    // No constant pool is used, so the buffer's length is the code's final size.
    at += c.buffer.offset;
  }
  const bytes = new Uint8Array(at - base);
  const stackMaps = new StackMapTable();
  const resolve = (symbol: string): number => {
    if (symbol.startsWith('fn:')) {
      const address = funcAddress.get(symbol.slice(3));
      if (address === undefined) throw new Error(`armv7: call of unknown function @${symbol.slice(3)}`);
      return address;
    }
    return resolveRuntime(symbol);
  };
  for (const c of compiled) {
    const start = funcAddress.get(c.name)!;
    const finished = c.buffer.finish(start, target.patch, resolve);
    bytes.set(finished.bytes, start - base);
    codeMap.add(start, start + finished.bytes.length, c.name);
    stackMaps.register(start, c.stackMaps);
  }
  return { bytes, base, funcAddress, codeMap, stackMaps };
}
