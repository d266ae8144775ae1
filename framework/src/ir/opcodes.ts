import type { TrapKind } from './traps.ts';
import type { ValType } from './types.ts';
import { f64ToI32Saturating, int32ToF64 } from './numeric.ts';

/**
 * The single opcode table. Parser, printer, verifier, interpreter, optimizer and the
 * random-program generator all read it; adding an opcode means adding one entry here
 * (and a lowering rule in each backend).
 *
 * An instruction's text is `[%r =] name slot, slot, ...` where the slots below say what
 * follows the name. `args` hangs a parenthesised value list on the previous slot
 * (`call @f(%a, %b)`).
 */
export type Slot =
  | 'v' // a value operand
  | 'v?' // an optional value operand (ret)
  | 'args' // (%a, %b, ...)
  | 'int' // an integer immediate
  | 'float' // an f64 immediate, written exactly
  | 'sym' // @name: function, global, const or extern
  | 'type' // :T
  | 'field' // :T.f
  | 'sig' // (i32, ref) -> i32
  | 'target' // ^block(args)
  | 'cases'; // [n: ^block(args), ...]

/** How the result type is found. */
export type ResultRule = ValType | 'none' | 'arg1' | 'callee' | 'sig' | 'field' | 'elem' | 'global';

/** Which side of GC lowering an opcode may appear on. */
export type Phase = 'any' | 'unlowered' | 'lowered';

/** A fused terminator form: the op's value flows to `to`, the other edge is named here. */
export type AltEdge = 'ovf' | 'unwind';

export interface OpDef {
  readonly name: string;
  readonly slots: readonly Slot[];
  /** Types of the plain `v` slots, in order; 'any' for select's operands (checked by rule). */
  readonly operands: readonly (ValType | 'any')[];
  readonly result: ResultRule;
  /** true: always ends a block; 'fused': ends a block only when written with `to ... <alt>`. */
  readonly terminator: boolean | 'fused';
  readonly alt?: AltEdge;
  /** No side effects and no traps: may be removed when unused, folded when constant. */
  readonly pure: boolean;
  readonly traps: readonly TrapKind[];
  readonly phase: Phase;
  /** Pure semantics on numbers (i32 and ref as int32, f64 as double). */
  readonly evaluate?: (...xs: number[]) => number;
  /** Overflow-checked semantics: the wrapped value, or null on overflow. */
  readonly evaluateChecked?: (a: number, b: number) => number | null;
  /** May run the collector (allocation, calls). */
  readonly collects: boolean;
  readonly category: OpCategory;
}

export type OpCategory =
  | 'const'
  | 'int'
  | 'compare'
  | 'float'
  | 'convert'
  | 'ref'
  | 'select'
  | 'object'
  | 'global'
  | 'raw'
  | 'call'
  | 'control';

type Partial_ = Omit<OpDef, 'pure' | 'traps' | 'phase' | 'collects' | 'terminator'> &
  Partial<Pick<OpDef, 'pure' | 'traps' | 'phase' | 'collects' | 'terminator'>>;

function op(d: Partial_): OpDef {
  return { pure: false, traps: [], phase: 'any', collects: false, terminator: false, ...d };
}

function pureOp(
  name: string,
  category: OpCategory,
  operands: ValType[],
  result: ValType,
  evaluate: (...xs: number[]) => number,
): OpDef {
  return op({ name, category, slots: operands.map(() => 'v'), operands, result, pure: true, evaluate });
}

const i32 = 'i32',
  f64 = 'f64',
  ref = 'ref';
const b = (x: boolean): number => (x ? 1 : 0);
const u = (x: number): number => x >>> 0;

function checked(exact: (a: number, b: number) => number): (a: number, b: number) => number | null {
  return (a, b) => {
    const r = exact(a, b);
    // `| 0` also turns a -0 product into the i32 0.
    return r === (r | 0) ? r | 0 : null;
  };
}

const INT_BINARY: [string, (a: number, b: number) => number][] = [
  ['iadd', (a, c) => (a + c) | 0],
  ['isub', (a, c) => (a - c) | 0],
  ['imul', (a, c) => Math.imul(a, c)],
  ['iand', (a, c) => a & c],
  ['ior', (a, c) => a | c],
  ['ixor', (a, c) => a ^ c],
  ['ishl', (a, c) => a << (c & 31)],
  ['isar', (a, c) => a >> (c & 31)],
  ['ishr', (a, c) => (a >>> (c & 31)) | 0],
];

/** Division traps on a zero divisor; INT_MIN / -1 wraps to INT_MIN, INT_MIN % -1 is 0. */
const INT_DIVISION: [string, (a: number, b: number) => number][] = [
  ['sdiv', (a, c) => (a / c) | 0],
  ['srem', (a, c) => (a % c) | 0],
  ['udiv', (a, c) => (u(a) / u(c)) | 0],
  ['urem', (a, c) => (u(a) % u(c)) | 0],
];

