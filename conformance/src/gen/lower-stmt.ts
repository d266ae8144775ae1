import type { Block } from '#framework';
import type { LowerContext } from './lower-context.ts';
import { inBounds, lowerExpr, lowerRef, smallInt } from './lower-expr.ts';
import { constFieldAddress } from './raw-memory.ts';
import {
  arrayType,
  CONST_ARRAY,
  CONST_ARRAY_VALUES,
  FOREIGN_SIGNATURE,
  globalName,
  printExtern,
  REF_GLOBAL,
  STRUCT_TYPE,
} from './recipe-decls.ts';
import type { ElemKind, Stmt } from './recipe.ts';
import { pick } from './scope.ts';

/** Lowers a statement list as a scope: what it declares is forgotten afterwards, while
 *  its assignments to outer variables persist. Control always falls through. */
export function lowerBlock(ctx: LowerContext, stmts: readonly Stmt[]): void {
  const mark = ctx.scope.mark();
  lowerStmts(ctx, stmts);
  ctx.scope.restore(mark);
}

/** Lowers statements in the current scope (a function body: its result may use them). */
export function lowerStmts(ctx: LowerContext, stmts: readonly Stmt[]): void {
  for (const s of stmts) lowerStmt(ctx, s);
}

function lowerStmt(ctx: LowerContext, s: Stmt): void {
  const { b, scope } = ctx;
  switch (s.k) {
    case 'let':
      scope.vars(s.t).push(lowerExpr(ctx, s.e, s.t));
      return;
    case 'assign': {
      const v = lowerExpr(ctx, s.e, s.t);
      const vars = scope.vars(s.t);
      if (vars.length > 0) vars[Math.abs(s.n) % vars.length] = v;
      return;
    }
    case 'print':
      b.call(printExtern(s.t), [lowerExpr(ctx, s.e, s.t)]);
      return;
    case 'gset':
      b.emit('gset', [lowerExpr(ctx, s.e, s.t)], { sym: globalName(s.t) });
      return;
    case 'gsetRef':
      // After GC lowering a ref global is stored with the collector's raw store and barrier.
      if (ctx.recipe.raw) return;
      b.emit('gset', [lowerRef(ctx, s.r)], { sym: REF_GLOBAL });
      return;
    case 'if':
      return lowerIf(ctx, s);
    case 'loop':
      return lowerLoop(ctx, s);
    case 'switch':
      return lowerSwitch(ctx, s);
    case 'newStruct': {
      if (ctx.recipe.raw) return;
      const obj = b.emit('new', [], { sym: STRUCT_TYPE });
      scope.structs.push(obj);
      scope.objects.push(obj);
      return;
    }
    case 'newArray': {
      if (ctx.recipe.raw) return;
      const len = b.emit('iadd', [b.emit('urem', [lowerExpr(ctx, s.len, 'i32'), b.iconst(4)]), b.iconst(1)]);
      addArray(ctx, s.elem, b.emit('new_array', [len], { sym: arrayType(s.elem) }));
      return;
    }
    case 'setField': {
      const obj = pick(scope.structs, s.obj);
      if (obj === undefined) return;
      const v = lowerExpr(ctx, s.e, s.field === 'f' ? 'f64' : 'i32');
      b.emit('set', [obj, v], { sym: STRUCT_TYPE, field: s.field });
      return;
    }
    case 'setRef': {
      const obj = pick(scope.structs, s.obj);
      if (obj === undefined) return;
      b.emit('set', [obj, lowerRef(ctx, s.r)], { sym: STRUCT_TYPE, field: 'r' });
      return;
    }
    case 'link': {
      if (ctx.recipe.raw) return;
      const holder = pick(scope.structs, s.obj);
      const young = b.emit('new', [], { sym: STRUCT_TYPE });
      b.emit('set', [young, lowerExpr(ctx, s.e, 'i32')], { sym: STRUCT_TYPE, field: 'i' });
      if (holder !== undefined) b.emit('set', [holder, young], { sym: STRUCT_TYPE, field: 'r' });
      const after = b.emit('new', [], { sym: STRUCT_TYPE });
      scope.structs.push(after);
      scope.objects.push(after);
      return;
    }
    case 'aset': {
      const arr = pick(scope.arrays[s.elem], s.arr) ?? freshArray(ctx, s.elem);
      if (arr === undefined) return;
      const i = inBounds(ctx, arr, s.idx);
      b.emit('aset', [arr, i, lowerExpr(ctx, s.e, s.elem === 'f64' ? 'f64' : 'i32')], { sym: arrayType(s.elem) });
      return;
    }
    case 'asetRef': {
      const arr = pick(scope.arrays.ref, s.arr) ?? freshArray(ctx, 'ref');
      if (arr === undefined) return;
      const i = inBounds(ctx, arr, s.idx);
      b.emit('aset', [arr, i, lowerRef(ctx, s.r)], { sym: arrayType('ref') });
      return;
    }
    case 'kset': {
      if (!ctx.recipe.raw) return;
      // The value first: an address taken before a call it makes would be live across it.
      const value = lowerExpr(ctx, s.e, s.field === 'f' ? 'f64' : 'i32');
      const { address, offset, kind } = constFieldAddress(ctx, s.field);
      b.emit(`store.${kind}`, [address, value], { imm: offset });
      return;
    }
    case 'ksetRef': {
      if (!ctx.recipe.raw) return;
      const value = lowerRef(ctx, s.r);
      const { address, offset } = constFieldAddress(ctx, 'r');
      b.emit('store.ref', [address, value], { imm: offset });
      return;
    }
    case 'raise': {
      const c = lowerExpr(ctx, s.c, 'i32');
      const payload = lowerExpr(ctx, s.payload, 'i32');
      const raising = b.block('raise');
      const cont = b.block('cont');
      b.brif(c, raising, [], cont, []);
      b.switchTo(raising);
      b.emit('raise', [smallInt(ctx, payload)]);
      b.switchTo(cont);
      return;
    }
    case 'trap':
      return lowerTrap(ctx, s);
  }
}

