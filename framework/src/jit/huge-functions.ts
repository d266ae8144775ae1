import type { Func, Module } from '../ir/module.ts';
import { isHugeFunction } from '../opt/huge-functions.ts';

/**
 * Which functions stay interpreted because they are huge (see the framework's
 * isHugeFunction) or reach a huge one: native code never calls the interpreter, so a
 * function that calls a huge one directly (Python's `main` calling the module body) stays
 * interpreted too, and so do its direct callers, transitively. Calls through the function
 * table still compile a huge callee when native code makes them: correct, only slower.
 */
export class HugeFunctions {
  private readonly verdict = new Map<Func, boolean>();
  /** By name; rebuilt when code loaded at run time added functions. */
  private byName = new Map<string, Func>();

  constructor(private readonly module: Module) {}

  /** Whether `func` is huge or reaches a huge function through direct calls. */
  reaches(func: Func): boolean {
    const known = this.verdict.get(func);
    if (known !== undefined) return known;
    // Depth-first over direct callees with an explicit stack. A member of a call cycle
    // settled before the cycle's way to a huge function was seen reads as not huge: it is
    // then compiled, and so is what it calls — slower, never wrong.
    const stack: { f: Func; callees: Func[]; next: number; huge: boolean }[] = [];
    const open = new Set<Func>();
    const push = (f: Func): void => {
      open.add(f);
      stack.push({ f, callees: this.directCallees(f), next: 0, huge: isHugeFunction(f) });
    };
    push(func);
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      if (!top.huge && top.next < top.callees.length) {
        const c = top.callees[top.next++]!;
        const v = this.verdict.get(c);
        if (v === true) top.huge = true;
        else if (v === undefined && !open.has(c)) push(c);
        continue;
      }
      stack.pop();
      open.delete(top.f);
      this.verdict.set(top.f, top.huge);
      if (top.huge && stack.length > 0) stack[stack.length - 1]!.huge = true;
    }
    return this.verdict.get(func)!;
  }

  private directCallees(f: Func): Func[] {
    // A prepared library's functions keep their bodies unread until needed: they are small.
    if (!f.hasBody) return [];
    if (this.byName.size !== this.module.funcs.length) this.byName = new Map(this.module.funcs.map((g) => [g.name, g]));
    const out: Func[] = [];
    for (const b of f.blocks) {
      for (const inst of b.insts) {
        if (inst.op.name !== 'call' && inst.op.name !== 'tail_call') continue;
        const callee = this.byName.get(inst.sym);
        if (callee && callee !== f) out.push(callee);
      }
    }
    return out;
  }
}
