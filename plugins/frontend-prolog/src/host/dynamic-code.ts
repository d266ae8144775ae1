import { slotGlobal } from '../compiler/dynamic-slots.ts';
import type { Term } from '../reader/terms.ts';
import type { Heap } from './heap.ts';
import * as L from './layout.ts';
import type { RunState } from './state.ts';

/** Calls on the generic matcher, with no clause change between them, before a slotted
 *  dynamic predicate is compiled; doubled each time a change throws compiled code away, so
 *  a loop that keeps asserting and retracting settles on the matcher. */
export const HOT_CALLS = 32;
export const DIED_NEVER = 0x7fffffff;
/** Term cells a predicate's clauses may hold and still be compiled: large fact tables
 *  stay with the matcher, and the host recursion over terms stays shallow. */
const MAX_CELLS = 4096;

class TooLarge extends Error {}

/** Where a slotted dynamic predicate stands (see compiler/dynamic-slots.ts). */
interface DynamicCode {
  /** Guest address of the slot global. */
  address: number;
  calls: number;
  threshold: number;
  compiled: boolean;
  /** Holds a clause that compiled code cannot express; cleared by a clause change. */
  uncompilable: boolean;
}

export class DynamicCodes {
  private readonly bySymbol = new Map<number, DynamicCode>();
  private versions = 0;

  constructor(private readonly s: RunState) {}

  /** A call of predicate `id` started on the generic matcher. */
  called(id: number): void {
    const d = this.code(id);
    if (!d || d.compiled || d.uncompilable || ++d.calls < d.threshold) return;
    this.compile(id, d);
  }

  /** Predicate `id`'s clauses changed: its compiled code no longer describes them. */
  changed(id: number): void {
    const d = this.code(id);
    if (!d) return;
    d.calls = 0;
    d.uncompilable = false;
    if (!d.compiled) return;
    d.compiled = false;
    d.threshold *= 2;
    this.s.h.setW(d.address, 0);
  }

  private code(id: number): DynamicCode | undefined {
    let d = this.bySymbol.get(id);
    if (d) return d;
    const slot = this.s.info.dynamic.slots.get(id);
    const address = slot === undefined ? undefined : this.s.h.ctx.globals.get(slotGlobal(slot));
    if (address === undefined || !this.s.h.ctx.code) return undefined;
    d = { address, calls: 0, threshold: HOT_CALLS, compiled: false, uncompilable: false };
    this.bySymbol.set(id, d);
    return d;
  }

  private compile(id: number, d: DynamicCode): void {
    const s = this.s,
      h = s.h;
    const entry = s.db.get(id);
    const clauses: Term[] = [];
    const budget = { cells: MAX_CELLS };
    try {
      for (let c = entry?.head ?? 0; c !== 0; c = h.w(c + L.CLAUSE_NEXT)) {
        if (h.w(c + L.CLAUSE_DIED) === DIED_NEVER) clauses.push(termOf(h, h.w(c + L.CLAUSE_TERM), budget));
      }
    } catch (e) {
      if (!(e instanceof TooLarge)) throw e;
      d.uncompilable = true;
      return;
    }
    const name = h.syms.names[id]!,
      arity = h.syms.arities[id]!;
    const compiled = s.info.compileDynamic(s.info.dynamic, h.syms, name, arity, clauses, this.versions++);
    if (!compiled) {
      d.uncompilable = true;
      return;
    }
    const index = h.ctx.code!.load(compiled.text, `<${name}/${arity} compiled at run time>`).get(compiled.entry)!;
    h.setW(d.address, index);
    d.compiled = true;
  }
}

/** A stored clause as a source term; its variables (all unbound) named by address. */
function termOf(h: Heap, t0: number, budget: { cells: number }): Term {
  if (--budget.cells < 0) throw new TooLarge();
  const t = h.deref(t0);
  switch (h.kind(t)) {
    case 'var':
      return { k: 'var', name: `_G${t}` };
    case 'atom':
      return { k: 'atom', name: h.atomName(t) };
    case 'int':
    case 'big':
      return { k: 'int', v: h.integer(t) };
    case 'flt':
      return { k: 'flt', v: h.float(t) };
    case 'text':
      return { k: 'string', v: h.text(t) };
    case 'str': {
      const args: Term[] = [];
      for (let i = 1; i <= h.arity(t); i++) args.push(termOf(h, h.arg(t, i), budget));
      return { k: 'str', name: h.syms.names[h.functorOf(t)]!, args };
    }
    default:
      throw new Error(`stored clause holds an unexpected value 0x${(t >>> 0).toString(16)}`);
  }
}