/** A join block taking the current mutable variables; they become its parameters. */
function joinBlock(ctx: LowerContext, name: string): Block {
  return ctx.b.block(name, ctx.scope.mutableTypes());
}

function enterJoin(ctx: LowerContext, join: Block): void {
  ctx.b.switchTo(join);
  ctx.scope.setMutableValues(join.params);
}

/** Lowers one arm in its own scope, then jumps to `join` with the variables' values. */
function lowerArm(ctx: LowerContext, arm: Block, stmts: readonly Stmt[], join: Block): void {
  const before = ctx.scope.mutableValues();
  ctx.b.switchTo(arm);
  lowerBlock(ctx, stmts);
  ctx.b.br(join, ctx.scope.mutableValues());
  ctx.scope.setMutableValues(before);
}

function lowerIf(ctx: LowerContext, s: Extract<Stmt, { k: 'if' }>): void {
  const b = ctx.b;
  const c = lowerExpr(ctx, s.c, 'i32');
  const yes = b.block('then');
  const no = b.block('else');
  const join = joinBlock(ctx, 'endif');
  b.brif(c, yes, [], no, []);
  lowerArm(ctx, yes, s.then, join);
  lowerArm(ctx, no, s.else, join);
  enterJoin(ctx, join);
}

function lowerSwitch(ctx: LowerContext, s: Extract<Stmt, { k: 'switch' }>): void {
  const b = ctx.b;
  const v = lowerExpr(ctx, s.e, 'i32');
  const join = joinBlock(ctx, 'endswitch');
  const dflt = b.block('default');
  const seen = new Set<number>();
  const arms = s.cases
    .filter((c) => !seen.has(c.v | 0) && seen.add(c.v | 0))
    .map((c) => ({ v: c.v | 0, block: b.block(`case`), body: c.body }));
  b.emit('switch', [v], {
    targets: [{ block: dflt, args: [] }, ...arms.map((a) => ({ block: a.block, args: [] }))],
    cases: arms.map((a) => a.v),
  });
  lowerArm(ctx, dflt, s.dflt, join);
  for (const a of arms) lowerArm(ctx, a.block, a.body, join);
  enterJoin(ctx, join);
}

