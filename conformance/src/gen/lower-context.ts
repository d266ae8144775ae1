import type { FuncBuilder } from '#framework';
import type { ValType } from '#framework';
import { funcName, type FnRecipe, type NumType, type Recipe } from './recipe.ts';
import type { Scope } from './scope.ts';

/** What lowering one function of a recipe works with. */
export interface LowerContext {
  b: FuncBuilder;
  recipe: Recipe;
  fnIndex: number;
  scope: Scope;
}

/** Converts between the number types (i2f / f2i); other pairs must already agree. */
export function convert(ctx: LowerContext, v: number, to: ValType): number {
  const from = ctx.b.func.typeOf(v);
  if (from === to) return v;
  if (from === 'i32' && to === 'f64') return ctx.b.emit('i2f', [v]);
  if (from === 'f64' && to === 'i32') return ctx.b.emit('f2i', [v]);
  throw new Error(`recipe lowering: cannot convert ${from} to ${to}`);
}

export function zero(ctx: LowerContext, t: NumType): number {
  return t === 'i32' ? ctx.b.iconst(0) : ctx.b.fconst(0);
}

/** An earlier function picked by `n` (among those accepted by `fits`), or undefined. */
export function earlierFunction(
  ctx: LowerContext,
  n: number,
  fits: (f: FnRecipe) => boolean = () => true,
): { name: string; recipe: FnRecipe } | undefined {
  const candidates: number[] = [];
  for (let i = 0; i < ctx.fnIndex; i++) if (fits(ctx.recipe.funcs[i]!)) candidates.push(i);
  if (candidates.length === 0) return undefined;
  const i = candidates[Math.abs(n) % candidates.length]!;
  return { name: funcName(i), recipe: ctx.recipe.funcs[i]! };
}
