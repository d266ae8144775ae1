// Random well-formed IR for the machine-layer property tests, built from a recipe that is
// valid by construction: operands are picked by index from the values in scope, loops run a
// fixed number of times, and functions call only earlier ones.
import fc from 'fast-check';
import { FuncBuilder } from '../../src/ir/builder.ts';
import { Module, type Block } from '../../src/ir/module.ts';
import { opcode } from '../../src/ir/opcodes.ts';
import type { ValType } from '../../src/ir/types.ts';

export type Step =
  | { readonly k: 'op'; readonly op: string; readonly args: readonly number[] }
  | { readonly k: 'const'; readonly ty: ValType; readonly value: number }
  | { readonly k: 'call'; readonly callee: number; readonly args: readonly number[] }
  | {
      readonly k: 'if';
      readonly cond: number;
      readonly then: readonly Step[];
      readonly else: readonly Step[];
      /** Values merged at the join: picked at the end of each side. */
      readonly merge: readonly { readonly pick: number; readonly a: number; readonly b: number }[];
      /** The else side branches straight to the join (a critical edge). */
      readonly direct: boolean;
    }
  | {
      readonly k: 'loop';
      readonly trips: number;
      readonly carried: readonly number[];
      readonly body: readonly Step[];
      readonly next: readonly number[];
    };

export interface FuncRecipe {
  readonly params: readonly ValType[];
  readonly result: ValType | null;
  readonly body: readonly Step[];
  readonly ret: number;
}

export const OPS = [
  'iadd',
  'isub',
  'imul',
  'iand',
  'ior',
  'ixor',
  'ishl',
  'isar',
  'ishr',
  'icmp.eq',
  'icmp.ne',
  'icmp.slt',
  'icmp.sle',
  'icmp.ult',
  'icmp.uge',
  'fadd',
  'fsub',
  'fmul',
  'fdiv',
  'fneg',
  'fabs',
  'fsqrt',
  'fcmp.lt',
  'fcmp.eq',
  'fcmp.ne',
  'i2f',
  'f2i',
  'ref.from_bits',
  // No ref.bits: its result may not live across a call (the verifier's derived-pointer
  // rule), and a random body cannot promise that. ref.is_ptr reads a ref as an i32 too.
  'ref.is_ptr',
  'select',
];

const TYPES: ValType[] = ['i32', 'f64', 'ref'];
const valType = fc.constantFrom<ValType>(...TYPES);
const idx = fc.nat(1000);

const constStep = fc.oneof(
  fc.record({
    k: fc.constant('const' as const),
    ty: fc.constant<ValType>('i32'),
    value: fc.oneof(fc.integer({ min: -8, max: 8 }), fc.integer()),
  }),
  fc.record({
    k: fc.constant('const' as const),
    ty: fc.constant<ValType>('f64'),
    value: fc.oneof(fc.double(), fc.integer({ min: -4, max: 4 })),
  }),
  fc.record({ k: fc.constant('const' as const), ty: fc.constant<ValType>('ref'), value: fc.constant(0) }),
);
const opStep = fc.record({
  k: fc.constant('op' as const),
  op: fc.constantFrom(...OPS),
  args: fc.array(idx, { minLength: 3, maxLength: 3 }),
});
const callStep = fc.record({
  k: fc.constant('call' as const),
  callee: idx,
  args: fc.array(idx, { minLength: 6, maxLength: 6 }),
});

function stepArb(depth: number): fc.Arbitrary<Step> {
  const leaves = [
    { weight: 6, arbitrary: opStep as fc.Arbitrary<Step> },
    { weight: 2, arbitrary: constStep as fc.Arbitrary<Step> },
    { weight: 2, arbitrary: callStep as fc.Arbitrary<Step> },
  ];
  if (depth <= 0) return fc.oneof(...leaves);
  const inner = fc.array(stepArb(depth - 1), { maxLength: 8, size: 'medium' });
  const ifStep: fc.Arbitrary<Step> = fc.record({
    k: fc.constant('if' as const),
    cond: idx,
    then: inner,
    else: inner,
    merge: fc.array(fc.record({ pick: idx, a: idx, b: idx }), { maxLength: 3 }),
    direct: fc.boolean(),
  });
  const loopStep: fc.Arbitrary<Step> = fc.record({
    k: fc.constant('loop' as const),
    trips: fc.integer({ min: 1, max: 3 }),
    carried: fc.array(idx, { maxLength: 3 }),
    body: inner,
    next: fc.array(idx, { minLength: 3, maxLength: 3 }),
  });
  return fc.oneof(...leaves, { weight: 1, arbitrary: ifStep }, { weight: 1, arbitrary: loopStep });
}

/** A function of up to `maxSteps` top-level steps, ifs and loops nested `depth` deep. */
export function funcRecipeOf(depth: number, maxSteps: number): fc.Arbitrary<FuncRecipe> {
  return fc.record({
    params: fc.array(valType, { maxLength: 5 }),
    result: fc.option(valType, { nil: null, freq: 6 }),
    body: fc.array(stepArb(depth), { minLength: 1, maxLength: maxSteps, size: 'medium' }),
    ret: idx,
  });
}

export const funcRecipe = funcRecipeOf(2, 16);

/** An upper bound of the instructions a call of function `i` executes. */
export function recipeCost(funcs: readonly FuncRecipe[], i: number, memo = new Map<number, number>()): number {
  const known = memo.get(i);
  if (known !== undefined) return known;
  const cost = (steps: readonly Step[]): number =>
    steps.reduce((n, s) => {
      switch (s.k) {
        case 'op':
        case 'const':
          return n + 1;
        case 'call':
          return n + 2 + (i > 0 ? recipeCost(funcs, s.callee % i, memo) : 0);
        case 'if':
          return n + 2 + Math.max(cost(s.then), cost(s.else));
        case 'loop':
          return n + 2 + s.trips * (cost(s.body) + 3);
      }
    }, 0);
  const c = cost(funcs[i]!.body) + 2;
  memo.set(i, c);
  return c;
}

