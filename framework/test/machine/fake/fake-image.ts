// Compiles every function of a module for the fake target and places the code in one image,
// with a function table and the stack maps of every call site.
import type { Module } from '../../../src/ir/module.ts';
import type { Signature } from '../../../src/ir/types.ts';
import { compileFunction, type CompiledFunction } from '../../../src/machine/pipeline.ts';
import { StackMapTable } from '../../../src/machine/stack-maps.ts';
import type { FakeFixup } from './fake-encoding.ts';
import type { FakeData } from './fake-isa.ts';
import { fakeTarget } from './fake-target.ts';

export const CODE_BASE = 0x100000;

export interface FakeImage {
  readonly module: Module;
  /** Code words; address CODE_BASE + 4i holds words[i]. */
  readonly words: Uint32Array;
  /** Code address of each function, by module index (the function table). */
  readonly table: readonly number[];
  readonly sigs: readonly Signature[];
  readonly stackMaps: StackMapTable;
  readonly compiled: readonly CompiledFunction<FakeData, FakeFixup>[];
}

export function buildFakeImage(module: Module, check = true): FakeImage {
  const compiled = module.funcs.map((f) => compileFunction(fakeTarget, module, f, { check }));
  const table: number[] = [];
  const stackMaps = new StackMapTable();
  const parts: Uint8Array[] = [];
  let at = CODE_BASE;
  for (const c of compiled) {
    const finished = c.buffer.finish(at, fakeTarget.patch);
    table.push(at);
    stackMaps.register(at, c.stackMaps);
    parts.push(finished.bytes);
    at += finished.bytes.length;
  }
  const bytes = new Uint8Array(at - CODE_BASE);
  let off = 0;
  for (const p of parts) {
    bytes.set(p, off);
    off += p.length;
  }
  const words = new Uint32Array(bytes.buffer, 0, bytes.length / 4);
  return { module, words, table, sigs: module.funcs.map((f) => f.sig), stackMaps, compiled };
}
