import type { Func, Module } from '#framework';

/**
 * The functions that may return with an exception status: those that raise, and those
 * whose plain or tail calls reach one (indirect calls and raising externs count as
 * raising). Calls to the others skip the status test. Code loaded at run time passes its
 * new `funcs` and the set found for the program so far, which it extends.
 */
export function functionsThatMayRaise(module: Module, funcs: readonly Func[] = module.funcs, raising = new Set<string>()): Set<string> {
  const externRaises = new Map(module.externs.map((e) => [e.name, e.raises]));
  for (let changed = true; changed; ) {
    changed = false;
    for (const f of funcs) {
      if (raising.has(f.name)) continue;
      const raises = f.blocks.some((b) =>
        b.insts.some((i) => {
          switch (i.op.name) {
            case 'raise':
            case 'tail_call_indirect':
              return true;
            case 'call_indirect':
              return !i.fused;
            case 'call':
              return !i.fused && (raising.has(i.sym) || externRaises.get(i.sym) === true);
            case 'tail_call':
              return raising.has(i.sym);
            default:
              return false;
          }
        }),
      );
      if (raises) {
        raising.add(f.name);
        changed = true;
      }
    }
  }
  return raising;
}
