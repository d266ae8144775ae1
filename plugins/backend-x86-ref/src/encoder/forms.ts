// The encoder's table of forms: every instruction form the backend emits, with typed
// operands, its encoding (x64.ts) and the Intel-syntax line GNU as must assemble to the
// same bytes (the property test runs `as --64` over random operands of every form).
import { ALU, CC_NAMES, SHIFT, SSE_ARITH, x64, type AluOp, type Mem, type ShiftOp, type SseOp } from './x64.ts';

export type OperandSpec =
  | { readonly kind: 'gpr'; readonly exclude?: readonly number[] }
  | { readonly kind: 'xmm' }
  | { readonly kind: 'cc' }
  | { readonly kind: 'imm'; readonly min: number; readonly max: number }
  | { readonly kind: 'imm64' }
  | { readonly kind: 'mem'; readonly noIndex?: boolean };

export type OperandValue = number | bigint | Mem;
export type Operands = Readonly<Record<string, OperandValue>>;

export interface X64Form {
  readonly name: string;
  readonly operands: Readonly<Record<string, OperandSpec>>;
  encode(ops: Operands): number[];
  /** GNU as, `.intel_syntax noprefix`. */
  toAsm(ops: Operands): string;
}

const GPR64 = [
  'rax',
  'rcx',
  'rdx',
  'rbx',
  'rsp',
  'rbp',
  'rsi',
  'rdi',
  ...Array.from({ length: 8 }, (_, i) => `r${i + 8}`),
];
const GPR32 = [
  'eax',
  'ecx',
  'edx',
  'ebx',
  'esp',
  'ebp',
  'esi',
  'edi',
  ...Array.from({ length: 8 }, (_, i) => `r${i + 8}d`),
];
const GPR8 = ['al', 'cl', 'dl', 'bl', 'spl', 'bpl', 'sil', 'dil', ...Array.from({ length: 8 }, (_, i) => `r${i + 8}b`)];

export const reg64 = (r: number): string => GPR64[r]!;
export const reg32 = (r: number): string => GPR32[r]!;
export const reg8 = (r: number): string => GPR8[r]!;
export const xmm = (r: number): string => `xmm${r}`;

/** `[rbx + rcx*4 - 8]`, `[0x4000000]` */
export function memAsm(m: Mem): string {
  const parts: string[] = [];
  if (m.base !== null) parts.push(reg64(m.base));
  if (m.index !== null) parts.push(`${reg64(m.index)}*${m.scale}`);
  let text = parts.join(' + ');
  if (parts.length === 0) return `[0x${(m.disp >>> 0).toString(16)}]`;
  if (m.disp > 0) text += ` + ${m.disp}`;
  else if (m.disp < 0) text += ` - ${-m.disp}`;
  return `[${text}]`;
}

const n = (v: OperandValue): number => v as number;
const m = (v: OperandValue): Mem => v as Mem;
const gpr: OperandSpec = { kind: 'gpr' };
const xmmSpec: OperandSpec = { kind: 'xmm' };
const i32: OperandSpec = { kind: 'imm', min: -0x80000000, max: 0x7fffffff };
const memSpec: OperandSpec = { kind: 'mem' };

function aluForms(op: AluOp): X64Form[] {
  return [
    {
      name: `${op}.rr`,
      operands: { dst: gpr, src: gpr },
      encode: (o) => x64.aluRR(op, n(o['dst']!), n(o['src']!)),
      toAsm: (o) => `${op} ${reg32(n(o['dst']!))}, ${reg32(n(o['src']!))}`,
    },
    {
      name: `${op}.ri`,
      operands: { dst: gpr, imm: i32 },
      encode: (o) => x64.aluRI(op, n(o['dst']!), n(o['imm']!)),
      toAsm: (o) => `${op} ${reg32(n(o['dst']!))}, ${n(o['imm']!)}`,
    },
    {
      name: `${op}.r64i`,
      operands: { dst: gpr, imm: i32 },
      encode: (o) => x64.aluRI(op, n(o['dst']!), n(o['imm']!), true),
      toAsm: (o) => `${op} ${reg64(n(o['dst']!))}, ${n(o['imm']!)}`,
    },
    {
      name: `${op}.rm`,
      operands: { dst: gpr, mem: memSpec },
      encode: (o) => x64.aluRM(op, n(o['dst']!), m(o['mem']!)),
      toAsm: (o) => `${op} ${reg32(n(o['dst']!))}, dword ptr ${memAsm(m(o['mem']!))}`,
    },
    {
      name: `${op}.mi`,
      operands: { mem: memSpec, imm: i32 },
      encode: (o) => x64.aluMI(op, m(o['mem']!), n(o['imm']!)),
      toAsm: (o) => `${op} dword ptr ${memAsm(m(o['mem']!))}, ${n(o['imm']!)}`,
    },
  ];
}