interface Value {
  readonly v: number;
  readonly ty: ValType;
}

/** Builds the module; function i is `f{i}`. */
export function buildModule(funcs: readonly FuncRecipe[]): Module {
  const m = new Module();
  funcs.forEach((r, i) => {
    const b = new FuncBuilder(m, `f${i}`, { params: [...r.params], result: r.result });
    const pool: Value[] = b.params.map((v, k) => ({ v, ty: r.params[k]! }));
    new RecipeLowering(m, b, i, funcs).steps(r.body, pool);
    if (r.result) b.ret(pick(b, pool, r.result, r.ret));
    else b.ret();
  });
  return m;
}

function pick(b: FuncBuilder, pool: Value[], ty: ValType, i: number): number {
  const candidates = pool.filter((x) => x.ty === ty);
  if (candidates.length > 0) return candidates[i % candidates.length]!.v;
  const v = ty === 'i32' ? b.iconst(i) : ty === 'f64' ? b.fconst(i / 4) : b.emit('rnull');
  pool.push({ v, ty });
  return v;
}

class RecipeLowering {
  constructor(
    readonly m: Module,
    readonly b: FuncBuilder,
    readonly index: number,
    readonly funcs: readonly FuncRecipe[],
  ) {}

  steps(steps: readonly Step[], pool: Value[]): void {
    for (const s of steps) this.step(s, pool);
  }

  private step(s: Step, pool: Value[]): void {
    const b = this.b;
    switch (s.k) {
      case 'const': {
        const v = s.ty === 'i32' ? b.iconst(s.value) : s.ty === 'f64' ? b.fconst(s.value) : b.emit('rnull');
        pool.push({ v, ty: s.ty });
        return;
      }
      case 'op': {
        const def = opcode(s.op);
        let args: number[];
        if (s.op === 'select') {
          const ty = TYPES[s.args[1]! % 3]!;
          args = [pick(b, pool, 'i32', s.args[0]!), pick(b, pool, ty, s.args[1]!), pick(b, pool, ty, s.args[2]!)];
        } else args = def.operands.map((t, k) => pick(b, pool, t as ValType, s.args[k]!));
        const v = b.emit(s.op, args);
        pool.push({ v, ty: b.func.typeOf(v) });
        return;
      }
      case 'call': {
        if (this.index === 0) return;
        const callee = s.callee % this.index;
        const r = this.funcs[callee]!;
        const v = b.call(
          `f${callee}`,
          r.params.map((t, k) => pick(b, pool, t, s.args[k % s.args.length]! + k)),
        );
        if (r.result) pool.push({ v, ty: r.result });
        return;
      }
      case 'if':
        this.diamond(s, pool);
        return;
      case 'loop':
        this.loop(s, pool);
        return;
    }
  }

  private diamond(s: Extract<Step, { k: 'if' }>, pool: Value[]): void {
    const b = this.b;
    const cond = pick(b, pool, 'i32', s.cond);
    const types = s.merge.map((x) => TYPES[x.pick % 3]!);
    const thenB = b.block('then');
    const join = b.block('join', types);
    let elseB: Block | null = null;
    if (s.direct) {
      const direct = types.map((t, k) => pick(b, pool, t, s.merge[k]!.b));
      b.brif(cond, thenB, [], join, direct);
    } else {
      elseB = b.block('else');
      b.brif(cond, thenB, [], elseB, []);
    }
    const base = [...pool];
    b.switchTo(thenB);
    const thenPool = [...base];
    this.steps(s.then, thenPool);
    b.br(
      join,
      types.map((t, k) => pick(b, thenPool, t, s.merge[k]!.a)),
    );
    if (elseB) {
      b.switchTo(elseB);
      const elsePool = [...base];
      this.steps(s.else, elsePool);
      b.br(
        join,
        types.map((t, k) => pick(b, elsePool, t, s.merge[k]!.b)),
      );
    }
    b.switchTo(join);
    pool.splice(0, pool.length, ...base);
    join.params.forEach((v, k) => pool.push({ v, ty: types[k]! }));
  }

  private loop(s: Extract<Step, { k: 'loop' }>, pool: Value[]): void {
    const b = this.b;
    const init = s.carried.map((i) =>
      pool.length > 0 ? pool[i % pool.length]! : { v: b.iconst(i), ty: 'i32' as ValType },
    );
    const types = init.map((x) => x.ty);
    const zero = b.iconst(0);
    const header = b.block('loop', ['i32', ...types]);
    const exit = b.block('exit', types);
    b.br(header, [zero, ...init.map((x) => x.v)]);
    b.switchTo(header);
    const [counter, ...carried] = header.params;
    const body: Value[] = [...pool, { v: counter!, ty: 'i32' }, ...carried.map((v, k) => ({ v, ty: types[k]! }))];
    this.steps(s.body, body);
    const next = types.map((t, k) => pick(b, body, t, s.next[k % s.next.length]! + k));
    const one = b.iconst(1);
    const bumped = b.emit('iadd', [counter!, one]);
    const more = b.emit('icmp.slt', [bumped, b.iconst(s.trips)]);
    b.brif(more, header, [bumped, ...next], exit, next);
    b.switchTo(exit);
    exit.params.forEach((v, k) => pool.push({ v, ty: types[k]! }));
  }
}
