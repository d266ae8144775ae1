import type { Expr } from '../syntax/ast.ts';
import { builtinIndex } from '../hosts/index.ts';
import { exceptionClassRef, FALSE, TRUE } from '../runtime/tags.ts';
import { expr } from './expressions.ts';
import { callValue, choose } from './objects.ts';
import { GUEST_PICK, GUEST_SORT, LAZY } from './prelude.ts';
import { callBuiltin } from './builtin-calls.ts';
import type { FunctionCompiler } from './function-compiler.ts';

/** Builtins whose keyword arguments the compiler handles. */
export const KEYWORD_BUILTINS = new Set(['print', 'sorted', 'min', 'max']);
const ALLOWED: Record<string, string[]> = {
  sorted: ['key', 'reverse'],
  min: ['key', 'default'],
  max: ['key', 'default'],
};

type Call = Expr & { kind: 'call' };

/**
 * Builtins that call guest functions (`sorted`/`min`/`max` with `key`, `map`, `filter`)
 * run as compiled loops here: the key or mapped function is called from compiled code, and
 * host functions only sort or pick by the keys so computed (they never call guest code).
 * Returns null for calls the ordinary builtin path handles.
 */
export function higherOrderCall(fc: FunctionCompiler, e: Call, id: string): number | null {
  const kw = (name: string): Expr | undefined => e.keywords.find((k) => k.name === name)?.value;
  const plain = e.keywords.length === 0;
  switch (id) {
    case 'sorted': {
      if ((plain && !guestOrders(fc)) || e.args.length !== 1) return null;
      const items = toList(fc, expr(fc, e.args[0]!), e);
      const { key, reverse } = keyAndReverse(fc, e, 'sorted');
      return sortKeyed(fc, items, keysOf(fc, key, items, e), reverse, false);
    }
    case 'min':
    case 'max': {
      if (plain && !guestOrders(fc)) return null;
      const args = e.args.map((a) => expr(fc, a));
      badKeywords(fc, e, id);
      const keyFn = kw('key') ? expr(fc, kw('key')!) : null;
      const dflt = kw('default') ? expr(fc, kw('default')!) : fc.b.emit('rnull', []);
      fc.line = e.line;
      if (args.length === 0) callBuiltin(fc, id, fc.tuple([]));
      const items = args.length === 1 ? toList(fc, args[0]!, e) : fc.call('py.make_list', [fc.tuple(args)]);
      if (args.length > 1 && kw('default'))
        raise(fc, 'TypeError', `Cannot specify a default for ${id}() with multiple positional arguments`);
      const keys = keysOf(fc, keyFn, items, e);
      const isMax = id === 'max';
      const host = (): number => fc.call('py.pick_keyed', [items, keys, fc.b.iconst(isMax ? 1 : 0), dflt]);
      if (!guestOrders(fc)) return host();
      return choose(
        fc,
        fc.pure('py.needs_guest_order', [keys]),
        () => fc.call(`f.${GUEST_PICK}`, [items, keys, fc.imm(isMax ? TRUE : FALSE)]),
        host,
      );
    }
    case 'map': {
      if (!plain || e.args.length < 2)
        return raise(
          fc,
          'TypeError',
          plain ? 'map() must have at least two arguments.' : 'map() takes no keyword arguments',
        );
      const fn = expr(fc, e.args[0]!);
      const iterables = e.args.slice(1).map((a) => expr(fc, a));
      fc.line = e.line;
      return lazyOr(
        fc,
        'map',
        iterables,
        (its) => [fn, fc.tuple(its)],
        () => {
          const rows =
            iterables.length === 1
              ? toList(fc, iterables[0]!, e)
              : toList(fc, callBuiltin(fc, 'zip', fc.tuple(iterables)), e);
          return fc.call('py.iter', [mapLoop(fc, fn, rows, iterables.length > 1, false)]);
        },
      );
    }
    case 'zip': {
      if (!plain || !hasLazyPrelude(fc)) return null;
      const iterables = e.args.map((a) => expr(fc, a));
      fc.line = e.line;
      const args = fc.tuple(iterables);
      return lazyOr(
        fc,
        'zip',
        iterables,
        (its) => [fc.tuple(its)],
        () => callBuiltin(fc, 'zip', args),
      );
    }
    case 'enumerate': {
      if (!plain || !hasLazyPrelude(fc) || e.args.length < 1 || e.args.length > 2) return null;
      const args = e.args.map((a) => expr(fc, a));
      fc.line = e.line;
      const start = args[1] ?? fc.smallInt(0);
      // CPython checks start before iterating: the host does, with the start it is given.
      const plainCall = (): number => callBuiltin(fc, 'enumerate', fc.tuple(args));
      return lazyOr(fc, 'enumerate', [args[0]!], (its) => [its[0]!, start], plainCall, start);
    }
    case 'any':
    case 'all':
      if (!plain || e.args.length !== 1) return null;
      return anyAll(fc, expr(fc, e.args[0]!), id === 'any', e);
    case 'filter': {
      if (!plain || e.args.length !== 2)
        return raise(
          fc,
          'TypeError',
          plain ? `filter expected 2 arguments, got ${e.args.length}` : 'filter() takes no keyword arguments',
        );
      const fn = expr(fc, e.args[0]!);
      const iterable = expr(fc, e.args[1]!);
      fc.line = e.line;
      return lazyOr(
        fc,
        'filter',
        [iterable],
        (its) => [fn, its[0]!],
        () => fc.call('py.iter', [mapLoop(fc, fn, toList(fc, iterable, e), false, true)]),
      );
    }
  }
  return null;
}

