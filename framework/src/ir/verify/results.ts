import { fieldValueType, type ValType } from '../types.ts';
import { reportAt, valueName, valueType, type FuncContext, type InstSite } from './context.ts';
import { arrayOf, fieldOf, globalOf } from './resolve.ts';

/**
 * The result type `OpDef.result` gives this instruction: null for none, undefined when it
 * cannot be known because a symbol or operand is broken (reported elsewhere). Unlike
 * `resultType` in result-type.ts this never throws and uses the verifier's symbol index.
 */
function expectedResult(ctx: FuncContext, site: InstSite): ValType | null | undefined {
  const { inst } = site;
  const rule = inst.op.result;
  switch (rule) {
    case 'none':
      return null;
    case 'arg1':
      return valueType(ctx.f, inst.args[1] ?? -1);
    case 'callee': {
      const sig = ctx.syms.callee(inst.sym);
      return sig ? sig.result : undefined;
    }
    case 'sig':
      return inst.sig ? inst.sig.result : undefined;
    case 'field': {
      const fd = fieldOf(ctx.syms, inst);
      return fd && fieldValueType(fd.kind);
    }
    case 'elem': {
      const t = arrayOf(ctx.syms, inst);
      return t && fieldValueType(t.elem);
    }
    case 'global':
      return globalOf(ctx.syms, inst)?.type;
    default:
      return rule;
  }
}

/** A result has the type the opcode's result rule gives, and only value-producing opcodes have one. */
export function checkResult(ctx: FuncContext, site: InstSite): void {
  const wanted = expectedResult(ctx, site);
  if (wanted === undefined) return;
  const r = site.inst.result;
  if (wanted === null) {
    if (r !== -1) reportAt(ctx, site, `has a result ${valueName(ctx.f, r)}, but produces no value`);
    return;
  }
  // The text format's `%r =` is optional: a value nobody names is simply discarded.
  if (r === -1) return;
  const actual = valueType(ctx.f, r);
  if (actual !== undefined && actual !== wanted)
    reportAt(ctx, site, `result ${valueName(ctx.f, r)} has type ${actual}, expected ${wanted}`);
}
