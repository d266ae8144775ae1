import type { InstExtras } from '#framework';
import { opcode } from '#framework';
import type { ValType } from '#framework';
import { arrayType, CONST_ARRAY, CONST_STRUCT, globalName, REF_GLOBAL, STRUCT_TYPE } from './recipe-decls.ts';
import { convert, earlierFunction, zero, type LowerContext } from './lower-context.ts';
import type { Expr, FnRecipe, NumType, RefExpr } from './recipe.ts';
import { constFieldAddress } from './raw-memory.ts';
import { pick } from './scope.ts';

/** Lowers an expression to a value of type `t` (converting its natural type if needed). */
export function lowerExpr(ctx: LowerContext, e: Expr, t: NumType): number {
  return convert(ctx, lowerNatural(ctx, e), t);
}

function lowerNatural(ctx: LowerContext, e: Expr): number {
  const b = ctx.b;
  switch (e.k) {
    case 'int':
      return b.iconst(e.v);
    case 'float':
      return b.fconst(e.v);
    case 'var':
      return pick(ctx.scope.vars(e.t), e.n) ?? zero(ctx, e.t);
    case 'op': {
      const def = opcode(e.op);
      const args = def.operands.map((t, i) => lowerExpr(ctx, e.args[i] ?? { k: 'int', v: 0 }, asNum(t)));
      return b.emit(e.op, args);
    }
    case 'select': {
      const c = lowerExpr(ctx, e.c, 'i32');
      const x = lowerExpr(ctx, e.a, e.t);
      const y = lowerExpr(ctx, e.b, e.t);
      return b.emit('select', [c, x, y]);
    }
    case 'div':
      return lowerDivision(ctx, e);
    case 'ovf':
      return lowerChecked(ctx, e);
    case 'call':
      return lowerCall(ctx, e);
    case 'gget':
      return b.emit('gget', [], { sym: globalName(e.t) });
    case 'field': {
      const obj = pick(ctx.scope.structs, e.obj);
      return obj === undefined
        ? zero(ctx, e.field === 'f' ? 'f64' : 'i32')
        : b.emit('get', [obj], { sym: STRUCT_TYPE, field: e.field });
    }
    case 'elem': {
      const arr = pick(ctx.scope.arrays[e.elem], e.arr);
      if (arr === undefined) return zero(ctx, e.elem === 'f64' ? 'f64' : 'i32');
      return b.emit('aget', [arr, inBounds(ctx, arr, e.idx)], { sym: arrayType(e.elem) });
    }
    case 'alen': {
      const arr = pick(ctx.scope.arrays[e.elem], e.arr);
      return arr === undefined ? b.iconst(0) : b.emit('alen', [arr]);
    }
    case 'typeid': {
      const obj = pick(ctx.scope.objects, e.n);
      return obj === undefined ? b.iconst(0) : b.emit('ref.type_id', [obj]);
    }
    case 'kfield': {
      if (!ctx.recipe.raw)
        return b.emit('get', [b.emit('gaddr', [], { sym: CONST_STRUCT })], { sym: STRUCT_TYPE, field: e.field });
      const { address, offset, kind } = constFieldAddress(ctx, e.field);
      return b.emit(`load.${kind}`, [address], { imm: offset });
    }
    case 'kelem': {
      const arr = b.emit('gaddr', [], { sym: CONST_ARRAY });
      return b.emit('aget', [arr, inBounds(ctx, arr, e.idx)], { sym: arrayType('i32') });
    }
    case 'isptr':
      return b.emit('ref.is_ptr', [lowerRef(ctx, e.r)]);
    case 'refobs': {
      // Pointers read as -1 so that no address (which differs between collectors) shows.
      const r = lowerRef(ctx, e.r);
      return b.emit('select', [b.emit('ref.is_ptr', [r]), b.iconst(-1), b.emit('ref.bits', [r])]);
    }
  }
}

function asNum(t: ValType | 'any'): NumType {
  if (t === 'i32' || t === 'f64') return t;
  throw new Error(`recipe lowering: operand type ${t} is not a number type`);
}

/** `idx mod length` of a non-empty array: always a valid index. */
export function inBounds(ctx: LowerContext, arr: number, idx: Expr): number {
  const i = lowerExpr(ctx, idx, 'i32');
  return ctx.b.emit('urem', [i, ctx.b.emit('alen', [arr])]);
}