/** `list.sort(key=..., reverse=...)`; the receiver's type is checked by the host. */
export function sortMethod(fc: FunctionCompiler, e: Call, self: number, args: number[]): number {
  if (args.length > 0) raise(fc, 'TypeError', 'sort() takes no positional arguments');
  const { key, reverse } = keyAndReverse(fc, e, 'sort');
  return sortKeyed(fc, self, keysOf(fc, key, self, e), reverse, true);
}

/** Whether the program has the prelude's sort and pick (it defines classes). */
export function guestOrders(fc: FunctionCompiler): boolean {
  return fc.info.directDefs.has(GUEST_SORT);
}

/**
 * Sorts `items` by `keys`: in the host, unless a key is an instance of a class that defines
 * comparison methods: then by the prelude's merge sort, whose `<` calls them.
 */
function sortKeyed(fc: FunctionCompiler, items: number, keys: number, reverse: number, inPlace: boolean): number {
  const host = (): number => fc.call('py.sort_keyed', [items, keys, reverse, fc.b.iconst(inPlace ? 1 : 0)]);
  if (!guestOrders(fc)) return host();
  return choose(
    fc,
    fc.pure('py.needs_guest_order', [keys]),
    () => fc.call(`f.${GUEST_SORT}`, [keys, items, reverse, fc.imm(inPlace ? TRUE : FALSE)]),
    host,
  );
}

function keyAndReverse(fc: FunctionCompiler, e: Call, name: string): { key: number | null; reverse: number } {
  badKeywords(fc, e, name === 'sort' ? 'sorted' : name);
  const k = e.keywords.find((x) => x.name === 'key')?.value;
  const r = e.keywords.find((x) => x.name === 'reverse')?.value;
  const key = k ? expr(fc, k) : null;
  const reverse = r ? expr(fc, r) : fc.imm(FALSE);
  fc.line = e.line;
  return { key, reverse };
}

function badKeywords(fc: FunctionCompiler, e: Call, name: string): void {
  const bad = e.keywords.find((k) => !ALLOWED[name]!.includes(k.name));
  if (bad) {
    const fname = name === 'sorted' && e.func.kind === 'attr' ? 'sort' : name;
    raise(fc, 'TypeError', `'${bad.name}' is an invalid keyword argument for ${fname}()`);
  }
}

function raise(fc: FunctionCompiler, cls: string, message: string): number {
  fc.call('py.raise_error', [fc.b.iconst(exceptionClassRef(cls)), fc.str(message)], null);
  fc.b.emit('unreachable');
  fc.enterDead();
  return fc.none();
}

/** A fresh list of an iterable's items. */
function toList(fc: FunctionCompiler, iterable: number, e: Call): number {
  fc.line = e.line;
  return callBuiltin(fc, 'list', fc.tuple([iterable]));
}

/** The sort keys: the items themselves, or `key(item)` for each (None as key means none). */
function keysOf(fc: FunctionCompiler, key: number | null, items: number, e: Call): number {
  if (key === null) return items;
  const isNone = fc.b.emit('icmp.eq', [fc.b.emit('ref.bits', [key]), fc.b.iconst(2)]);
  const join = fc.newBlock('keys', ['ref']);
  const none = fc.newBlock('keys.none');
  const call = fc.newBlock('keys.call');
  fc.branch(isNone, none, call);
  fc.enter(none);
  fc.jump(join, [items]);
  fc.enter(call);
  fc.line = e.line;
  fc.jump(join, [mapLoop(fc, key, items, false, false)]);
  fc.enter(join);
  return join.params[0]!;
}

