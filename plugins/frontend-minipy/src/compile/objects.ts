import type { Expr, Stmt } from '../syntax/ast.ts';
import { typeId } from '../runtime/library.ts';
import { unsupported } from './context.ts';
import { callPlain, expr } from './expressions.ts';
import type { FunctionCompiler } from './function-compiler.ts';
import { makeFunction } from './functions.ts';
import { DEEP_REPR } from './prelude.ts';
import { guestOrders, sortMethod } from './higher-order.ts';
import { assign } from './statements.ts';
import { ITERATING_METHODS } from './builtin-calls.ts';

type Call = Expr & { kind: 'call' };

/** The built-in methods whose first argument is a dict key or set member. */
const KEY_METHODS = new Set(['add', 'discard', 'remove', 'get', 'pop', 'setdefault']);

export function isType(fc: FunctionCompiler, v: number, name: string): number {
  return isOneOf(fc, v, [name]);
}

/** 1 when `v` points to an object of one of the runtime types `names`: in line, one pointer
 *  test and one type-id load (calls of @py.is_ptr_of were 17% of fib.py's instructions). */
function isOneOf(fc: FunctionCompiler, v: number, names: string[]): number {
  const b = fc.b;
  const typed = fc.newBlock('type');
  const no = fc.newBlock('type.no');
  const join = fc.newBlock('type.done', ['i32']);
  fc.branch(b.emit('ref.is_ptr', [v]), typed, no);
  fc.enter(typed);
  const tid = b.emit('ref.type_id', [v]);
  const hits = names.map((n) => b.emit('icmp.eq', [tid, b.iconst(typeId(n))]));
  fc.jump(join, [hits.reduce((x, y) => b.emit('ior', [x, y]))]);
  fc.enter(no);
  fc.jump(join, [b.iconst(0)]);
  fc.enter(join);
  return join.params[0]!;
}

/** 1 when `v` is a class's instance (object or exception), a class, or an exception: the
 *  values whose attributes and methods the program defines. */
export function isUserValue(fc: FunctionCompiler, v: number): number {
  return isOneOf(fc, v, ['object', 'class', 'exc']);
}

/** Emits `then` or `otherwise` by `cond`, joining their ref results. */
export function choose(fc: FunctionCompiler, cond: number, then: () => number, otherwise: () => number): number {
  const join = fc.newBlock('join', ['ref']);
  const yes = fc.newBlock('yes');
  const no = fc.newBlock('no');
  fc.branch(cond, yes, no);
  fc.enter(yes);
  fc.jump(join, [then()]);
  fc.enter(no);
  fc.jump(join, [otherwise()]);
  fc.enter(join);
  return join.params[0]!;
}

function isNonNull(fc: FunctionCompiler, v: number): number {
  return fc.b.emit('ixor', [fc.isNull(v), fc.b.iconst(1)]);
}

/** Calls function value `fobj`; a class is instantiated (its `__init__` called from here). */
export function callValue(fc: FunctionCompiler, fobj: number, args: number, nargs: number): number {
  return choose(
    fc,
    isType(fc, fobj, 'class'),
    () => {
      const inst = fc.call('py.new_instance', [fobj, args]);
      const init = fc.call('py.find_dunder', [inst, fc.str('__init__')]);
      choose(
        fc,
        isNonNull(fc, init),
        () => {
          const full = fc.call('py.prepend', [inst, args]);
          return callPlain(fc, init, full, fc.b.emit('alen', [full]));
        },
        () => fc.call('py.no_init_args', [fobj, args]),
      );
      return inst;
    },
    () => callPlain(fc, fobj, args, nargs),
  );
}

/** A call with keyword arguments of function value `fobj` (a class: of its `__init__`). */
export function callWithKeywords(
  fc: FunctionCompiler,
  fobj: number,
  args: number,
  names: number,
  values: number,
): number {
  return choose(
    fc,
    isType(fc, fobj, 'class'),
    () => {
      const inst = fc.call('py.new_instance', [fobj, fc.tuple([])]);
      const init = fc.call('py.find_dunder', [inst, fc.str('__init__')]);
      const full = fc.call('py.bind_args', [init, fc.call('py.prepend', [inst, args]), names, values]);
      callPlain(fc, init, full, fc.b.emit('alen', [full]));
      return inst;
    },
    () => {
      const full = fc.call('py.bind_args', [fobj, args, names, values]);
      return callPlain(fc, fobj, full, fc.b.emit('alen', [full]));
    },
  );
}