export const INT_CONDS: [string, (a: number, b: number) => boolean][] = [
  ['eq', (a, c) => a === c],
  ['ne', (a, c) => a !== c],
  ['slt', (a, c) => a < c],
  ['sle', (a, c) => a <= c],
  ['sgt', (a, c) => a > c],
  ['sge', (a, c) => a >= c],
  ['ult', (a, c) => u(a) < u(c)],
  ['ule', (a, c) => u(a) <= u(c)],
  ['ugt', (a, c) => u(a) > u(c)],
  ['uge', (a, c) => u(a) >= u(c)],
];

/** Ordered comparisons are false when either side is NaN; `ne` is the negation of `eq`. */
export const FLOAT_CONDS: [string, (a: number, b: number) => boolean][] = [
  ['eq', (a, c) => a === c],
  ['ne', (a, c) => !(a === c)],
  ['lt', (a, c) => a < c],
  ['le', (a, c) => a <= c],
  ['gt', (a, c) => a > c],
  ['ge', (a, c) => a >= c],
];

const defs: OpDef[] = [
  op({ name: 'iconst', category: 'const', slots: ['int'], operands: [], result: i32, pure: true }),
  op({ name: 'fconst', category: 'const', slots: ['float'], operands: [], result: f64, pure: true }),
  op({ name: 'rnull', category: 'const', slots: [], operands: [], result: ref, pure: true, evaluate: () => 0 }),

  ...INT_BINARY.map(([name, f]) => pureOp(name, 'int', [i32, i32], i32, f)),
  ...INT_DIVISION.map(([name, f]) =>
    op({
      name,
      category: 'int',
      slots: ['v', 'v'],
      operands: [i32, i32],
      result: i32,
      traps: ['div_by_zero'],
      evaluate: f,
    }),
  ),
  ...INT_CONDS.map(([c, f]) => pureOp(`icmp.${c}`, 'compare', [i32, i32], i32, (a, d) => b(f(a, d)))),
  op({
    name: 'iadd_ovf',
    category: 'int',
    slots: ['v', 'v'],
    operands: [i32, i32],
    result: i32,
    terminator: true,
    alt: 'ovf',
    evaluateChecked: checked((a, c) => a + c),
  }),
  op({
    name: 'isub_ovf',
    category: 'int',
    slots: ['v', 'v'],
    operands: [i32, i32],
    result: i32,
    terminator: true,
    alt: 'ovf',
    evaluateChecked: checked((a, c) => a - c),
  }),
  op({
    name: 'imul_ovf',
    category: 'int',
    slots: ['v', 'v'],
    operands: [i32, i32],
    result: i32,
    terminator: true,
    alt: 'ovf',
    evaluateChecked: checked((a, c) => {
      const p = a * c;
      return Math.abs(p) < 2 ** 53 ? p : Infinity;
    }),
  }),

  pureOp('fadd', 'float', [f64, f64], f64, (a, c) => a + c),
  pureOp('fsub', 'float', [f64, f64], f64, (a, c) => a - c),
  pureOp('fmul', 'float', [f64, f64], f64, (a, c) => a * c),
  pureOp('fdiv', 'float', [f64, f64], f64, (a, c) => a / c),
  pureOp('fneg', 'float', [f64], f64, (a) => -a),
  pureOp('fabs', 'float', [f64], f64, (a) => Math.abs(a)),
  pureOp('fsqrt', 'float', [f64], f64, (a) => Math.sqrt(a)),
  ...FLOAT_CONDS.map(([c, f]) => pureOp(`fcmp.${c}`, 'compare', [f64, f64], i32, (a, d) => b(f(a, d)))),
  pureOp('i2f', 'convert', [i32], f64, int32ToF64),
  pureOp('f2i', 'convert', [f64], i32, f64ToI32Saturating),

  pureOp('ref.bits', 'ref', [ref], i32, (a) => a | 0),
  pureOp('ref.from_bits', 'ref', [i32], ref, (a) => a | 0),
  pureOp('ref.is_ptr', 'ref', [ref], i32, (a) => b(a !== 0 && (a & 3) === 0)),
  op({ name: 'ref.type_id', category: 'ref', slots: ['v'], operands: [ref], result: i32, traps: ['bad_pointer'] }),

  op({
    name: 'select',
    category: 'select',
    slots: ['v', 'v', 'v'],
    operands: [i32, 'any', 'any'],
    result: 'arg1',
    pure: true,
    evaluate: (c, x, y) => (c !== 0 ? x : y),
  }),

  op({
    name: 'new',
    category: 'object',
    slots: ['type'],
    operands: [],
    result: ref,
    phase: 'unlowered',
    collects: true,
    traps: ['out_of_memory'],
  }),
  op({
    name: 'new_array',
    category: 'object',
    slots: ['type', 'v'],
    operands: [i32],
    result: ref,
    phase: 'unlowered',
    collects: true,
    traps: ['out_of_memory', 'index_out_of_bounds'],
  }),
  op({
    name: 'get',
    category: 'object',
    slots: ['field', 'v'],
    operands: [ref],
    result: 'field',
    traps: ['bad_pointer'],
  }),
  op({
    name: 'set',
    category: 'object',
    slots: ['field', 'v', 'v'],
    operands: [ref, 'any'],
    result: 'none',
    traps: ['bad_pointer'],
  }),
  op({
    name: 'aget',
    category: 'object',
    slots: ['type', 'v', 'v'],
    operands: [ref, i32],
    result: 'elem',
    traps: ['bad_pointer', 'index_out_of_bounds'],
  }),
  op({
    name: 'aset',
    category: 'object',
    slots: ['type', 'v', 'v', 'v'],
    operands: [ref, i32, 'any'],
    result: 'none',
    traps: ['bad_pointer', 'index_out_of_bounds'],
  }),
  op({ name: 'alen', category: 'object', slots: ['v'], operands: [ref], result: i32, traps: ['bad_pointer'] }),

  op({ name: 'gget', category: 'global', slots: ['sym'], operands: [], result: 'global' }),
  op({ name: 'gset', category: 'global', slots: ['sym', 'v'], operands: ['any'], result: 'none' }),
  op({ name: 'gaddr', category: 'global', slots: ['sym'], operands: [], result: ref, pure: true }),
  op({ name: 'fref', category: 'global', slots: ['sym'], operands: [], result: i32, pure: true }),

  ...(['i8', 'i32', 'f64', 'ref'] as const).flatMap((k) => [
    op({
      name: `load.${k}`,
      category: 'raw',
      slots: ['v', 'int'],
      operands: [i32],
      result: k === 'i8' ? i32 : k,
      phase: 'lowered',
      traps: ['bad_pointer'],
    }),
    op({
      name: `store.${k}`,
      category: 'raw',
      slots: ['v', 'int', 'v'],
      operands: [i32, k === 'i8' ? i32 : k],
      result: 'none',
      phase: 'lowered',
      traps: ['bad_pointer'],
    }),
  ]),

  op({
    name: 'call',
    category: 'call',
    slots: ['sym', 'args'],
    operands: [],
    result: 'callee',
    terminator: 'fused',
    alt: 'unwind',
    collects: true,
    traps: ['stack_overflow'],
  }),
  op({
    name: 'call_indirect',
    category: 'call',
    slots: ['v', 'args', 'sig'],
    operands: [i32],
    result: 'sig',
    terminator: 'fused',
    alt: 'unwind',
    collects: true,
    traps: ['stack_overflow', 'bad_function'],
  }),
  op({
    name: 'tail_call',
    category: 'call',
    slots: ['sym', 'args'],
    operands: [],
    result: 'none',
    terminator: true,
    collects: true,
  }),
  op({
    name: 'tail_call_indirect',
    category: 'call',
    slots: ['v', 'args', 'sig'],
    operands: [i32],
    result: 'none',
    terminator: true,
    collects: true,
    traps: ['bad_function'],
  }),

  op({ name: 'br', category: 'control', slots: ['target'], operands: [], result: 'none', terminator: true }),
  op({
    name: 'brif',
    category: 'control',
    slots: ['v', 'target', 'target'],
    operands: [i32],
    result: 'none',
    terminator: true,
  }),
  op({
    name: 'switch',
    category: 'control',
    slots: ['v', 'target', 'cases'],
    operands: [i32],
    result: 'none',
    terminator: true,
  }),
  op({ name: 'ret', category: 'control', slots: ['v?'], operands: ['any'], result: 'none', terminator: true }),
  op({ name: 'raise', category: 'control', slots: ['v'], operands: [ref], result: 'none', terminator: true }),
  op({
    name: 'unreachable',
    category: 'control',
    slots: [],
    operands: [],
    result: 'none',
    terminator: true,
    traps: ['unreachable'],
  }),
];

export const OPCODES: ReadonlyMap<string, OpDef> = new Map(defs.map((d) => [d.name, d]));
export const OPCODE_LIST: readonly OpDef[] = defs;

export function opcode(name: string): OpDef {
  const d = OPCODES.get(name);
  if (!d) throw new Error(`unknown opcode '${name}'`);
  return d;
}
