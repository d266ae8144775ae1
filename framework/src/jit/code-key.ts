// What native code for a function depends on, as the key of the compiled-code store: the
// ISA and its configuration, the type layouts, the function's IR, and each symbol's answer
// from the lowering environment. The same key means the same bytes, stack maps and fixups.
import { printedReferences } from '../ir/text/func-references.ts';
import type { Func } from '../ir/module.ts';
import { printFunc } from '../ir/text/printer.ts';
import { sigToString } from '../ir/types.ts';
import type { LoweringEnv } from '../machine/lowering-env.ts';
import type { TypeTable } from '../runtime/object-layout.ts';

/** The part every function of a run shares (computed once per engine): `features` is what
 *  the ISA's code depends on beyond the program (IsaTarget.features). */
export function targetFacts(isa: string, env: LoweringEnv, cpu: string, features: string): string {
  const lines = [`${isa} cpu=${cpu} fuel=${env.fuel} ${features} table=${env.tableBase} static=${env.staticBase}`];
  for (const t of typeLayouts(env.types)) lines.push(t);
  return lines.join('\n');
}

/**
 * The key of `func`'s code: its printed text and, for each symbol the text names, everything
 * the lowering may ask about it, whatever the instruction that names it. A function whose
 * body is not read yet and whose text is the printer's (Func.printedText, a cached library
 * or program) is keyed by that text, so a run that finds its code stored never reads the
 * body; a read body is printed, and gives the same key when it is the same function.
 */
export function codeKey(env: LoweringEnv, shared: string, func: Func): string {
  const printed = func.printedText ?? printFunc(env.module, func);
  const refs = printedReferences(printed);
  const facts = new Set<string>();
  for (const s of refs.symbols) facts.add(symbolFact(env, s));
  for (const sig of refs.signatures) facts.add(`sig ${sigToString(sig)} #${env.signatureId(sig)}`);
  // The flags of an unread body's header come from the caches' records, not from its text.
  const header = `${func.replaceable ? 'replaceable ' : ''}${func.unlowered ? 'unlowered ' : ''}@${func.name}${sigToString(func.sig)}`;
  return `${shared}\n${[...facts].sort().join('\n')}\n${header}\n${printed}`;
}

function symbolFact(env: LoweringEnv, s: string): string {
  const module = env.module;
  const facts = [`@${s}`];
  const func = module.func(s);
  if (func) facts.push(`fn #${env.funcIndex(s)} ${sigToString(func.sig)}`);
  const extern = module.extern(s);
  if (extern) facts.push(`extern ${JSON.stringify(extern)}`);
  if (func || extern) facts.push(`raises=${env.mayRaise(s)}`);
  const global = module.global(s);
  if (global) facts.push(`global ${global.type} @${env.globalAddress(s)}`);
  if (module.constant(s)) facts.push(`const @${env.constAddress(s)}`);
  return facts.join(' ');
}

function typeLayouts(types: TypeTable): string[] {
  return types.byId.flatMap((t) => {
    if (!t) return [];
    const fields = t.fields.map((f) => `${f.name}:${f.kind}@${f.offset}`).join(',');
    return [`type #${t.id} :${t.name} ${t.kind} size=${t.size} elem=${t.elem}/${t.elemSize}@${t.elemOffset} ${fields}`];
  });
}
