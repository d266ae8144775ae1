import { MEMORY_ERROR_GLOBAL } from './memory-error-global.ts';
import type { Func, Inst, Module } from './module.ts';
import { OPCODES } from './opcodes.ts';

/**
 * Which functions may return with an exception status: those that raise, and those whose
 * plain or tail calls reach one (indirect calls and raising externs count as raising).
 * Calls to the others skip the status test. Answered per function on demand, by a search
 * over direct calls, so a run reads the bodies of the functions it compiles and of what
 * they call, not of the whole module (a prepared runtime library defers its bodies).
 * Beyond the bodies a run reads anyway, it scans the text of unread ones (Func.unreadText)
 * instead of reading them: reading a frontend's lazily parsed program means preparing it
 * (verify, optimize, lower), which cost a small Prolog program most of its start-up.
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
      const text = f.unreadText;
      const found = text === undefined ? this.scanBody(f) : this.scanText(text);
      if (found === true) {
        this.known.set(name, true);
        return true;
      }
      for (const callee of found) {
        if (seen.has(callee)) continue;
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
    for (const f of seen) this.known.set(f.name, false);
    return false;
  }

  /** true when the body raises itself, else the functions its calls pass exceptions from. */
  private scanBody(f: Func): true | Func[] {
    const callees: Func[] = [];
    for (const b of f.blocks) {
      for (const i of b.insts) {
        if (raisesHere(this.module, i)) return true;
        const callee = callEdge(this.module, i);
        if (callee) callees.push(callee);
      }
    }
    return callees;
  }

  /**
   * scanBody's answer from a body's text as written, before the passes that preparing it
   * runs: never "no" where the prepared body would raise. The passes only remove raises,
   * except that GC lowering turns an allocation into a call that raises when the module has
   * a memory error.
   */
  private scanText(text: string): true | Func[] {
    const allocationRaises = this.module.global(MEMORY_ERROR_GLOBAL) !== undefined;
    const callees: Func[] = [];
    for (const m of text.matchAll(INSTRUCTION)) {
      const op = m[1]!;
      // A fused call's handler gets its exception (raisesHere, callEdge).
      if (FUSED_CALL.test(m[3]!.split(';')[0]!)) continue;
      if (op === 'call' || op === 'tail_call') {
        const sym = m[2] ?? '';
        if (this.module.extern(sym)?.raises === true) return true;
        const callee = this.module.func(sym);
        // A symbol this scan did not make out is an unknown callee: it may raise.
        if (!callee && !this.module.extern(sym)) return true;
        if (callee) callees.push(callee);
        continue;
      }
      if (op === 'raise' || op === 'call_indirect' || op === 'tail_call_indirect') return true;
      if (allocationRaises && OPCODES.get(op)?.collects === true) return true;
    }
    return callees;
  }
}

/** An instruction line of the text format: its opcode, the symbol it names first, the rest. */
const INSTRUCTION = /^[ \t]*(?:%[^\s=]+[ \t]*=[ \t]*)?([a-z_][\w.]*)(?:[ \t]+@([^\s(,]+))?(.*)$/gm;
/** The end of a call fused with its exception edge: `... to ^ok(%r) unwind ^handler`. */
const FUSED_CALL = /\sunwind\s+\^/;

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