const shiftForms = (op: ShiftOp): X64Form[] => [
  {
    name: `${op}.cl`,
    operands: { dst: gpr },
    encode: (o) => x64.shiftCl(op, n(o['dst']!)),
    toAsm: (o) => `${op} ${reg32(n(o['dst']!))}, cl`,
  },
  {
    name: `${op}.ri`,
    operands: { dst: gpr, imm: { kind: 'imm', min: 1, max: 31 } },
    encode: (o) => x64.shiftRI(op, n(o['dst']!), n(o['imm']!)),
    toAsm: (o) => `${op} ${reg32(n(o['dst']!))}, ${n(o['imm']!)}`,
  },
];

const sseForms = (op: SseOp): X64Form => ({
  name: op,
  operands: { dst: xmmSpec, src: xmmSpec },
  encode: (o) => x64.sseArith(op, n(o['dst']!), n(o['src']!)),
  toAsm: (o) => `${op} ${xmm(n(o['dst']!))}, ${xmm(n(o['src']!))}`,
});

const cc: OperandSpec = { kind: 'cc' };
const rel32: OperandSpec = { kind: 'imm', min: -0x80000000, max: 0x7fffffff };
const rel8: OperandSpec = { kind: 'imm', min: -128, max: 127 };

/** Relative branches are written as `.+N` (N counted from the instruction's start). */
const relAsm = (rel: number, size: number): string => {
  const fromStart = rel + size;
  return fromStart >= 0 ? `.+${fromStart}` : `.-${-fromStart}`;
};

const simple = (name: string, bytes: number[], asm: string): X64Form => ({
  name,
  operands: {},
  encode: () => bytes,
  toAsm: () => asm,
});