/** `obj.name(args)`: the program's methods from compiled code, the built-in types' in the host. */
export function methodCall(fc: FunctionCompiler, e: Call, f: Expr & { kind: 'attr' }): number {
  if (isSuperCall(fc, f.obj)) return superCall(fc, e, f);
  const self = expr(fc, f.obj);
  const args = e.args.map((a) => expr(fc, a));
  // list.sort(key=...) calls its key from compiled code (higher-order.ts).
  if (f.name === 'sort' && e.keywords.length > 0) return sortMethod(fc, e, self, args);
  const names = e.keywords.map((k) => fc.str(k.name));
  const values = e.keywords.map((k) => expr(fc, k.value));
  fc.line = e.line;
  const name = fc.str(f.name);
  const invoke = (fn: number, all: number[]): number => {
    if (names.length === 0) return callValue(fc, fn, fc.tuple(all), fc.b.iconst(all.length));
    return callWithKeywords(fc, fn, fc.tuple(all), fc.tuple(names), fc.tuple(values));
  };
  const builtin = (): number => {
    if (names.length > 0)
      return fc.call('py.call_method_kw', [self, name, fc.tuple(args), fc.tuple(names), fc.tuple(values)]);
    if (f.name === 'append' && args.length === 1) return fc.call('py.append', [self, args[0]!]);
    // list.sort() over instances calls their __lt__ from the prelude's sort (higher-order.ts).
    if (f.name === 'sort' && args.length === 0 && guestOrders(fc)) return sortMethod(fc, e, self, args);
    // A dict's or set's key methods find a key hashed by its class as d[k] does.
    const keyed = [...args];
    if (fc.info.definesHash && KEY_METHODS.has(f.name) && args.length > 0)
      keyed[0] = fc.call('py.key', [self, args[0]!]);
    const tuple = fc.tuple(keyed);
    const drained = ITERATING_METHODS.has(f.name) ? fc.call('py.drain_args', [tuple]) : tuple;
    return fc.call('py.call_method', [self, name, drained]);
  };
  return choose(
    fc,
    isUserValue(fc, self),
    () => {
      const m = fc.call('py.find_method', [self, name]);
      return choose(fc, fc.isNull(m), builtin, () =>
        choose(
          fc,
          isType(fc, m, 'tuple'),
          () => invoke(fc.b.emit('aget', [m, fc.b.iconst(0)], { sym: 'tuple' }), args),
          () => invoke(m, [self, ...args]),
        ),
      );
    },
    builtin,
  );
}

export function isSuperCall(fc: FunctionCompiler, e: Expr): boolean {
  return (
    e.kind === 'call' &&
    e.func.kind === 'name' &&
    e.func.id === 'super' &&
    !fc.locals?.has('super') &&
    !fc.info.globals.has('super')
  );
}

/** `super().name(args)` in a method: looked up from the defining class's base. */
function superCall(fc: FunctionCompiler, e: Call, f: Expr & { kind: 'attr' }): number {
  const sup = f.obj as Call;
  if (sup.args.length > 0 || !fc.classGlobal || !fc.selfName)
    unsupported(fc.info, 'super() is supported only without arguments, directly in a method', sup);
  const cls = fc.b.emit('gget', [], { sym: fc.classGlobal! });
  const self = expr(fc, { kind: 'name', id: fc.selfName!, line: sup.line, col: sup.col });
  const args = e.args.map((a) => expr(fc, a));
  const names = e.keywords.map((k) => fc.str(k.name));
  const values = e.keywords.map((k) => expr(fc, k.value));
  fc.line = e.line;
  const m = fc.call('py.super_method', [cls, fc.str(f.name)]);
  return choose(
    fc,
    fc.isNull(m),
    () => fc.call('py.base_init', [self, fc.tuple(args), fc.b.iconst(names.length)]),
    () =>
      names.length === 0
        ? callValue(fc, m, fc.tuple([self, ...args]), fc.b.iconst(args.length + 1))
        : callWithKeywords(fc, m, fc.tuple([self, ...args]), fc.tuple(names), fc.tuple(values)),
  );
}

/**
 * `str(v)` (`repr`: `repr(v)`) for a value whose class may define `__str__`/`__repr__`:
 * such a method is called from here, anything else goes on to the host unchanged.
 */
export function viaDunder(fc: FunctionCompiler, v: number, which: 'str' | 'repr'): { value: number; called: number } {
  const join = fc.newBlock('dunder', ['ref', 'i32']);
  const user = fc.newBlock('dunder.user');
  const plain = fc.newBlock('dunder.plain');
  fc.branch(isUserValue(fc, v), user, plain);
  fc.enter(user);
  const m = fc.call(which === 'str' ? 'py.find_str' : 'py.find_repr', [v]);
  const call = fc.newBlock('dunder.call');
  fc.branch(fc.isNull(m), plain, call);
  fc.enter(call);
  const s = callPlain(fc, m, fc.tuple([v]), fc.b.iconst(1));
  fc.call('py.check_str', [s, fc.str(which === 'str' ? '__str__' : '__repr__')], null);
  fc.jump(join, [s, fc.b.iconst(1)]);
  fc.enter(plain);
  if (fc.info.directDefs.has(DEEP_REPR)) {
    // A container holding instances with __repr__ is rendered by the prelude's compiled repr.
    const b = fc.b;
    const container = b.emit('ior', [
      b.emit('ior', [isType(fc, v, 'list'), isType(fc, v, 'tuple')]),
      isType(fc, v, 'dict'),
    ]);
    const check = fc.newBlock('dunder.container');
    const deep = fc.newBlock('dunder.deep');
    const none = fc.newBlock('dunder.none');
    fc.branch(container, check, none);
    fc.enter(check);
    fc.branch(fc.pure('py.needs_guest_repr', [v]), deep, none);
    fc.enter(deep);
    fc.jump(join, [fc.call(`f.${DEEP_REPR}`, [v]), b.iconst(1)]);
    fc.enter(none);
  }
  fc.jump(join, [v, fc.b.iconst(0)]);
  fc.enter(join);
  return { value: join.params[0]!, called: join.params[1]! };
}

