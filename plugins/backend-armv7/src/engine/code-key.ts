// What armv7 code for a function depends on, as the key of the compiled-code store: the
// target's configuration, the type layouts, the function's IR, and each symbol's answer from
// the lowering environment. The same key means the same bytes, stack maps and fixups.
import { calleeSignature, printFunc, sigToString, type Func, type Inst, type Module, type TypeTable } from '#framework';
import type { LoweringEnv } from '../lower/lowering-env.ts';

/** The part every function of a run shares (computed once per engine). */
export function targetFacts(env: LoweringEnv, cpu: string): string {
  const lines = [`armv7 cpu=${cpu} fuel=${env.fuel} sdiv=${env.hardwareDivide} table=${env.tableBase} static=${env.staticBase}`];
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
  return `${shared}\n${[...facts].filter((f) => f !== '').sort().join('\n')}\n${printFunc(env.module, func)}`;
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
  return types.byId.flatMap((t) =>
    t ? [`type #${t.id} :${t.name} ${t.kind} size=${t.size} elem=${t.elem}/${t.elemSize}@${t.elemOffset} ${t.fields.map((f) => `${f.name}:${f.kind}@${f.offset}`).join(',')}`] : [],
  );
}