export function lowerRef(ctx: LowerContext, r: RefExpr): number {
  const b = ctx.b;
  switch (r.k) {
    case 'null':
      return b.emit('rnull');
    case 'imm':
      return smallInt(ctx, lowerExpr(ctx, r.e, 'i32'));
    case 'obj':
      return pick(ctx.scope.objects, r.n) ?? b.emit('rnull');
    case 'rfield': {
      const obj = pick(ctx.scope.structs, r.obj);
      return obj === undefined ? b.emit('rnull') : b.emit('get', [obj], { sym: STRUCT_TYPE, field: 'r' });
    }
    case 'relem': {
      const arr = pick(ctx.scope.arrays.ref, r.arr);
      return arr === undefined
        ? b.emit('rnull')
        : b.emit('aget', [arr, inBounds(ctx, arr, r.idx)], { sym: arrayType('ref') });
    }
    case 'rglobal':
      return b.emit('gget', [], { sym: REF_GLOBAL });
    case 'konst':
      return b.emit('gaddr', [], { sym: r.array ? CONST_ARRAY : CONST_STRUCT });
    case 'kref': {
      if (!ctx.recipe.raw)
        return b.emit('get', [b.emit('gaddr', [], { sym: CONST_STRUCT })], { sym: STRUCT_TYPE, field: 'r' });
      const { address, offset } = constFieldAddress(ctx, 'r');
      return b.emit('load.ref', [address], { imm: offset });
    }
  }
}

/** The small-integer immediate `v << 1 | 1`. */
export function smallInt(ctx: LowerContext, v: number): number {
  const b = ctx.b;
  return b.emit('ref.from_bits', [b.emit('ior', [b.emit('ishl', [v, b.iconst(1)]), b.iconst(1)])]);
}

function lowerDivision(ctx: LowerContext, e: Extract<Expr, { k: 'div' }>): number {
  const b = ctx.b;
  const x = lowerExpr(ctx, e.a, 'i32');
  const y = lowerExpr(ctx, e.b, 'i32');
  let d = y;
  if (e.guard === 'or1') d = b.emit('ior', [y, b.iconst(1)]);
  else if (e.guard === 'select') d = b.emit('select', [b.emit('icmp.eq', [y, b.iconst(0)]), b.iconst(1), y]);
  return b.emit(e.op, [x, d]);
}

function lowerChecked(ctx: LowerContext, e: Extract<Expr, { k: 'ovf' }>): number {
  const b = ctx.b;
  const x = lowerExpr(ctx, e.a, 'i32');
  const y = lowerExpr(ctx, e.b, 'i32');
  const ok = b.block('ok', ['i32']);
  const slow = b.block('ovf');
  const join = b.block('ovf_join', ['i32']);
  b.emitFused(e.op, [x, y], {}, (r) => ({ block: ok, args: [r] }), { block: slow, args: [] });
  b.switchTo(ok);
  b.br(join, [ok.params[0]!]);
  b.switchTo(slow);
  b.br(join, [lowerExpr(ctx, e.fallback, 'i32')]);
  b.switchTo(join);
  return join.params[0]!;
}

/** Arguments for `callee` taken by parameter type, in order, from the two lists. */
export function callArguments(
  ctx: LowerContext,
  callee: FnRecipe,
  ints: readonly Expr[],
  floats: readonly Expr[],
): number[] {
  let i = 0,
    f = 0;
  return callee.params.map((t) => {
    const e = t === 'i32' ? ints[i++] : floats[f++];
    return e ? lowerExpr(ctx, e, t) : zero(ctx, t);
  });
}

/** How a call names its callee: directly, or by table index with the callee's signature. */
export interface CallForm {
  op: string;
  operands: number[];
  extras: InstExtras;
}

export function callForm(
  ctx: LowerContext,
  direct: string,
  name: string,
  callee: FnRecipe,
  args: number[],
  indirect: boolean,
): CallForm {
  if (!indirect) return { op: direct, operands: args, extras: { sym: name } };
  const index = ctx.b.emit('fref', [], { sym: name });
  const sig = { params: [...callee.params], result: callee.result };
  return { op: `${direct}_indirect`, operands: [index, ...args], extras: { sig } };
}

function lowerCall(ctx: LowerContext, e: Extract<Expr, { k: 'call' }>): number {
  const b = ctx.b;
  const callee = earlierFunction(ctx, e.fn);
  if (!callee) return zero(ctx, e.t);
  const args = callArguments(ctx, callee.recipe, e.ints, e.floats);
  const call = callForm(ctx, 'call', callee.name, callee.recipe, args, e.indirect);
  if (!e.caught) return b.emit(call.op, call.operands, call.extras);
  const ok = b.block('returned', [callee.recipe.result]);
  const handler = b.block('caught', ['ref']);
  const join = b.block('call_join', [e.t]);
  b.emitFused(call.op, call.operands, call.extras, (r) => ({ block: ok, args: [r] }), { block: handler, args: [] });
  b.switchTo(ok);
  b.br(join, [convert(ctx, ok.params[0]!, e.t)]);
  b.switchTo(handler);
  // Every raised value is a small-integer immediate: its payload is the bits shifted down.
  const payload = b.emit('isar', [b.emit('ref.bits', [handler.params[0]!]), b.iconst(1)]);
  b.br(join, [convert(ctx, payload, e.t)]);
  b.switchTo(join);
  return join.params[0]!;
}
