import { FuncBuilder } from '#framework';
import { Module } from '#framework';
import { callArguments, callForm, lowerExpr } from './lower-expr.ts';
import { earlierFunction, type LowerContext } from './lower-context.ts';
import { lowerStmts } from './lower-stmt.ts';
import { declareRecipeBasics } from './recipe-decls.ts';
import { funcName, type FnRecipe, type Recipe } from './recipe.ts';
import { Scope } from './scope.ts';

/** Lowers a recipe to a fresh module; the same recipe always gives the same module. */
export function lowerRecipe(recipe: Recipe): Module {
  const m = new Module();
  declareRecipeBasics(m);
  m.lowered = recipe.raw === true;
  recipe.funcs.forEach((fn, fnIndex) => lowerFunction(m, recipe, fn, fnIndex));
  return m;
}

function lowerFunction(m: Module, recipe: Recipe, fn: FnRecipe, fnIndex: number): void {
  const b = new FuncBuilder(m, funcName(fnIndex), { params: [...fn.params], result: fn.result });
  const scope = new Scope();
  b.params.forEach((p, i) => scope.vars(fn.params[i]!).push(p));
  const ctx: LowerContext = { b, recipe, fnIndex, scope };
  lowerStmts(ctx, fn.body);
  const tail = fn.tail && earlierFunction(ctx, fn.tail.fn, (g) => g.result === fn.result);
  if (fn.tail && tail) {
    const args = callArguments(ctx, tail.recipe, fn.tail.ints, fn.tail.floats);
    const call = callForm(ctx, 'tail_call', tail.name, tail.recipe, args, fn.tail.indirect);
    b.emit(call.op, call.operands, call.extras);
  } else {
    b.ret(lowerExpr(ctx, fn.ret, fn.result));
  }
}