export const X64_FORMS: readonly X64Form[] = [
  ...(Object.keys(ALU) as AluOp[]).flatMap(aluForms),
  ...(Object.keys(SHIFT) as ShiftOp[]).flatMap(shiftForms),
  ...(Object.keys(SSE_ARITH) as SseOp[]).map(sseForms),
  {
    name: 'test.rr',
    operands: { a: gpr, b: gpr },
    encode: (o) => x64.testRR(n(o['a']!), n(o['b']!)),
    toAsm: (o) => `test ${reg32(n(o['a']!))}, ${reg32(n(o['b']!))}`,
  },
  {
    name: 'test.ri',
    operands: { a: gpr, imm: i32 },
    encode: (o) => x64.testRI(n(o['a']!), n(o['imm']!)),
    toAsm: (o) => `test ${reg32(n(o['a']!))}, ${n(o['imm']!)}`,
  },
  {
    name: 'and.rr8',
    operands: { dst: gpr, src: gpr },
    encode: (o) => x64.andRR8(n(o['dst']!), n(o['src']!)),
    toAsm: (o) => `and ${reg8(n(o['dst']!))}, ${reg8(n(o['src']!))}`,
  },
  {
    name: 'imul.rr',
    operands: { dst: gpr, src: gpr },
    encode: (o) => x64.imulRR(n(o['dst']!), n(o['src']!)),
    toAsm: (o) => `imul ${reg32(n(o['dst']!))}, ${reg32(n(o['src']!))}`,
  },
  {
    name: 'neg',
    operands: { dst: gpr },
    encode: (o) => x64.neg(n(o['dst']!)),
    toAsm: (o) => `neg ${reg32(n(o['dst']!))}`,
  },
  simple('cdq', x64.cdq(), 'cdq'),
  {
    name: 'idiv',
    operands: { src: gpr },
    encode: (o) => x64.div(true, n(o['src']!)),
    toAsm: (o) => `idiv ${reg32(n(o['src']!))}`,
  },
  {
    name: 'div',
    operands: { src: gpr },
    encode: (o) => x64.div(false, n(o['src']!)),
    toAsm: (o) => `div ${reg32(n(o['src']!))}`,
  },
  {
    name: 'setcc',
    operands: { cc, dst: gpr },
    encode: (o) => x64.setcc(n(o['cc']!), n(o['dst']!)),
    toAsm: (o) => `set${CC_NAMES[n(o['cc']!)]} ${reg8(n(o['dst']!))}`,
  },
  {
    name: 'movzx.rr8',
    operands: { dst: gpr, src: gpr },
    encode: (o) => x64.movzxRR8(n(o['dst']!), n(o['src']!)),
    toAsm: (o) => `movzx ${reg32(n(o['dst']!))}, ${reg8(n(o['src']!))}`,
  },
  {
    name: 'cmovcc',
    operands: { cc, dst: gpr, src: gpr },
    encode: (o) => x64.cmov(n(o['cc']!), n(o['dst']!), n(o['src']!)),
    toAsm: (o) => `cmov${CC_NAMES[n(o['cc']!)]} ${reg32(n(o['dst']!))}, ${reg32(n(o['src']!))}`,
  },
  {
    name: 'mov.rr',
    operands: { dst: gpr, src: gpr },
    encode: (o) => x64.movRR(n(o['dst']!), n(o['src']!)),
    toAsm: (o) => `mov ${reg32(n(o['dst']!))}, ${reg32(n(o['src']!))}`,
  },
  {
    name: 'mov.r64r64',
    operands: { dst: gpr, src: gpr },
    encode: (o) => x64.movRR(n(o['dst']!), n(o['src']!), true),
    toAsm: (o) => `mov ${reg64(n(o['dst']!))}, ${reg64(n(o['src']!))}`,
  },
  {
    name: 'mov.ri',
    operands: { dst: gpr, imm: i32 },
    encode: (o) => x64.movRI(n(o['dst']!), n(o['imm']!)),
    toAsm: (o) => `mov ${reg32(n(o['dst']!))}, ${n(o['imm']!) >>> 0}`,
  },
  {
    name: 'movabs',
    operands: { dst: gpr, imm: { kind: 'imm64' } },
    encode: (o) => x64.movabs(n(o['dst']!), o['imm'] as bigint),
    toAsm: (o) => `movabs ${reg64(n(o['dst']!))}, 0x${BigInt.asUintN(64, o['imm'] as bigint).toString(16)}`,
  },
  {
    name: 'mov.load',
    operands: { dst: gpr, mem: memSpec },
    encode: (o) => x64.loadRM(n(o['dst']!), m(o['mem']!)),
    toAsm: (o) => `mov ${reg32(n(o['dst']!))}, dword ptr ${memAsm(m(o['mem']!))}`,
  },
  {
    name: 'mov.store',
    operands: { mem: memSpec, src: gpr },
    encode: (o) => x64.storeMR(m(o['mem']!), n(o['src']!)),
    toAsm: (o) => `mov dword ptr ${memAsm(m(o['mem']!))}, ${reg32(n(o['src']!))}`,
  },
  {
    name: 'movzx.load8',
    operands: { dst: gpr, mem: memSpec },
    encode: (o) => x64.loadByte(n(o['dst']!), m(o['mem']!)),
    toAsm: (o) => `movzx ${reg32(n(o['dst']!))}, byte ptr ${memAsm(m(o['mem']!))}`,
  },
  {
    name: 'mov.store8',
    operands: { mem: memSpec, src: gpr },
    encode: (o) => x64.storeByte(m(o['mem']!), n(o['src']!)),
    toAsm: (o) => `mov byte ptr ${memAsm(m(o['mem']!))}, ${reg8(n(o['src']!))}`,
  },
  {
    name: 'jcc.rel32',
    operands: { cc, rel: rel32 },
    encode: (o) => x64.jccRel32(n(o['cc']!), n(o['rel']!)),
    toAsm: (o) => `j${CC_NAMES[n(o['cc']!)]} ${relAsm(n(o['rel']!), 6)}`,
  },
  {
    name: 'jcc.rel8',
    operands: { cc, rel: rel8 },
    encode: (o) => x64.jccRel8(n(o['cc']!), n(o['rel']!)),
    toAsm: (o) => `j${CC_NAMES[n(o['cc']!)]} ${relAsm(n(o['rel']!), 2)}`,
  },
  {
    name: 'jmp.rel32',
    operands: { rel: rel32 },
    encode: (o) => x64.jmpRel32(n(o['rel']!)),
    toAsm: (o) => `jmp ${relAsm(n(o['rel']!), 5)}`,
  },
  {
    name: 'jmp.rel8',
    operands: { rel: rel8 },
    encode: (o) => x64.jmpRel8(n(o['rel']!)),
    toAsm: (o) => `jmp ${relAsm(n(o['rel']!), 2)}`,
  },
  {
    name: 'call.rel32',
    operands: { rel: rel32 },
    encode: (o) => x64.callRel32(n(o['rel']!)),
    toAsm: (o) => `call ${relAsm(n(o['rel']!), 5)}`,
  },
  {
    name: 'call.r',
    operands: { reg: gpr },
    encode: (o) => x64.callR(n(o['reg']!)),
    toAsm: (o) => `call ${reg64(n(o['reg']!))}`,
  },
  {
    name: 'jmp.r',
    operands: { reg: gpr },
    encode: (o) => x64.jmpR(n(o['reg']!)),
    toAsm: (o) => `jmp ${reg64(n(o['reg']!))}`,
  },
  simple('ret', x64.ret(), 'ret'),
  simple('ud2', x64.ud2(), 'ud2'),
  {
    name: 'push',
    operands: { reg: gpr },
    encode: (o) => x64.push(n(o['reg']!)),
    toAsm: (o) => `push ${reg64(n(o['reg']!))}`,
  },
  {
    name: 'pop',
    operands: { reg: gpr },
    encode: (o) => x64.pop(n(o['reg']!)),
    toAsm: (o) => `pop ${reg64(n(o['reg']!))}`,
  },
  ...(['btc', 'btr'] as const).map(
    (op): X64Form => ({
      name: op,
      operands: { dst: gpr, bit: { kind: 'imm', min: 0, max: 63 } },
      encode: (o) => x64.bitOp(op, n(o['dst']!), n(o['bit']!)),
      toAsm: (o) => `${op} ${reg64(n(o['dst']!))}, ${n(o['bit']!)}`,
    }),
  ),
  {
    name: 'ucomisd',
    operands: { a: xmmSpec, b: xmmSpec },
    encode: (o) => x64.ucomisd(n(o['a']!), n(o['b']!)),
    toAsm: (o) => `ucomisd ${xmm(n(o['a']!))}, ${xmm(n(o['b']!))}`,
  },
  {
    name: 'xorpd',
    operands: { dst: xmmSpec, src: xmmSpec },
    encode: (o) => x64.xorpd(n(o['dst']!), n(o['src']!)),
    toAsm: (o) => `xorpd ${xmm(n(o['dst']!))}, ${xmm(n(o['src']!))}`,
  },
  {
    name: 'movapd',
    operands: { dst: xmmSpec, src: xmmSpec },
    encode: (o) => x64.movapd(n(o['dst']!), n(o['src']!)),
    toAsm: (o) => `movapd ${xmm(n(o['dst']!))}, ${xmm(n(o['src']!))}`,
  },
  {
    name: 'cvtsi2sd',
    operands: { dst: xmmSpec, src: gpr },
    encode: (o) => x64.cvtsi2sd(n(o['dst']!), n(o['src']!)),
    toAsm: (o) => `cvtsi2sd ${xmm(n(o['dst']!))}, ${reg32(n(o['src']!))}`,
  },
  {
    name: 'cvttsd2si',
    operands: { dst: gpr, src: xmmSpec },
    encode: (o) => x64.cvttsd2si(n(o['dst']!), n(o['src']!)),
    toAsm: (o) => `cvttsd2si ${reg32(n(o['dst']!))}, ${xmm(n(o['src']!))}`,
  },
  {
    name: 'movq.xr',
    operands: { dst: xmmSpec, src: gpr },
    encode: (o) => x64.movqXR(n(o['dst']!), n(o['src']!)),
    toAsm: (o) => `movq ${xmm(n(o['dst']!))}, ${reg64(n(o['src']!))}`,
  },
  {
    name: 'movq.rx',
    operands: { dst: gpr, src: xmmSpec },
    encode: (o) => x64.movqRX(n(o['dst']!), n(o['src']!)),
    toAsm: (o) => `movq ${reg64(n(o['dst']!))}, ${xmm(n(o['src']!))}`,
  },
  {
    name: 'movsd.load',
    operands: { dst: xmmSpec, mem: memSpec },
    encode: (o) => x64.movsdLoad(n(o['dst']!), m(o['mem']!)),
    toAsm: (o) => `movsd ${xmm(n(o['dst']!))}, qword ptr ${memAsm(m(o['mem']!))}`,
  },
  {
    name: 'movsd.store',
    operands: { mem: memSpec, src: xmmSpec },
    encode: (o) => x64.movsdStore(m(o['mem']!), n(o['src']!)),
    toAsm: (o) => `movsd qword ptr ${memAsm(m(o['mem']!))}, ${xmm(n(o['src']!))}`,
  },
];

export const X64_FORM_BY_NAME: ReadonlyMap<string, X64Form> = new Map(X64_FORMS.map((f) => [f.name, f]));
