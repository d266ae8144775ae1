/**
 * The recipe language: a small AST for random programs that is well-formed by
 * construction. fast-check generates and shrinks recipes; `lowerRecipe` turns one into
 * an IR module.
 *
 * Every reference is resolved modulo what is in scope when the recipe is lowered
 * (`n` of a variable picks among the variables of that type, `fn` of a call among the
 * earlier functions), and falls back to a constant when nothing fits. So any recipe —
 * in particular any shrunk one — lowers to a valid module: removing a statement cannot
 * leave a dangling reference.
 *
 * Programs are well-defined and terminate: loops are counted with static bounds, calls
 * go only to earlier functions, divisors are guarded, indices are reduced modulo the
 * array length, and the only objects dereferenced are ones the program allocated. The
 * deliberate exceptions are `trap` statements, `div` with guard 'none', and `raise`,
 * whose trap kinds the conformance checks compare.
 */

export type NumType = 'i32' | 'f64';

/** Element kinds of the recipe's array types. */
export type ElemKind = 'i32' | 'f64' | 'ref' | 'i8';

/** The one struct type's fields; the value type follows the field. */
export type StructField = 'i' | 'f' | 'r' | 'b';

export type Expr =
  | { k: 'int'; v: number }
  | { k: 'float'; v: number }
  /** The `n`-th (mod count) mutable variable of type `t`. */
  | { k: 'var'; t: NumType; n: number }
  /** A pure op of the opcode table; `args` match its operand types. */
  | { k: 'op'; op: string; args: Expr[] }
  | { k: 'select'; t: NumType; c: Expr; a: Expr; b: Expr }
  /** Integer division; 'or1' and 'select' force the divisor non-zero, 'none' may trap. */
  | { k: 'div'; op: string; a: Expr; b: Expr; guard: 'or1' | 'select' | 'none' }
  /** Overflow-checked op: its value, or `fallback` on overflow. */
  | { k: 'ovf'; op: string; a: Expr; b: Expr; fallback: Expr }
  /** A call to an earlier function, its result converted to `t`. Arguments are taken in
   *  order from `ints` / `floats` by parameter type (0 when they run out). With `caught`
   *  an exception yields its payload instead. */
  | { k: 'call'; t: NumType; fn: number; ints: Expr[]; floats: Expr[]; caught: boolean; indirect: boolean }
  | { k: 'gget'; t: NumType }
  | { k: 'field'; obj: number; field: 'i' | 'f' | 'b' }
  | { k: 'elem'; elem: 'i32' | 'f64' | 'i8'; arr: number; idx: Expr }
  | { k: 'alen'; elem: ElemKind; arr: number }
  /** An i32 observation of a ref that does not depend on addresses. */
  | { k: 'refobs'; r: RefExpr }
  /** 1 when the ref is a heap pointer, else 0 (`ref.is_ptr`). */
  | { k: 'isptr'; r: RefExpr }
  /** The runtime type id of an allocated object (0 when none is in scope). */
  | { k: 'typeid'; n: number }
  /** A field of the immortal const struct, or an element of the const array. In a raw
   *  recipe the field is read with a raw load (`load.i32`, `load.f64`, `load.i8`). */
  | { k: 'kfield'; field: 'i' | 'f' | 'b' }
  | { k: 'kelem'; idx: Expr };

export type RefExpr =
  | { k: 'null' }
  /** A small-integer immediate (low bit 1) holding the i32 value. */
  | { k: 'imm'; e: Expr }
  /** The `n`-th (mod count) object the program allocated and still has in scope. */
  | { k: 'obj'; n: number }
  | { k: 'rfield'; obj: number }
  | { k: 'relem'; arr: number; idx: Expr }
  | { k: 'rglobal' }
  /** The address of an immortal const: the struct, or the array its ref field names. */
  | { k: 'konst'; array: boolean }
  /** The const struct's ref field (`load.ref` in a raw recipe). */
  | { k: 'kref' };

