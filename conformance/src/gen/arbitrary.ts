import fc from 'fast-check';
import type { Expr, FnRecipe, NumType, Recipe, RefExpr, Stmt, TailCall } from './recipe.ts';
import { CHECKED_OPS, DIVISION_OPS, numberOpsWithResult, operandTypes } from './recipe-ops.ts';

/**
 * fast-check arbitraries for recipes. fast-check shrinks the recipe (dropping statements,
 * simplifying expressions) and every shrunk recipe still lowers to a valid module.
 */
export interface RecipeSizes {
  maxFuncs: number;
  maxBody: number;
  maxBlock: number;
  exprDepth: number;
  stmtDepth: number;
  maxLoopBound: number;
}

export const DEFAULT_SIZES: RecipeSizes = {
  maxFuncs: 5,
  maxBody: 8,
  maxBlock: 4,
  exprDepth: 3,
  stmtDepth: 2,
  maxLoopBound: 4,
};

const INT_MIN = -2147483648;
const INT_MAX = 2147483647;

export const intConstant: fc.Arbitrary<number> = fc.oneof(
  { arbitrary: fc.integer({ min: -8, max: 8 }), weight: 3 },
  {
    arbitrary: fc.constantFrom(INT_MIN, INT_MAX, INT_MIN + 1, 255, 256, 65535, -65536, 31, 32, 33, 46341, 0x55555555),
    weight: 2,
  },
  // The edges of the immediates instruction selection encodes: A32's rotated bytes (and
  // their negation and complement), x86's sign-extended imm8.
  {
    arbitrary: fc.constantFrom(
      257,
      260,
      1020,
      1021,
      4095,
      4096,
      -255,
      -256,
      -257,
      -16777216,
      0xff0000,
      127,
      128,
      -128,
      -129,
    ),
    weight: 2,
  },
  { arbitrary: fc.integer(), weight: 1 },
);

export const floatConstant: fc.Arbitrary<number> = fc.oneof(
  {
    arbitrary: fc.constantFrom(
      0,
      -0,
      1,
      -1,
      0.5,
      2.5,
      -3.75,
      0.1,
      1e300,
      -1e-300,
      5e-324,
      NaN,
      Infinity,
      -Infinity,
      2147483647.5,
      2147483648,
      -2147483649,
    ),
    weight: 3,
  },
  { arbitrary: fc.double(), weight: 1 },
);

const numType: fc.Arbitrary<NumType> = fc.constantFrom('i32', 'f64');

interface Arbs {
  i32: Expr;
  f64: Expr;
  ref: RefExpr;
  stmt: Stmt;
  block: Stmt[];
  /** A call returning i32 (loops of calls are what an inliner looks for). */
  call: Expr;
}

