import type { GarbageCollector } from '#framework';
import { Interpreter } from '#framework';
import type { Module } from '#framework';
import { Trap } from '#framework';
import { BufferedOutput } from '#framework';
import { Program } from '#framework';
import { reachableHeapChecksum } from './heap-checksum.ts';
import type { Outcome } from './outcome.ts';

export interface InterpRunOptions {
  gc: GarbageCollector;
  fuel: number;
  heapSize?: number;
  stackSize?: number;
  gcStress?: number;
}

const MiB = 1024 * 1024;

/** Calls `name(args)` on the reference interpreter. Traps become outcomes; anything else
 *  thrown (a host error in the framework itself) propagates. */
export function runOnInterpreter(m: Module, name: string, args: number[], opts: InterpRunOptions): Outcome {
  const out = new BufferedOutput();
  const program = new Program(m, {
    gc: opts.gc,
    out,
    heapSize: opts.heapSize ?? 4 * MiB,
    stackSize: opts.stackSize ?? MiB,
    gcStress: opts.gcStress,
  });
  const interp = new Interpreter(program, { fuel: opts.fuel });
  const type = m.func(name)?.sig.result ?? null;
  try {
    const value = interp.call(name, args);
    const heap = reachableHeapChecksum(program);
    return { kind: 'value', type, value, out: out.text(), instructions: interp.stats.instructions, heap };
  } catch (err) {
    if (err instanceof Trap)
      return {
        kind: 'trap',
        trap: err.kind,
        detail: err.describe(),
        out: out.text(),
        instructions: interp.stats.instructions,
      };
    throw err;
  } finally {
    interp.dispose();
  }
}
