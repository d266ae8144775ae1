import type { Inst } from '../ir/module.ts';
import type { Op } from './compiled.ts';

/**
 * Fuses a segment's straight-line ops into one generated JS function, so a segment costs
 * one call instead of one per instruction. Only register-only ops have a source template
 * here (their semantics mirror the closures in ops.ts, which the optimizer property keeps
 * equal to the opcode table); anything else is called through its closure from inside
 * the generated function.
 */
const TEMPLATES: Readonly<Record<string, (d: string, a: string, b: string, c: string) => string>> = {
  iadd: (d, a, b) => `${d} = (${a} + ${b}) | 0;`,
  isub: (d, a, b) => `${d} = (${a} - ${b}) | 0;`,
  imul: (d, a, b) => `${d} = Math.imul(${a}, ${b});`,
  iand: (d, a, b) => `${d} = ${a} & ${b};`,
  ior: (d, a, b) => `${d} = ${a} | ${b};`,
  ixor: (d, a, b) => `${d} = ${a} ^ ${b};`,
  ishl: (d, a, b) => `${d} = ${a} << (${b} & 31);`,
  isar: (d, a, b) => `${d} = ${a} >> (${b} & 31);`,
  ishr: (d, a, b) => `${d} = (${a} >>> (${b} & 31)) | 0;`,
  'icmp.eq': (d, a, b) => `${d} = ${a} === ${b} ? 1 : 0;`,
  'icmp.ne': (d, a, b) => `${d} = ${a} !== ${b} ? 1 : 0;`,
  'icmp.slt': (d, a, b) => `${d} = ${a} < ${b} ? 1 : 0;`,
  'icmp.sle': (d, a, b) => `${d} = ${a} <= ${b} ? 1 : 0;`,
  'icmp.sgt': (d, a, b) => `${d} = ${a} > ${b} ? 1 : 0;`,
  'icmp.sge': (d, a, b) => `${d} = ${a} >= ${b} ? 1 : 0;`,
  'icmp.ult': (d, a, b) => `${d} = (${a} >>> 0) < (${b} >>> 0) ? 1 : 0;`,
  'icmp.ule': (d, a, b) => `${d} = (${a} >>> 0) <= (${b} >>> 0) ? 1 : 0;`,
  'icmp.ugt': (d, a, b) => `${d} = (${a} >>> 0) > (${b} >>> 0) ? 1 : 0;`,
  'icmp.uge': (d, a, b) => `${d} = (${a} >>> 0) >= (${b} >>> 0) ? 1 : 0;`,
  fadd: (d, a, b) => `${d} = ${a} + ${b};`,
  fsub: (d, a, b) => `${d} = ${a} - ${b};`,
  fmul: (d, a, b) => `${d} = ${a} * ${b};`,
  fdiv: (d, a, b) => `${d} = ${a} / ${b};`,
  select: (d, a, b, c) => `${d} = ${a} !== 0 ? ${b} : ${c};`,
  'ref.bits': (d, a) => `${d} = ${a} | 0;`,
  'ref.from_bits': (d, a) => `${d} = ${a} | 0;`,
  'ref.is_ptr': (d, a) => `${d} = (${a} !== 0 && (${a} & 3) === 0) ? 1 : 0;`,
};

export function fuseOps(insts: readonly Inst[], ops: readonly Op[], R: Float64Array): Op {
  if (ops.length === 1) return ops[0]!;
  const lines: string[] = [];
  const fallbacks: Op[] = [];
  const reg = (v: number): string => `R[fp + ${v}]`;
  insts.forEach((inst, i) => {
    const name = inst.op.name;
    const template = TEMPLATES[name];
    if ((name === 'iconst' || name === 'fconst') && Number.isFinite(inst.imm) && !Object.is(inst.imm, -0)) {
      lines.push(`${reg(inst.result)} = ${inst.imm};`);
    } else if (template) {
      const [a = -1, b = -1, c = -1] = inst.args;
      lines.push(template(reg(inst.result), reg(a), reg(b), reg(c)));
    } else {
      lines.push(`F[${fallbacks.length}](fp);`);
      fallbacks.push(ops[i]!);
    }
  });
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- generated from the templates above only
  const make = new Function('R', 'F', `return function segment(fp) {\n${lines.join('\n')}\n};`) as (r: Float64Array, f: Op[]) => Op;
  return make(R, fallbacks);
}
