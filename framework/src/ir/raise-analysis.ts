import type { Func, Inst, Module } from './module.ts';

/**
 * Which functions may return with an exception status: those that raise, and those whose
 * plain or tail calls reach one (indirect calls and raising externs count as raising).
 * Calls to the others skip the status test. Answered per function on demand, by a search
 * over direct calls, so a run reads the bodies of the functions it compiles and of what
 * they call, not of the whole module (a prepared runtime library defers its bodies).
 */
export class RaiseAnalysis {
  /** Settled answers: false for every function a search found no raise from. */
  private readonly known = new Map<string, boolean>();

  constructor(private readonly module: Module) {}

  has(name: string): boolean {
    const known = this.known.get(name);
    if (known !== undefined) return known;
    const start = this.module.func(name);
    if (!start) return false;
    // Everything reached from `name` without finding a raise reaches none: all settle false.
    const seen = new Set<Func>([start]);
    const work = [start];
    while (work.length > 0) {
      const f = work.pop()!;
      for (const b of f.blocks) {
        for (const i of b.insts) {
          if (raisesHere(this.module, i)) {
            this.known.set(name, true);
            return true;
          }
          const callee = callEdge(this.module, i);
          if (!callee || seen.has(callee)) continue;
          const k = this.known.get(callee.name);
          if (k === true) {
            this.known.set(name, true);
            return true;
          }
          if (k === false) continue;
          seen.add(callee);
          work.push(callee);
        }
      }
    }
    for (const f of seen) this.known.set(f.name, false);
    return false;
  }
}

/** An instruction that raises whatever its callees do. */
function raisesHere(m: Module, i: Inst): boolean {
  switch (i.op.name) {
    case 'raise':
    case 'tail_call_indirect':
      return true;
    case 'call_indirect':
      return !i.fused;
    case 'call':
      return !i.fused && m.extern(i.sym)?.raises === true;
    default:
      return false;
  }
}

/** The function a plain (unfused) call or a tail call passes an exception back from. */
function callEdge(m: Module, i: Inst): Func | undefined {
  if ((i.op.name === 'call' && !i.fused) || i.op.name === 'tail_call') return m.func(i.sym);
  return undefined;
}