/**
 * A compiled loop over list `items` calling `fn` on each: collects the results, or (filter)
 * the items whose result is true (`fn` None: the true items). `spread`: each item is the
 * argument tuple itself (map over several iterables).
 */
function mapLoop(fc: FunctionCompiler, fn: number, items: number, spread: boolean, filter: boolean): number {
  const out = fc.call('py.make_list', [fc.tuple([])]);
  const it = fc.call('py.iter', [items]);
  const head = fc.newBlock('map');
  const body = fc.newBlock('map.body');
  const exit = fc.newBlock('map.end');
  fc.jump(head);
  fc.enter(head, false);
  const item = fc.call('py.next', [it]);
  fc.branch(fc.isNull(item), exit, body);
  fc.enter(body);
  let result: number;
  if (filter) {
    const isNone = fc.b.emit('icmp.eq', [fc.b.emit('ref.bits', [fn]), fc.b.iconst(2)]);
    const join = fc.newBlock('filter.test', ['ref']);
    const none = fc.newBlock('filter.none');
    const call = fc.newBlock('filter.call');
    fc.branch(isNone, none, call);
    fc.enter(none);
    fc.jump(join, [item]);
    fc.enter(call);
    fc.jump(join, [callValue(fc, fn, fc.tuple([item]), fc.b.iconst(1))]);
    fc.enter(join);
    result = join.params[0]!;
    const keep = fc.newBlock('filter.keep');
    const skip = fc.newBlock('filter.skip');
    fc.branch(fc.truth(result), keep, skip);
    fc.enter(keep);
    fc.call('py.append', [out, item]);
    fc.jump(skip);
    fc.enter(skip);
  } else {
    const args = spread ? item : fc.tuple([item]);
    const nargs = spread ? fc.b.emit('alen', [args]) : fc.b.iconst(1);
    fc.call('py.append', [out, callValue(fc, fn, args, nargs)]);
  }
  fc.jump(head);
  fc.vars.seal(head);
  fc.enter(exit);
  return out;
}

/** `any(xs)` / `all(xs)` as a loop that stops at the first deciding item, as CPython's do
 *  (a generator is consumed only that far). */
function anyAll(fc: FunctionCompiler, iterable: number, isAny: boolean, e: Call): number {
  fc.line = e.line;
  const it = fc.call('py.iter', [iterable]);
  const head = fc.newBlock('any');
  const body = fc.newBlock('any.item');
  const found = fc.newBlock('any.found');
  const empty = fc.newBlock('any.exhausted');
  const exit = fc.newBlock('any.end', ['ref']);
  fc.jump(head);
  fc.enter(head, false);
  const item = fc.call('py.next', [it]);
  fc.branch(fc.isNull(item), empty, body);
  fc.enter(body);
  const t = fc.truth(item);
  if (isAny) fc.branch(t, found, head);
  else fc.branch(t, head, found);
  fc.vars.seal(head);
  fc.enter(found);
  fc.jump(exit, [fc.imm(isAny ? TRUE : FALSE)]);
  fc.enter(empty);
  fc.jump(exit, [fc.imm(isAny ? FALSE : TRUE)]);
  fc.enter(exit);
  return exit.params[0]!;
}

/** Whether the program has the prelude's lazy zip/enumerate/map/filter (prelude.ts). */
function hasLazyPrelude(fc: FunctionCompiler): boolean {
  return fc.info.directDefs.has(LAZY.zip);
}

/**
 * `eager()`, unless one of `iterables` is a generator or an instance iterator (perhaps
 * infinite) and the program has the lazy prelude: then the prelude's generator `id` called
 * with `args(iterators)` (a vararg's tuple last), the iterators made first, as CPython's
 * builtins do. `start`: enumerate's, which must be an int.
 */
function lazyOr(
  fc: FunctionCompiler,
  id: keyof typeof LAZY,
  iterables: number[],
  args: (iterators: number[]) => number[],
  eager: () => number,
  start?: number,
): number {
  if (!hasLazyPrelude(fc) || iterables.length === 0) return eager();
  const lazy = iterables.map((v) => fc.pure('py.is_lazy_iterable', [v])).reduce((a, b) => fc.b.emit('ior', [a, b]));
  return choose(
    fc,
    lazy,
    () => {
      const its = iterables.map((v) => fc.call('py.iter', [v]));
      if (start !== undefined) fc.call('py.check_index', [start], null);
      return fc.call(`f.${LAZY[id]}`, args(its));
    },
    eager,
  );
}