/** @py.compare.user's operator index. */
const COMPARE_OPS: Record<string, number> = { '<': 0, '<=': 1, '>': 2, '>=': 3, '==': 4, '!=': 5 };

/** A comparison with an instance on either side: its classes' methods, called by
 *  @py.compare.user (runtime/operators.jir) in CPython's order; `plain` when none applies. */
export function compareDunder(fc: FunctionCompiler, op: string, l: number, r: number, plain: () => number): number {
  const index = COMPARE_OPS[op];
  if (index === undefined) return plain();
  const b = fc.b;
  const either = b.emit('ior', [isUserValue(fc, l), isUserValue(fc, r)]);
  const join = fc.newBlock('cmp.join', ['i32']);
  const user = fc.newBlock('cmp.user');
  const normal = fc.newBlock('cmp.plain');
  fc.branch(either, user, normal);
  fc.enter(user);
  const result = fc.call('py.compare.user', [l, r, b.iconst(index)], 'i32');
  const called = fc.newBlock('cmp.called');
  fc.branch(b.emit('icmp.eq', [result, b.iconst(2)]), normal, called);
  fc.enter(called);
  fc.jump(join, [result]);
  fc.enter(normal);
  fc.jump(join, [plain()]);
  fc.enter(join);
  return join.params[0]!;
}

/** `len(v)` for a value whose class defines `__len__`. */
export function lenDunder(fc: FunctionCompiler, v: number, plain: () => number): number {
  return choose(
    fc,
    isUserValue(fc, v),
    () => {
      const m = fc.call('py.find_dunder', [v, fc.str('__len__')]);
      return choose(fc, fc.isNull(m), plain, () =>
        fc.call('py.check_len', [callPlain(fc, m, fc.tuple([v]), fc.b.iconst(1))]),
      );
    },
    plain,
  );
}

/** A class statement: the class object, its functions and attributes, bound to its name. */
export function classStatement(fc: FunctionCompiler, s: Stmt & { kind: 'class' }): void {
  const base = s.base ? expr(fc, s.base) : fc.none();
  fc.line = s.line;
  const cls = fc.call('py.make_class', [fc.str(s.name), base]);
  const holder = `cls.${s.name}.${fc.info.module.globals.length}`;
  fc.info.module.globals.push({ name: holder, type: 'ref', init: 0 });
  fc.b.emit('gset', [cls], { sym: holder });
  const assigned = new Set<string>();
  for (const st of s.body) {
    fc.line = st.line;
    switch (st.kind) {
      case 'def': {
        const f = makeFunction(fc, st, { classGlobal: holder });
        fc.call('py.setattr', [cls, fc.str(st.name), f], null);
        assigned.add(st.name);
        break;
      }
      case 'assign': {
        if (!st.targets.every((t) => t.kind === 'name'))
          unsupported(fc.info, 'class attributes must be assigned to plain names', st);
        refusesClassNames(fc, st.value, assigned);
        const v = expr(fc, st.value);
        for (const t of st.targets) {
          fc.call('py.setattr', [cls, fc.str((t as Expr & { kind: 'name' }).id), v], null);
          assigned.add((t as Expr & { kind: 'name' }).id);
        }
        break;
      }
      case 'pass':
        break;
      case 'expr':
        if (st.value.kind !== 'str') unsupported(fc.info, 'statements in a class body are not supported', st);
        break;
      default:
        unsupported(fc.info, `'${st.kind}' statements in a class body are not supported`, st);
    }
  }
  assign(fc, { kind: 'name', id: s.name, line: s.line, col: s.col }, cls);
}

/** A class attribute's value naming an earlier class attribute would need the class scope. */
function refusesClassNames(fc: FunctionCompiler, e: Expr, assigned: Set<string>): void {
  const work: Expr[] = [e];
  while (work.length > 0) {
    const x = work.pop()!;
    if (x.kind === 'name' && assigned.has(x.id))
      unsupported(fc.info, `class attribute referring to class attribute '${x.id}' is not supported`, x);
    for (const v of Object.values(x)) {
      if (v && typeof v === 'object' && 'kind' in v && 'line' in v) work.push(v as Expr);
      if (Array.isArray(v)) for (const y of v) if (y && typeof y === 'object' && 'kind' in y) work.push(y as Expr);
    }
  }
}
