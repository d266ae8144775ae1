import { arenaCollector } from '../../src/testing/index.ts';
import { Interpreter } from '../../src/interp/interpreter.ts';
import type { Func, Module } from '../../src/ir/module.ts';
import { Trap } from '../../src/ir/traps.ts';
import { BufferedOutput } from '../../src/runtime/output.ts';
import { Program } from '../../src/runtime/program.ts';

/** What one call computed: its result or trap kind, and the output it printed. */
export interface RunOutcome {
  value?: number;
  trap?: string;
  out: string;
}

const MiB = 1024 * 1024;

/** Calls `name` on the reference interpreter; a small heap and stack keep tests light. */
export function runModule(m: Module, name: string, args: number[] = [], fuel = 1_000_000): RunOutcome {
  const out = new BufferedOutput();
  const program = new Program(m, { gc: arenaCollector(), out, heapSize: MiB, stackSize: MiB });
  const interp = new Interpreter(program, { fuel });
  try {
    return { value: interp.call(name, args), out: out.text() };
  } catch (err) {
    if (err instanceof Trap) return { trap: err.kind, out: out.text() };
    throw err;
  } finally {
    interp.dispose();
  }
}

/** How many instructions of the function use the opcode. */
export function countOps(f: Func, opName: string): number {
  return f.blocks.reduce((n, b) => n + b.insts.filter((i) => i.op.name === opName).length, 0);
}

export function funcOf(m: Module, name: string): Func {
  const f = m.func(name);
  if (!f) throw new Error(`no function @${name}`);
  return f;
}