function lowerLoop(ctx: LowerContext, s: Extract<Stmt, { k: 'loop' }>): void {
  const { b, scope } = ctx;
  const count = s.dyn ? b.emit('urem', [lowerExpr(ctx, s.dyn, 'i32'), b.iconst(s.bound + 1)]) : b.iconst(s.bound);
  const head = b.block('loop', ['i32', ...scope.mutableTypes()]);
  const body = b.block('body');
  const exit = joinBlock(ctx, 'endloop');
  b.br(head, [b.iconst(0), ...scope.mutableValues()]);
  b.switchTo(head);
  const [counter, ...vars] = head.params as [number, ...number[]];
  scope.setMutableValues(vars);
  b.brif(b.emit('icmp.slt', [counter, count]), body, [], exit, vars);
  b.switchTo(body);
  const mark = scope.mark();
  // The body sees a copy of the counter: assigning to it cannot change the trip count.
  scope.ints.push(counter);
  lowerBlock(ctx, s.body);
  scope.restore(mark);
  b.br(head, [b.emit('iadd', [counter, b.iconst(1)]), ...scope.mutableValues()]);
  enterJoin(ctx, exit);
}

function lowerTrap(ctx: LowerContext, s: Extract<Stmt, { k: 'trap' }>): void {
  const b = ctx.b;
  const c = lowerExpr(ctx, s.c, 'i32');
  const trapping = b.block(`trap_${s.kind}`);
  const cont = b.block('cont');
  b.brif(c, trapping, [], cont, []);
  b.switchTo(trapping);
  switch (s.kind) {
    case 'bad_pointer':
      b.emit('get', [b.emit('rnull')], { sym: STRUCT_TYPE, field: 'i' });
      break;
    case 'index_out_of_bounds': {
      // A raw recipe allocates nothing: it indexes the const array past its end.
      const arr = ctx.recipe.raw
        ? b.emit('gaddr', [], { sym: CONST_ARRAY })
        : b.emit('new_array', [b.iconst(1)], { sym: arrayType('i32') });
      b.emit('aget', [arr, b.iconst(CONST_ARRAY_VALUES.length)], { sym: arrayType('i32') });
      break;
    }
    case 'out_of_memory':
      // 0x7fffffff doubles, 16 GiB: more than any guest heap. A raw recipe allocates
      // nothing, so its trap is `unreachable` below.
      if (!ctx.recipe.raw) b.emit('new_array', [b.iconst(0x7fffffff)], { sym: arrayType('f64') });
      break;
    case 'div_by_zero':
      b.emit('sdiv', [c, b.iconst(0)]);
      break;
    case 'bad_function': {
      const self = b.emit('fref', [], { sym: b.func.name });
      const r = b.emit('rnull');
      b.emit('call_indirect', [self, r, r, r], { sig: FOREIGN_SIGNATURE });
      break;
    }
    case 'unreachable':
      break;
  }
  // Reached only if the op above failed to trap: then the kinds differ and the check fails.
  b.emit('unreachable');
  b.switchTo(cont);
}

function addArray(ctx: LowerContext, elem: ElemKind, arr: number): void {
  ctx.scope.arrays[elem].push(arr);
  ctx.scope.objects.push(arr);
}

/** An array for a store that found none of its kind in scope (not in raw recipes, which
 *  allocate nothing): without it, `aset` needs an earlier `newArray` of the same element
 *  kind, and some seeds' shares of the default run never stored into an array. */
function freshArray(ctx: LowerContext, elem: ElemKind): number | undefined {
  if (ctx.recipe.raw) return undefined;
  const arr = ctx.b.emit('new_array', [ctx.b.iconst(2)], { sym: arrayType(elem) });
  addArray(ctx, elem, arr);
  return arr;
}
