import type { Signature } from '../types.ts';
import { reportAt, resultName, valueType, type FuncContext, type InstSite } from './context.ts';
import { operandLayout } from './operand-layout.ts';

/**
 * Checks call arguments against the callee's signature (a `sig` slot for indirect calls,
 * the named function or extern otherwise), and that a tail call returns what the caller
 * returns, since the callee's `ret` returns straight to the caller's caller.
 */
export function checkCall(ctx: FuncContext, site: InstSite): void {
  const { inst } = site;
  const { op } = inst;
  const layout = operandLayout(op);
  if (!layout.variadic) return;
  const indirect = op.slots.includes('sig');
  const sig: Signature | null | undefined = indirect ? inst.sig : ctx.syms.callee(inst.sym);
  if (!sig) return;
  const callee = indirect ? 'the signature' : `@${inst.sym}`;
  const argCount = inst.args.length - layout.fixed;
  if (argCount !== sig.params.length) {
    reportAt(ctx, site, `passes ${argCount} argument(s), but ${callee} takes ${sig.params.length}`);
  } else {
    for (let i = 0; i < argCount; i++) {
      const actual = valueType(ctx.f, inst.args[layout.fixed + i]!);
      const wanted = sig.params[i]!;
      if (actual !== undefined && actual !== wanted)
        reportAt(ctx, site, `argument ${i + 1} has type ${actual}, expected ${wanted}`);
    }
  }
  const isTailCall = op.terminator === true;
  if (isTailCall && sig.result !== ctx.f.sig.result) {
    reportAt(
      ctx,
      site,
      `tail call: ${callee} returns ${resultName(sig.result)}, ` +
        `but @${ctx.f.name} returns ${resultName(ctx.f.sig.result)}`,
    );
  }
}