/** Makes the arbitraries for one size setting. */
export function recipeArbitraries(sizes: RecipeSizes = DEFAULT_SIZES): {
  recipe: fc.Arbitrary<Recipe>;
  expr: (t: NumType) => fc.Arbitrary<Expr>;
  stmt: fc.Arbitrary<Stmt>;
} {
  const arbs = fc.letrec<Arbs>((tie: Tie) => {
    const expr = (t: NumType): fc.Arbitrary<Expr> => tie(t);
    const exprs = (t: NumType): fc.Arbitrary<Expr[]> => fc.array(expr(t), { maxLength: 2 });
    const index = fc.nat(7);
    const exprOptions = {
      depthSize: 'small',
      maxDepth: sizes.exprDepth,
      depthIdentifier: 'expr',
      withCrossShrink: true,
    } as const;
    const opNode = (t: NumType): fc.Arbitrary<Expr> =>
      fc.oneof(
        ...numberOpsWithResult(t).map((op) =>
          fc.tuple(...operandTypes(op).map(expr)).map((args): Expr => ({ k: 'op', op: op.name, args: [...args] })),
        ),
      );
    // A call passing the caller's own variables in another order: at the call the values
    // sit in the argument registers they must move between, a parallel move with cycles.
    const swapped = (t: NumType): fc.Arbitrary<Expr[]> =>
      fc.constantFrom<Expr[]>(
        [
          { k: 'var', t, n: 1 },
          { k: 'var', t, n: 0 },
        ],
        [
          { k: 'var', t, n: 1 },
          { k: 'var', t, n: 2 },
          { k: 'var', t, n: 0 },
        ],
      );
    const args = (t: NumType): fc.Arbitrary<Expr[]> =>
      fc.oneof({ arbitrary: exprs(t), weight: 3 }, { arbitrary: swapped(t), weight: 1 });
    const call = (t: NumType): fc.Arbitrary<Expr> =>
      fc.record({
        k: fc.constant('call'),
        t: fc.constant(t),
        fn: fc.nat(),
        ints: args('i32'),
        floats: args('f64'),
        caught: fc.boolean(),
        indirect: fc.boolean(),
      });
    // A constant on the left of a subtraction: ARM's reverse-subtract rule.
    const constantMinus = fc
      .tuple(intConstant, expr('i32'))
      .map(([c, e]): Expr => ({ k: 'op', op: 'isub', args: [{ k: 'int', v: c }, e] }));
    const select = (t: NumType): fc.Arbitrary<Expr> =>
      fc.record({
        k: fc.constant('select'),
        t: fc.constant(t),
        c: fc.oneof(expr('i32'), fusableCondition(expr('i32'), tie('ref'))),
        a: expr(t),
        b: expr(t),
      });
    const i32Leaf: fc.Arbitrary<Expr> = fc.oneof(
      { arbitrary: fc.record({ k: fc.constant('int'), v: intConstant }), weight: 4 },
      { arbitrary: fc.record({ k: fc.constant('var'), t: fc.constant('i32'), n: index }), weight: 4 },
      fc.record({ k: fc.constant('gget'), t: fc.constant('i32') }),
      fc.record({ k: fc.constant('field'), obj: index, field: fc.constantFrom('i', 'b') }),
      fc.record({ k: fc.constant('alen'), elem: fc.constantFrom('i32', 'f64', 'ref', 'i8'), arr: index }),
      fc.record({ k: fc.constant('typeid'), n: index }),
      fc.record({ k: fc.constant('kfield'), field: fc.constantFrom('i', 'b') }),
    );
    const f64Leaf: fc.Arbitrary<Expr> = fc.oneof(
      { arbitrary: fc.record({ k: fc.constant('float'), v: floatConstant }), weight: 4 },
      { arbitrary: fc.record({ k: fc.constant('var'), t: fc.constant('f64'), n: index }), weight: 4 },
      fc.record({ k: fc.constant('gget'), t: fc.constant('f64') }),
      fc.record({ k: fc.constant('field'), obj: index, field: fc.constant('f') }),
      fc.record({ k: fc.constant('kfield'), field: fc.constant('f') }),
    );
    return {
      i32: fc.oneof(
        exprOptions,
        { arbitrary: i32Leaf, weight: 5 },
        { arbitrary: opNode('i32'), weight: 5 },
        constantMinus,
        select('i32'),
        fc.record({
          k: fc.constant('div'),
          op: fc.constantFrom(...DIVISION_OPS.map((o) => o.name)),
          a: expr('i32'),
          b: expr('i32'),
          guard: fc.constantFrom('or1', 'select', 'or1', 'select', 'none'),
        }),
        fc.record({
          k: fc.constant('ovf'),
          op: fc.constantFrom(...CHECKED_OPS.map((o) => o.name)),
          a: expr('i32'),
          b: expr('i32'),
          fallback: expr('i32'),
        }),
        call('i32'),
        fc.record({ k: fc.constant('elem'), elem: fc.constantFrom('i32', 'i8'), arr: index, idx: expr('i32') }),
        fc.record({ k: fc.constant('refobs'), r: tie('ref') }),
        fc.record({ k: fc.constant('kelem'), idx: expr('i32') }),
      ),
      f64: fc.oneof(
        exprOptions,
        { arbitrary: f64Leaf, weight: 5 },
        { arbitrary: opNode('f64'), weight: 4 },
        select('f64'),
        call('f64'),
        fc.record({ k: fc.constant('elem'), elem: fc.constant('f64'), arr: index, idx: expr('i32') }),
      ),
      ref: fc.oneof(
        exprOptions,
        fc.record({ k: fc.constant('null') }),
        fc.record({ k: fc.constant('obj'), n: index }),
        fc.record({ k: fc.constant('imm'), e: expr('i32') }),
        fc.record({ k: fc.constant('rfield'), obj: index }),
        fc.record({ k: fc.constant('relem'), arr: index, idx: expr('i32') }),
        fc.record({ k: fc.constant('rglobal') }),
        fc.record({ k: fc.constant('konst'), array: fc.boolean() }),
        fc.record({ k: fc.constant('kref') }),
      ),
      stmt: statement(tie, sizes, index),
      block: fc.array(tie('stmt'), { maxLength: sizes.maxBlock }),
      call: call('i32'),
    };
  });
  const func = (t: NumType): fc.Arbitrary<FnRecipe> =>
    fc.record({
      params: fc.array(numType, { maxLength: 3 }),
      result: fc.constant(t),
      body: fc.array(arbs.stmt, { maxLength: sizes.maxBody }),
      ret: arbs[t],
      tail: fc.option(tailCall(arbs.i32, arbs.f64), { nil: null, freq: 4 }),
    });
  // Small functions are what the inliner copies: a statement or two (often one that
  // raises or allocates) and a short result.
  const smallFunc = (t: NumType): fc.Arbitrary<FnRecipe> =>
    fc.record({
      params: fc.array(numType, { maxLength: 2 }),
      result: fc.constant(t),
      body: fc.array(smallStatement(arbs.i32, arbs.f64), { maxLength: 2 }),
      ret: arbs[t],
      tail: fc.option(tailCall(arbs.i32, arbs.f64), { nil: null, freq: 6 }),
    });
  const recipe = fc.record({
    // One recipe in six is raw: GC-lowered form, raw loads and stores, no allocation.
    raw: fc.oneof({ arbitrary: fc.constant(false), weight: 5 }, { arbitrary: fc.constant(true), weight: 1 }),
    funcs: fc.array(fc.oneof(func('i32'), func('f64'), smallFunc('i32'), smallFunc('f64')), {
      minLength: 1,
      maxLength: sizes.maxFuncs,
    }),
    args: fc.record({
      ints: fc.array(intConstant, { maxLength: 3 }),
      floats: fc.array(floatConstant, { maxLength: 3 }),
    }),
  });
  return { recipe, expr: (t) => arbs[t], stmt: arbs.stmt };
}

