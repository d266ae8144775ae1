import { calleeSignature, type Func, type Inst, type Module } from './module.ts';
import { fieldValueType, type ValType } from './types.ts';

/** The type an instruction's result has, or null when it has none; throws a message naming
 *  the missing symbol when the instruction refers to something the module lacks. */
export function resultType(m: Module, f: Func, inst: Inst): ValType | null {
  const rule = inst.op.result;
  switch (rule) {
    case 'none':
      return null;
    case 'arg1':
      return f.typeOf(inst.args[1]!);
    case 'callee': {
      const sig = calleeSignature(m, inst.sym);
      if (!sig) throw new Error(`unknown function @${inst.sym}`);
      return sig.result;
    }
    case 'sig':
      return inst.sig?.result ?? null;
    case 'field': {
      const t = m.type(inst.sym);
      if (!t) throw new Error(`unknown type :${inst.sym}`);
      if (t.kind !== 'struct') throw new Error(`:${inst.sym} is not a struct`);
      const fd = t.fields.find((x) => x.name === inst.field);
      if (!fd) throw new Error(`:${inst.sym} has no field '${inst.field}'`);
      return fieldValueType(fd.kind);
    }
    case 'elem': {
      const t = m.type(inst.sym);
      if (!t) throw new Error(`unknown type :${inst.sym}`);
      if (t.kind !== 'array') throw new Error(`:${inst.sym} is not an array`);
      return fieldValueType(t.elem);
    }
    case 'global': {
      const g = m.global(inst.sym);
      if (!g) throw new Error(`unknown global @${inst.sym}`);
      return g.type;
    }
    default:
      return rule;
  }
}
