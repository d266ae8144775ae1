// A small reference evaluator for the IR subset the machine-layer tests generate; its
// arithmetic is the opcode table's `evaluate`, the single source of the IR's semantics.
import type { Block, Func, Module } from '../../src/ir/module.ts';

export function evaluateIr(
  module: Module,
  name: string,
  args: readonly number[],
  fuel = { left: 5_000_000 },
): number | undefined {
  const func = module.func(name);
  if (!func) throw new Error(`no function @${name}`);
  return run(module, func, args, fuel);
}

function run(module: Module, func: Func, args: readonly number[], fuel: { left: number }): number | undefined {
  const vals = new Map<number, number>();
  let block: Block = func.entry;
  block.params.forEach((p, i) => vals.set(p, args[i]!));
  const get = (v: number): number => {
    const x = vals.get(v);
    if (x === undefined) throw new Error(`@${func.name}: value ${v} read before it is set`);
    return x;
  };
  for (;;) {
    let next: Block | null = null;
    for (const inst of block.insts) {
      if (--fuel.left < 0) throw new Error('reference: out of fuel');
      const name = inst.op.name;
      const jump = (t: (typeof inst.targets)[number]): void => {
        const xs = t.args.map(get);
        t.block.params.forEach((p, i) => vals.set(p, xs[i]!));
        next = t.block;
      };
      switch (name) {
        case 'iconst':
          vals.set(inst.result, inst.imm | 0);
          break;
        case 'fconst':
          vals.set(inst.result, inst.imm);
          break;
        case 'br':
          jump(inst.targets[0]!);
          break;
        case 'brif':
          jump(inst.targets[get(inst.args[0]!) !== 0 ? 0 : 1]!);
          break;
        case 'ret':
          return inst.args.length > 0 ? get(inst.args[0]!) : undefined;
        case 'call': {
          const callee = module.func(inst.sym)!;
          const r = run(module, callee, inst.args.map(get), fuel);
          if (inst.result >= 0) vals.set(inst.result, r!);
          break;
        }
        default: {
          if (!inst.op.evaluate) throw new Error(`reference: cannot evaluate ${name}`);
          const r = inst.op.evaluate(...inst.args.map(get));
          vals.set(inst.result, func.typeOf(inst.result) === 'f64' ? r : r | 0);
        }
      }
    }
    if (!next) throw new Error(`@${func.name}: block ^${block.name} fell off its end`);
    block = next;
  }
}