function tailCall(i32: fc.Arbitrary<Expr>, f64: fc.Arbitrary<Expr>): fc.Arbitrary<TailCall> {
  return fc.record({
    fn: fc.nat(),
    indirect: fc.boolean(),
    ints: fc.array(i32, { maxLength: 3 }),
    floats: fc.array(f64, { maxLength: 3 }),
  });
}

type Tie = fc.LetrecTypedTie<Arbs>;

/** A small function's statements: raising, allocating, storing, or a local. */
function smallStatement(i32: fc.Arbitrary<Expr>, f64: fc.Arbitrary<Expr>): fc.Arbitrary<Stmt> {
  return fc.oneof(
    fc.record({ k: fc.constant('raise' as const), c: rareCondition(i32), payload: i32 }),
    fc.constant<Stmt>({ k: 'newStruct' }),
    fc.record({ k: fc.constant('setField' as const), obj: fc.nat(3), field: fc.constant('i' as const), e: i32 }),
    fc.record({ k: fc.constant('let' as const), t: fc.constant('f64' as const), e: f64 }),
    fc.record({ k: fc.constant('gset' as const), t: fc.constant('i32' as const), e: i32 }),
  );
}

const INT_COMPARES = ['eq', 'ne', 'slt', 'sle', 'sgt', 'sge', 'ult', 'ule', 'ugt', 'uge'].map((c) => `icmp.${c}`);

/** Conditions of the shapes instruction selection fuses into branches and selects: a
 *  compare with a constant on either side, and a mask test (`(e & k) == 0`, or `e & k`). */
function fusableCondition(i32: fc.Arbitrary<Expr>, ref: fc.Arbitrary<RefExpr>): fc.Arbitrary<Expr> {
  const k = fc.record({ k: fc.constant('int' as const), v: intConstant });
  const compare = fc
    .tuple(fc.constantFrom(...INT_COMPARES), i32, k, fc.boolean())
    .map(([op, e, c, left]): Expr => ({ k: 'op', op, args: left ? [c, e] : [e, c] }));
  const mask = fc
    .tuple(i32, fc.constantFrom(1, 3, 7, 255, 0x80000000 | 0, -4), fc.constantFrom('icmp.eq', 'icmp.ne', 'none'))
    .map(([e, m, op]): Expr => {
      const masked: Expr = { k: 'op', op: 'iand', args: [e, { k: 'int', v: m }] };
      return op === 'none' ? masked : { k: 'op', op, args: [masked, { k: 'int', v: 0 }] };
    });
  return fc.oneof(compare, mask, fc.record({ k: fc.constant('isptr' as const), r: ref }));
}

/** `icmp.eq e, k` with a small k: a condition that is sometimes true, not almost always. */
function rareCondition(i32: fc.Arbitrary<Expr>): fc.Arbitrary<Expr> {
  return fc
    .tuple(i32, fc.integer({ min: 0, max: 3 }))
    .map(([e, k]): Expr => ({ k: 'op', op: 'icmp.eq', args: [e, { k: 'int', v: k }] }));
}

