import { fieldValueType } from '../types.ts';
import { reportAt, valueType, type FuncContext, type InstSite } from './context.ts';
import { operandLayout } from './operand-layout.ts';
import { locationOf } from './resolve.ts';

/**
 * Checks value operands against `OpDef.operands`. An 'any' operand takes its type from
 * where it goes: the field, array element or global the opcode stores to; the function
 * result for `ret`'s optional value; otherwise all 'any' operands must agree (select).
 */
export function checkOperands(ctx: FuncContext, site: InstSite): void {
  const { op, args } = site.inst;
  const layout = operandLayout(op);
  const n = args.length;
  const most = layout.variadic ? Infinity : layout.fixed + (layout.optional ? 1 : 0);
  if (n < layout.fixed || n > most) {
    const wanted = layout.variadic
      ? `at least ${layout.fixed}`
      : layout.optional
        ? `${layout.fixed} or ${most}`
        : `${layout.fixed}`;
    reportAt(ctx, site, `takes ${wanted} operand(s), got ${n}`);
    return;
  }
  let firstAny = -1;
  const typed = Math.min(op.operands.length, n);
  for (let k = 0; k < typed; k++) {
    const wanted = op.operands[k]!;
    if (wanted === 'any') {
      if (firstAny < 0) firstAny = k;
      continue;
    }
    const actual = valueType(ctx.f, args[k]!);
    if (actual !== undefined && actual !== wanted)
      reportAt(ctx, site, `operand ${k + 1} has type ${actual}, expected ${wanted}`);
  }
  if (layout.optional) checkReturnValue(ctx, site);
  else if (firstAny >= 0) checkAnyOperands(ctx, site, firstAny, typed);
}

function checkReturnValue(ctx: FuncContext, site: InstSite): void {
  const wanted = ctx.f.sig.result;
  const v = site.inst.args[operandLayout(site.inst.op).fixed];
  if (v === undefined) {
    if (wanted !== null) reportAt(ctx, site, `returns nothing, but the function returns ${wanted}`);
  } else if (wanted === null) {
    reportAt(ctx, site, 'returns a value from a void function');
  } else {
    const actual = valueType(ctx.f, v);
    if (actual !== undefined && actual !== wanted)
      reportAt(ctx, site, `returns ${actual}, but the function returns ${wanted}`);
  }
}

/** Checks the 'any' operands among the first `typed` operands, starting at `first`. */
function checkAnyOperands(ctx: FuncContext, site: InstSite, first: number, typed: number): void {
  const { inst } = site;
  const loc = locationOf(ctx.syms, inst);
  if (loc === undefined) return;
  const reference = loc === null ? valueType(ctx.f, inst.args[first]!) : fieldValueType(loc.kind);
  if (reference === undefined) return;
  for (let k = loc === null ? first + 1 : first; k < typed; k++) {
    if (inst.op.operands[k] !== 'any') continue;
    const t = valueType(ctx.f, inst.args[k]!);
    if (t === undefined || t === reference) continue;
    if (loc === null)
      reportAt(ctx, site, `operands ${first + 1} and ${k + 1} have different types (${reference} and ${t})`);
    else reportAt(ctx, site, `operand ${k + 1} has type ${t}, but ${loc.describe} holds ${reference}`);
  }
  if (loc !== null && ctx.lowered && loc.kind === 'ref') {
    reportAt(
      ctx,
      site,
      `stores a ref into ${loc.describe} after GC lowering; the GC's lowering must turn ref stores into raw stores`,
    );
  }
}
