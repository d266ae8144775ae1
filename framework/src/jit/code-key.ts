// What native code for a function depends on, as the key of the compiled-code store: the
// ISA and its configuration, the type layouts, the function's IR, and each symbol's answer
// from the lowering environment. The same key means the same bytes, stack maps and fixups.
import type { Func, Inst, Module } from '../ir/module.ts';
import { calleeSignature } from '../ir/module.ts';
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

export function codeKey(env: LoweringEnv, shared: string, func: Func): string {
  const facts = new Set<string>();
  for (const b of func.blocks) {
    for (const inst of b.insts) {
      if (inst.sym !== '') facts.add(symbolFact(env, env.module, inst));
      if (inst.sig) facts.add(`sig ${sigToString(inst.sig)} #${env.signatureId(inst.sig)}`);
    }
  }
  return `${shared}\n${[...facts]
    .filter((f) => f !== '')
    .sort()
    .join('\n')}\n${printFunc(env.module, func)}`;
}
function symbolFact(env: LoweringEnv, module: Module, inst: Inst): string {
  const s = inst.sym;
  switch (inst.op.name) {
    case 'call':
    case 'tail_call': {
      const sig = calleeSignature(module, s);
      const callee = module.func(s) ? `fn #${env.funcIndex(s)}` : `extern ${JSON.stringify(env.extern(s) ?? null)}`;
      return `call @${s} ${sig ? sigToString(sig) : '?'} raises=${env.mayRaise(s)} ${callee}`;
    }
    case 'gget':
    case 'gset':
      return `global @${s} ${module.global(s)?.type} @${env.globalAddress(s)}`;
    case 'gaddr':
      return `const @${s} @${env.constAddress(s)}`;
    case 'fref':
      return `fn @${s} #${env.funcIndex(s)}`;
    default:
      return ''; // a type or field name: the layouts are in the shared facts
  }
}

function typeLayouts(types: TypeTable): string[] {
  return types.byId.flatMap((t) => {
    if (!t) return [];
    const fields = t.fields.map((f) => `${f.name}:${f.kind}@${f.offset}`).join(',');
    return [`type #${t.id} :${t.name} ${t.kind} size=${t.size} elem=${t.elem}/${t.elemSize}@${t.elemOffset} ${fields}`];
  });
}
