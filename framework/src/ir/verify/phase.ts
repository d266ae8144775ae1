import { reportAt, type FuncContext, type InstSite } from './context.ts';

/** Allocation only exists before GC lowering, raw memory access only after it. Ref stores
 *  through set/aset/gset are checked with the operands, where the stored slot is known. */
export function checkPhase(ctx: FuncContext, site: InstSite): void {
  const { phase, name } = site.inst.op;
  if (phase === 'unlowered' && ctx.lowered) reportAt(ctx, site, `${name} is not allowed after GC lowering`);
  if (phase === 'lowered' && !ctx.lowered) reportAt(ctx, site, `${name} is only allowed in GC-lowered IR`);
}
