import { reportAt, type FuncContext, type InstSite } from './context.ts';
import { SYM_SLOT_MEANING, TYPE_SLOT_MEANING, type SymSlotMeaning } from './slot-meanings.ts';
import { isInt32, signatureProblems } from './static-values.ts';

/** Checks the non-value slots: immediates, symbols, types, fields and signatures. */
export function checkSlots(ctx: FuncContext, site: InstSite): void {
  const { inst } = site;
  for (const slot of inst.op.slots) {
    switch (slot) {
      case 'int':
        if (!isInt32(inst.imm)) reportAt(ctx, site, `immediate ${inst.imm} is not an i32`);
        break;
      case 'float':
        if (typeof inst.imm !== 'number') reportAt(ctx, site, `immediate ${String(inst.imm)} is not an f64`);
        break;
      case 'sym':
        checkSymbol(ctx, site);
        break;
      case 'type':
        checkTypeName(ctx, site);
        break;
      case 'field':
        checkField(ctx, site);
        break;
      case 'sig':
        if (!inst.sig) reportAt(ctx, site, 'has no signature');
        else for (const p of signatureProblems(inst.sig)) reportAt(ctx, site, `signature: ${p}`);
        break;
      case 'cases':
        checkCases(ctx, site);
        break;
      default:
        break;
    }
  }
  if (inst.cases.length > 0 && !inst.op.slots.includes('cases'))
    reportAt(ctx, site, 'has case values, but this opcode takes none');
}

const MEANING_TEXT: Record<SymSlotMeaning, string> = {
  callable: 'a function or extern',
  function: 'a function',
  global: 'a global',
  const: 'a const',
};

function checkSymbol(ctx: FuncContext, site: InstSite): void {
  const { inst } = site;
  const meaning = SYM_SLOT_MEANING.get(inst.op.name);
  if (!meaning) {
    reportAt(ctx, site, `the verifier does not know what the symbol slot of ${inst.op.name} names`);
    return;
  }
  const kind = ctx.syms.kindOf(inst.sym);
  if (kind === undefined) {
    reportAt(ctx, site, `unknown symbol @${inst.sym}; expected ${MEANING_TEXT[meaning]}`);
    return;
  }
  const fits = meaning === 'callable' ? kind === 'function' || kind === 'extern' : kind === meaning;
  if (fits) return;
  if (inst.op.name === 'fref' && kind === 'extern') {
    reportAt(ctx, site, `@${inst.sym} is an extern; only functions have function-table slots`);
  } else {
    reportAt(ctx, site, `@${inst.sym} is ${kind === 'extern' ? 'an' : 'a'} ${kind}; expected ${MEANING_TEXT[meaning]}`);
  }
}

function checkTypeName(ctx: FuncContext, site: InstSite): void {
  const { inst } = site;
  const t = ctx.syms.types.get(inst.sym);
  if (!t) {
    reportAt(ctx, site, `unknown type :${inst.sym}`);
    return;
  }
  const wanted = TYPE_SLOT_MEANING.get(inst.op.name);
  const described = (kind: string): string => (kind === 'array' ? 'an array' : 'a struct');
  if (wanted && t.kind !== wanted)
    reportAt(ctx, site, `:${inst.sym} is ${described(t.kind)}; expected ${described(wanted)} type`);
}

function checkField(ctx: FuncContext, site: InstSite): void {
  const { inst } = site;
  const t = ctx.syms.types.get(inst.sym);
  if (!t) reportAt(ctx, site, `unknown type :${inst.sym}`);
  else if (t.kind !== 'struct') reportAt(ctx, site, `:${inst.sym} is an array; fields belong to struct types`);
  else if (!t.fields.some((fd) => fd.name === inst.field))
    reportAt(ctx, site, `:${inst.sym} has no field '${inst.field}'`);
}

function checkCases(ctx: FuncContext, site: InstSite): void {
  const { inst } = site;
  const seen = new Set<number>();
  for (const c of inst.cases) {
    if (!isInt32(c)) reportAt(ctx, site, `case ${c} is not an i32`);
    else if (seen.has(c)) reportAt(ctx, site, `duplicate case ${c}`);
    seen.add(c);
  }
}