function statement(tie: Tie, sizes: RecipeSizes, index: fc.Arbitrary<number>): fc.Arbitrary<Stmt> {
  const i32 = tie('i32');
  const f64 = tie('f64');
  const typed = <K extends 'let' | 'print' | 'gset'>(k: K) =>
    fc.oneof(
      fc.record({ k: fc.constant(k), t: fc.constant('i32' as const), e: i32 }),
      fc.record({ k: fc.constant(k), t: fc.constant('f64' as const), e: f64 }),
    );
  return fc.oneof(
    { depthSize: 'small', maxDepth: sizes.stmtDepth, depthIdentifier: 'stmt', withCrossShrink: true },
    { arbitrary: typed('let'), weight: 6 },
    {
      arbitrary: fc.oneof(
        fc.record({ k: fc.constant('assign'), t: fc.constant('i32' as const), n: index, e: i32 }),
        fc.record({ k: fc.constant('assign'), t: fc.constant('f64' as const), n: index, e: f64 }),
      ),
      weight: 4,
    },
    { arbitrary: typed('print'), weight: 3 },
    typed('gset'),
    fc.record({ k: fc.constant('gsetRef'), r: tie('ref') }),
    { arbitrary: fc.record({ k: fc.constant('if'), c: i32, then: tie('block'), else: tie('block') }), weight: 2 },
    {
      arbitrary: fc.record({
        k: fc.constant('if'),
        c: fusableCondition(i32, tie('ref')),
        then: tie('block'),
        else: tie('block'),
      }),
      weight: 2,
    },
    {
      arbitrary: fc.record({
        k: fc.constant('loop'),
        bound: fc.integer({ min: 0, max: sizes.maxLoopBound }),
        dyn: fc.option(i32, { nil: null }),
        body: tie('block'),
      }),
      weight: 3,
    },
    {
      // A counted loop around a call: the shape that makes a callee worth inlining.
      arbitrary: fc.record({
        k: fc.constant('loop'),
        bound: fc.integer({ min: 1, max: sizes.maxLoopBound }),
        dyn: fc.constant(null),
        body: tie('call').map((e): Stmt[] => [{ k: 'print', t: 'i32', e }]),
      }),
      weight: 2,
    },
    fc.record({
      k: fc.constant('switch'),
      e: i32,
      cases: fc.array(fc.record({ v: fc.integer({ min: -1, max: 4 }), body: tie('block') }), { maxLength: 3 }),
      dflt: tie('block'),
    }),
    { arbitrary: fc.constant<Stmt>({ k: 'newStruct' }), weight: 2 },
    { arbitrary: fc.record({ k: fc.constant('link' as const), obj: index, e: i32 }), weight: 2 },
    {
      arbitrary: fc.record({ k: fc.constant('newArray'), elem: fc.constantFrom('i32', 'f64', 'ref', 'i8'), len: i32 }),
      weight: 2,
    },
    fc.oneof(
      fc.record({ k: fc.constant('setField'), obj: index, field: fc.constantFrom('i' as const, 'b' as const), e: i32 }),
      fc.record({ k: fc.constant('setField'), obj: index, field: fc.constant('f' as const), e: f64 }),
      fc.record({ k: fc.constant('setRef'), obj: index, r: tie('ref') }),
    ),
    fc.oneof(
      fc.record({
        k: fc.constant('aset'),
        elem: fc.constantFrom('i32' as const, 'i8' as const),
        arr: index,
        idx: i32,
        e: i32,
      }),
      fc.record({ k: fc.constant('aset'), elem: fc.constant('f64' as const), arr: index, idx: i32, e: f64 }),
      fc.record({ k: fc.constant('asetRef'), arr: index, idx: i32, r: tie('ref') }),
    ),
    { arbitrary: fc.record({ k: fc.constant('raise'), c: rareCondition(i32), payload: i32 }), weight: 1 },
    fc.oneof(
      fc.record({ k: fc.constant('kset'), field: fc.constantFrom('i' as const, 'b' as const), e: i32 }),
      fc.record({ k: fc.constant('kset'), field: fc.constant('f' as const), e: f64 }),
      fc.record({ k: fc.constant('ksetRef'), r: tie('ref') }),
    ),
    {
      arbitrary: fc.record({
        k: fc.constant('trap'),
        c: rareCondition(i32),
        kind: fc.constantFrom(
          'unreachable',
          'bad_pointer',
          'index_out_of_bounds',
          'div_by_zero',
          'bad_function',
          'out_of_memory',
        ),
      }),
      weight: 1,
    },
  );
}
