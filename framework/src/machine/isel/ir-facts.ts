import type { Func, Inst } from '../../ir/module.ts';

/** What patterns ask about the IR around a root: where a value comes from and its constant. */
export class IrFacts {
  private readonly defs: (Inst | undefined)[] = [];
  private readonly blockOf = new Map<Inst, number>();

  constructor(readonly func: Func) {
    func.blocks.forEach((b, i) => {
      for (const ir of b.insts) {
        this.blockOf.set(ir, i);
        if (ir.result >= 0) this.defs[ir.result] = ir;
      }
    });
  }

  /** The instruction defining `v`, or undefined for a block parameter. */
  def(v: number): Inst | undefined {
    return this.defs[v];
  }

  /** The i32 value of `v` when an `iconst` defines it. */
  constant(v: number): number | undefined {
    const d = this.defs[v];
    return d !== undefined && d.op.name === 'iconst' ? d.imm | 0 : undefined;
  }

  /** `v`'s defining instruction when it is `op` (or one of `ops`) in the same block as `user`. */
  localDef(v: number, user: Inst, ops: (name: string) => boolean): Inst | undefined {
    const d = this.defs[v];
    if (!d || !ops(d.op.name)) return undefined;
    return this.blockOf.get(d) === this.blockOf.get(user) ? d : undefined;
  }
}
