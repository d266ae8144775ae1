import type { Func, Module } from '../../../ir/module.ts';

/**
 * The functions of `funcs` grouped into strongly connected components of the direct-call
 * graph among them, callees before callers (Tarjan's order), with each function's
 * component number. Iterative: a call chain 100 000 deep must not overflow the host stack.
 */
export function bottomUpComponents(m: Module, funcs: readonly Func[]): { order: Func[]; component: Map<Func, number> } {
  const inSet = new Set(funcs);
  const callees = (f: Func): Func[] => {
    const out: Func[] = [];
    for (const b of f.blocks)
      for (const inst of b.insts) {
        if (inst.op.name !== 'call' && inst.op.name !== 'tail_call') continue;
        const g = m.func(inst.sym);
        if (g && inSet.has(g)) out.push(g);
      }
    return out;
  };
  const index = new Map<Func, number>();
  const low = new Map<Func, number>();
  const onStack = new Set<Func>();
  const stack: Func[] = [];
  const component = new Map<Func, number>();
  const order: Func[] = [];
  let next = 0;
  let components = 0;
  for (const root of funcs) {
    if (index.has(root)) continue;
    const frames: { f: Func; succ: Func[]; i: number }[] = [];
    const enter = (f: Func): void => {
      index.set(f, next);
      low.set(f, next++);
      stack.push(f);
      onStack.add(f);
      frames.push({ f, succ: callees(f), i: 0 });
    };
    enter(root);
    while (frames.length > 0) {
      const frame = frames[frames.length - 1]!;
      if (frame.i < frame.succ.length) {
        const g = frame.succ[frame.i++]!;
        if (!index.has(g)) enter(g);
        else if (onStack.has(g)) low.set(frame.f, Math.min(low.get(frame.f)!, index.get(g)!));
        continue;
      }
      frames.pop();
      const parent = frames[frames.length - 1];
      if (parent) low.set(parent.f, Math.min(low.get(parent.f)!, low.get(frame.f)!));
      if (low.get(frame.f) !== index.get(frame.f)) continue;
      for (;;) {
        const g = stack.pop()!;
        onStack.delete(g);
        component.set(g, components);
        order.push(g);
        if (g === frame.f) break;
      }
      components++;
    }
  }
  return { order, component };
}
