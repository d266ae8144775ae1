import type { Inst } from '../ir/module.ts';
import { END_JUMP as JUMP, type Edge, type End, type Op } from './compiled.ts';

const END_JUMP = JUMP;

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
  const { lines, fallbacks } = opLines(insts, ops);
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- generated from the templates above only
  const make = new Function('R', 'F', `return function segment(fp) {\n${lines.join('\n')}\n};`) as (
    r: Float64Array,
    f: Op[],
  ) => Op;
  return make(R, fallbacks);
}

/** A segment ending in `br` or `brif` as one function returning the next segment index:
 *  its ops, then the chosen edge's parallel move. */
export function fuseBranchSegment(
  insts: readonly Inst[],
  ops: readonly Op[],
  end: End,
  R: Float64Array,
): (fp: number) => number {
  const { lines, fallbacks } = opLines(insts, ops);
  const move = (e: Edge): string => {
    const reads = Array.from(e.src, (s, i) => `const t${i} = R[fp + ${s}];`);
    const writes = Array.from(e.dst, (d, i) => `R[fp + ${d}] = t${i};`);
    return `{ ${reads.join(' ')} ${writes.join(' ')} return ${e.seg}; }`;
  };
  if (end.kind === END_JUMP) lines.push(move(end.edges[0]!));
  else lines.push(`if (R[fp + ${end.a}] !== 0) ${move(end.edges[0]!)}`, move(end.edges[1]!));
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- generated from the templates above only
  const make = new Function('R', 'F', `return function segment(fp) {\n${lines.join('\n')}\n};`) as (
    r: Float64Array,
    f: Op[],
  ) => (fp: number) => number;
  return make(R, fallbacks);
}

function opLines(insts: readonly Inst[], ops: readonly Op[]): { lines: string[]; fallbacks: Op[] } {
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
  return { lines, fallbacks };
}