export type TrapKind =
  | 'unreachable'
  | 'bad_pointer'
  | 'index_out_of_bounds'
  | 'div_by_zero'
  | 'bad_function'
  | 'out_of_memory';

export type Stmt =
  | { k: 'let'; t: NumType; e: Expr }
  | { k: 'assign'; t: NumType; n: number; e: Expr }
  | { k: 'print'; t: NumType; e: Expr }
  | { k: 'gset'; t: NumType; e: Expr }
  | { k: 'gsetRef'; r: RefExpr }
  | { k: 'if'; c: Expr; then: Stmt[]; else: Stmt[] }
  /** Runs `body` `bound` times, or `dyn mod (bound + 1)` times; the counter is readable
   *  as a fresh i32 variable. */
  | { k: 'loop'; bound: number; dyn: Expr | null; body: Stmt[] }
  | { k: 'switch'; e: Expr; cases: { v: number; body: Stmt[] }[]; dflt: Stmt[] }
  | { k: 'newStruct' }
  /** A new array of `1 + len mod 4` elements. */
  | { k: 'newArray'; elem: ElemKind; len: Expr }
  | { k: 'setField'; obj: number; field: 'i' | 'f' | 'b'; e: Expr }
  | { k: 'setRef'; obj: number; r: RefExpr }
  /** Links a new struct (its `i` field set to `e`) into the `r` field of the `obj`-th
   *  struct in scope, then allocates once more. A collection between the two allocations
   *  makes the store old-to-young, which a generational collector's barrier must remember:
   *  the new struct is reachable only through the older one. */
  | { k: 'link'; obj: number; e: Expr }
  | { k: 'aset'; elem: 'i32' | 'f64' | 'i8'; arr: number; idx: Expr; e: Expr }
  | { k: 'asetRef'; arr: number; idx: Expr; r: RefExpr }
  /** Raises an immediate carrying `payload` when `c` is non-zero. */
  | { k: 'raise'; c: Expr; payload: Expr }
  /** Traps with `kind` when `c` is non-zero. */
  | { k: 'trap'; c: Expr; kind: TrapKind }
  /** Stores into a field of the const struct with a raw store (`store.i32`, `store.f64`,
   *  `store.i8`, `store.ref`): only a raw recipe does; elsewhere the statement is empty. */
  | { k: 'kset'; field: 'i' | 'f' | 'b'; e: Expr }
  | { k: 'ksetRef'; r: RefExpr };

export interface TailCall {
  fn: number;
  /** Through the function table (`fref` + `tail_call_indirect`). */
  indirect: boolean;
  ints: Expr[];
  floats: Expr[];
}

export interface FnRecipe {
  params: NumType[];
  result: NumType;
  body: Stmt[];
  ret: Expr;
  /** Ends with a tail call to an earlier function of the same result type, when there is one. */
  tail: TailCall | null;
}

/** Functions in call order; the last is the entry, called with `args` (by type, in order).
 *  A `raw` recipe is lowered to a module in GC-lowered form, the only place raw memory
 *  operations may appear: it allocates nothing (its allocations are left out, so what uses
 *  an object falls back to a constant) and reads and writes the const struct with raw
 *  loads and stores. Lowered modules run as they are on every backend and collector. */
export interface Recipe {
  raw?: boolean;
  funcs: FnRecipe[];
  args: { ints: number[]; floats: number[] };
}

export const ENTRY_PREFIX = 'fn';

export function funcName(index: number): string {
  return `${ENTRY_PREFIX}${index}`;
}

export function entryName(r: Recipe): string {
  return funcName(r.funcs.length - 1);
}

/** The entry's arguments, taken from `args` by parameter type like a call's. */
export function entryArguments(r: Recipe): number[] {
  const entry = r.funcs[r.funcs.length - 1];
  if (!entry) return [];
  let i = 0,
    f = 0;
  return entry.params.map((t) => (t === 'i32' ? (r.args.ints[i++] ?? 0) | 0 : (r.args.floats[f++] ?? 0)));
}
