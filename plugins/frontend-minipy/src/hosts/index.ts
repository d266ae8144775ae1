import { GuestException, type HostFunction, type Signature, type ValType } from '#framework';
import { binaryOp, type BinOp } from './arith.ts';
import { BUILTINS, callBuiltin, hashOf, truth } from './builtins.ts';
import { compareOp, dictSet } from './compare.ts';
import { contains, delItem, getItem, getSlice, iterateValues, lengthOf, makeIter, setItem } from './containers.ts';
import { exceptionMessage, repr, toStr, typeName } from './format.ts';
import { callMethod } from './methods.ts';
import {
  baseInit,
  builtinExceptionBase,
  checkLen,
  checkStr,
  findRepr,
  findStr,
  needsGuestRepr,
  noInitArgs,
  prepend,
  className,
  derivesFrom,
  findDunder,
  findSpecial,
  isLazyIterable,
  findEq,
  needsGuestEq,
  needsGuestOrder,
  instantiateClass,
  findMethod,
  getAttr,
  isClass,
  makeClass,
  newInstance,
  setAttr,
  superMethod,
} from './classes.ts';
import { keyCandidates, keysUnequal, storeHash, userHashMethod } from './user-hash.ts';
import { compareDeclined, findBinop, findCompareStep, findInplace, findUnary } from './operators.ts';
import { bindArgs, bindPositional, callTarget, mergeKeywords, starArgs, tupleFrom } from './calls.ts';
import { pickKeyed, sortKeyed } from './keyed.ts';
import { convertAndFormat, heldKwargs } from './string-format.ts';
import { asNum, makeNum } from './numbers.ts';
import { pyOf, type Py } from './py-context.ts';
import { exceptionClassName, exceptionClassRef, FALSE, isSubclass, NONE, TRUE } from '../runtime/tags.ts';
import { exitStatus, isStdin, makeStdin, stdinNext } from './sys.ts';
import { isFrozen, isSet, setAdd, setDisplay, setInPlace } from './sets.ts';

/** What the last uncaught exception said, for the frontend's failure report. */
export interface FailureState {
  message?: string;
  line?: number;
  /** An uncaught SystemExit: the exit status and what goes to stderr ('' for nothing). */
  exit?: { status: number; message: string };
}

/** What the program may know of its run: `sys.argv` (the file as given, then its arguments). */
export interface RunInfo {
  argv: readonly string[];
}

/** A host function's body. Program.bindExtern runs a collecting one in its own handle scope
 *  with its ref arguments held: `args[i]` stays current across allocations, a destructured
 *  copy does not (see Py for the idiom). */
type Impl = (py: Py, args: number[]) => number | undefined;

function host(
  name: string,
  params: ValType[],
  result: ValType | null,
  impl: Impl,
  raises = true,
  collects = true,
): HostFunction {
  const sig: Signature = { params, result };
  return {
    name,
    sig,
    collects,
    raises,
    impl: (args, ctx) => impl(pyOf(ctx), args),
  };
}

const R: ValType = 'ref';
const I: ValType = 'i32';

function binary(name: string, op: BinOp): HostFunction {
  return host(name, [R, R], R, (py, [a, b]) => binaryOp(py, op, a!, b!));
}

function checkUnpack(py: Py, got: number, n: number): void {
  if (got > n) py.raise('ValueError', `too many values to unpack (expected ${n})`);
  if (got < n) py.raise('ValueError', `not enough values to unpack (expected ${n}, got ${got})`);
}

function instantiate(py: Py, v: number): number {
  if (exceptionClassName(v)) return py.makeException(v, []);
  if (isClass(py, v)) return instantiateClass(py, v);
  if (py.typeOf(v) === py.t.exc) return v;
  return py.raise('TypeError', 'exceptions must derive from BaseException');
}

function matches(py: Py, exc: number, spec: number): boolean {
  const specs = py.typeOf(spec) === py.t.tuple ? py.tupleItems(spec) : [spec];
  const cls = py.word(exc + 4);
  return specs.some((s) => {
    if (!exceptionClassName(s) && !(isClass(py, s) && builtinExceptionBase(py, s)))
      return py.raise('TypeError', 'catching classes that do not inherit from BaseException is not allowed');
    return derivesFrom(py, cls, s);
  });
}

/** The operators augmented assignment changes a set by in place, by the compiler's index. */
export const INPLACE_OPS: readonly BinOp[] = ['|', '&', '-', '^'];

/** `a op= b`: a set (not a frozenset) with a set operand changes in place, as CPython's
 *  set does; anything else is `a op b`. */
function inPlaceOp(py: Py, args: number[]): number {
  const op = INPLACE_OPS[args[2]!]!;
  const a = args[0]!;
  if (isSet(py, a) && !isFrozen(py, a) && isSet(py, args[1]!)) {
    setInPlace(py, py.hold(a), op, args[1]!);
    return args[0]!;
  }
  if (isSet(py, a) && !isFrozen(py, a))
    py.raise('TypeError', `unsupported operand type(s) for ${op}=: 'set' and '${typeName(py, args[1]!)}'`);
  return binaryOp(py, op, a, args[1]!);
}

/** Every host function the compiled program and runtime library call. */
export function pythonHostFunctions(failure: FailureState, run: RunInfo): HostFunction[] {
  const hosts: HostFunction[] = [
    binary('py.add.host', '+'),
    binary('py.sub.host', '-'),
    binary('py.mul.host', '*'),
    binary('py.floordiv.host', '//'),
    binary('py.mod.host', '%'),
    binary('py.truediv.host', '/'),
    binary('py.pow.host', '**'),
    binary('py.lshift', '<<'),
    binary('py.rshift', '>>'),
    binary('py.bitand', '&'),
    binary('py.bitor', '|'),
    binary('py.bitxor', '^'),
    host('py.neg.host', [R], R, (py, [a]) => {
      const n = asNum(py, a!);
      if (!n) return py.raise('TypeError', `bad operand type for unary -: '${typeName(py, a!)}'`);
      return makeNum(py, n.int !== undefined ? { int: -n.int } : { float: -n.float });
    }),
    host('py.pos', [R], R, (py, [a]) => {
      const n = asNum(py, a!);
      if (!n) return py.raise('TypeError', `bad operand type for unary +: '${typeName(py, a!)}'`);
      return makeNum(py, n);
    }),
    host('py.invert', [R], R, (py, [a]) => {
      const n = asNum(py, a!);
      if (!n || n.int === undefined)
        return py.raise('TypeError', `bad operand type for unary ~: '${typeName(py, a!)}'`);
      return py.makeInt(-n.int - 1n);
    }),
    host('py.compare.slow', [R, R, I], I, (py, [a, b, op]) => (compareOp(py, a!, b!, op!) ? 1 : 0)),
    host('py.truth.host', [R], I, (py, [v]) => (truth(py, v!) ? 1 : 0), false, false),
    host('py.contains.host', [R, R], I, (py, [c, x]) => (contains(py, c!, x!) ? 1 : 0)),
    host('py.getitem.host', [R, R], R, (py, [o, i]) => getItem(py, o!, i!)),
    host('py.setitem.host', [R, R, R], null, (py, [o, i, v]) => (setItem(py, o!, i!, v!), undefined)),
    host('py.delitem', [R, R], null, (py, [o, i]) => (delItem(py, o!, i!), undefined)),
    host('py.getslice', [R, R, R, R], R, (py, [o, lo, hi, st]) => getSlice(py, o!, lo!, hi!, st!)),
    host('py.len.slow', [R], R, (py, [o]) => py.smallInt(lengthOf(py, o!))),
    host('py.append.slow', [R, R], R, (py, [l, v]) => callMethod(py, l!, 'append', [v!])),
    host('py.iter.host', [R], R, (py, [o]) => makeIter(py, o!)),
    host('py.next.slow', [R], R, (py, [it]) =>
      isStdin(py, it!) ? stdinNext(py) : py.raise('TypeError', 'object is not an iterator'),
    ),
    host('py.not_iterator', [R], R, (py, [o]) =>
      py.raise('TypeError', `'${typeName(py, o!)}' object is not an iterator`),
    ),
    host('py.sys_argv', [], R, (py) => {
      const items = py.holdAll(run.argv.map(() => NONE));
      for (let i = 0; i < items.length; i++) items[i] = py.makeStr(run.argv[i]!);
      return py.makeList(items);
    }),
    host('py.sys_stdin', [], R, (py) => makeStdin(py)),
    host('py.sys_exit', [R], null, (py, [args]) => {
      const n = py.length(args!);
      if (n > 1) py.raise('TypeError', `exit expected at most 1 argument, got ${n}`);
      throw new GuestException(py.makeException(exceptionClassRef('SystemExit'), py.tupleItems(args!)));
    }),
    host('py.unpack', [R, I], R, (py, args) => {
      const n = args[1]!;
      if (py.typeOf(args[0]!) === py.t.tuple) {
        checkUnpack(py, py.length(args[0]!), n);
        return args[0]!;
      }
      const items = iterateValues(py, args[0]!);
      checkUnpack(py, items.length, n);
      return py.makeTuple(items);
    }),
    host('py.make_dict', [R, R], R, (py, args) => {
      const d = py.hold(py.allocStruct(py.t.dict));
      const keys = py.holdAll(py.tupleItems(args[0]!));
      const vals = py.holdAll(py.tupleItems(args[1]!));
      for (let i = 0; i < keys.length; i++) dictSet(py, d, keys[i]!, vals[i]!);
      return py.get(d);
    }),
    host('py.make_list', [R], R, (py, [t]) => py.makeList(py.tupleItems(t!))),
    host('py.make_set', [R, I], R, (py, [t, constant]) => setDisplay(py, py.holdAll(py.tupleItems(t!)), constant!)),
    host('py.set_add', [R, R], null, (py, args) => (setAdd(py, py.hold(args[0]!), args[1]!), undefined)),
    host('py.set_inplace', [R, R, I], R, (py, args) => inPlaceOp(py, args)),
    host('py.call_method', [R, R, R], R, (py, [o, name, args]) =>
      callMethod(py, o!, py.readStr(name!), py.tupleItems(args!)),
    ),
    host('py.call_method_kw', [R, R, R, R, R], R, (py, [o, name, args, names, values]) => {
      const kwNames = py.tupleItems(names!).map((n) => py.readStr(n));
      const kwValues = py.holdAll(py.tupleItems(values!));
      return callMethod(py, o!, py.readStr(name!), py.tupleItems(args!), heldKwargs(kwNames, kwValues));
    }),
    host('py.make_class', [R, R], R, (py, [name, base]) => makeClass(py, name!, base!)),
    host('py.new_instance', [R, R], R, (py, [cls, args]) => newInstance(py, cls!, args!)),
    host('py.getattr', [R, R], R, (py, [o, name]) => getAttr(py, o!, name!)),
    host('py.setattr', [R, R, R], null, (py, args) => (setAttr(py, args), undefined)),
    host('py.find_method', [R, R], R, (py, [o, name]) => findMethod(py, o!, name!)),
    host('py.find_dunder', [R, R], R, (py, [o, name]) => findDunder(py, o!, name!), false, false),
    host('py.find_special', [R, I], R, (py, [o, which]) => findSpecial(py, o!, which!), false, false),
    host('py.bad_bool', [R], I, (py, [r]) =>
      py.raise('TypeError', `__bool__ should return bool, returned ${typeName(py, r!)}`),
    ),
    host('py.bad_iter', [R], R, (py, [r]) =>
      py.raise('TypeError', `iter() returned non-iterator of type '${typeName(py, r!)}'`),
    ),
    host('py.super_method', [R, R], R, (py, [cls, name]) => superMethod(py, cls!, name!)),
    host('py.base_init', [R, R, I], R, (py, [self, args, nkw]) => baseInit(py, self!, args!, nkw!)),
    host('py.prepend', [R, R], R, (py, [first, rest]) => prepend(py, first!, rest!)),
    host('py.no_init_args', [R, R], R, (py, [cls, args]) => noInitArgs(py, cls!, args!)),
    host('py.find_str', [R], R, (py, [v]) => findStr(py, v!), false, false),
    host('py.find_repr', [R], R, (py, [v]) => findRepr(py, v!), false, false),
    host('py.check_str', [R, R], null, (py, [s, m]) => (checkStr(py, s!, m!), undefined)),
    host('py.check_len', [R], R, (py, [n]) => checkLen(py, n!)),
    host('py.find_binop', [R, R, I, I], R, (py, [a, b, op, step]) => findBinop(py, a!, b!, op!, step!)),
    host('py.find_inplace', [R, I], R, (py, [a, op]) => findInplace(py, a!, op!), false, false),
    host('py.find_unary', [R], R, (py, [a]) => findUnary(py, a!), false, false),
    host('py.hash.host', [R], R, (py, [v]) => hashOf(py, v!)),
    host('py.user_hash_method', [R], R, (py, [k]) => userHashMethod(py, k!), false, false),
    host('py.store_hash', [R, R], R, (py, [k, h]) => storeHash(py, k!, h!)),
    host('py.keys_unequal', [R, R], null, (py, [k, c]) => (keysUnequal(py, k!, c!), undefined), false, false),
    host('py.key_candidates', [R, R], R, (py, [c, k]) => keyCandidates(py, c!, k!)),
    host('py.find_compare_step', [R, R, I, I], R, (py, [l, r, op, step]) => findCompareStep(py, l!, r!, op!, step!)),
    host('py.compare.declined', [R, R, I], I, (py, [l, r, op]) => compareDeclined(py, l!, r!, op!)),
    host('py.needs_guest_repr', [R], I, (py, [v]) => (needsGuestRepr(py, v!) ? 1 : 0), false, false),
    host('py.find_eq', [R, R], R, (py, [l, r]) => findEq(py, l!, r!)),
    host('py.needs_guest_eq', [R, R], I, (py, [c, x]) => (needsGuestEq(py, c!, x!) ? 1 : 0), false, false),
    host('py.is_lazy_iterable', [R], I, (py, [v]) => (isLazyIterable(py, v!) ? 1 : 0), false, false),
    host('py.check_index', [R], null, (py, [v]) => {
      if (py.typeOf(v!) !== py.t.bigint && (v! & 1) !== 1 && v !== TRUE && v !== FALSE)
        py.raise('TypeError', `'${typeName(py, v!)}' object cannot be interpreted as an integer`);
    }),
    host('py.needs_guest_order', [R], I, (py, [v]) => (needsGuestOrder(py, v!) ? 1 : 0), false, false),
    host('py.is_class', [R], I, (py, [v]) => (isClass(py, v!) ? 1 : 0), false, false),
    host('py.sort_keyed', [R, R, R, I], R, (py, [items, keys, rev, inPlace]) =>
      sortKeyed(py, items!, keys!, rev!, inPlace === 1),
    ),
    host('py.pick_keyed', [R, R, I, R], R, (py, [items, keys, max, dflt]) =>
      pickKeyed(py, items!, keys!, max === 1, dflt!),
    ),
    host('py.format_field', [R, I, R], R, (py, [v, conv, spec]) =>
      py.makeStr(convertAndFormat(py, v!, CONVERSIONS[conv!]!, spec === NONE ? '' : py.readStr(spec!))),
    ),
    host('py.join_parts', [R], R, (py, [parts]) =>
      py.makeStr(
        py
          .tupleItems(parts!)
          .map((p) => py.readStr(p))
          .join(''),
      ),
    ),
    host('py.abs.slow', [R], R, (py, [v]) => callBuiltin(py, 'abs', [v!])),
    host('py.float.slow', [R], R, (py, [v]) => callBuiltin(py, 'float', [v!])),
    host('py.int.slow', [R], R, (py, [v]) => callBuiltin(py, 'int', [v!])),
    host('py.star_args', [R, R, R], R, (py, [callee, name, value]) => starArgs(py, callee!, name!, value!)),
    host('py.builtin', [I, R], R, (py, [which, args]) => callBuiltin(py, BUILTIN_NAMES[which!]!, py.tupleItems(args!))),
    host('py.print', [R, R, R], R, (py, [args, sep, end]) => {
      const text = (r: number, what: string): string => {
        if (r === NONE) return what === 'sep' ? ' ' : '\n';
        if (py.typeOf(r) !== py.t.str)
          py.raise('TypeError', `${what} must be None or a string, not ${typeName(py, r)}`);
        return py.readStr(r);
      };
      const s = text(sep!, 'sep');
      const e = text(end!, 'end');
      py.ctx.out.write(
        py
          .tupleItems(args!)
          .map((v) => toStr(py, v))
          .join(s) + e,
      );
      return NONE;
    }),
    host('py.make_exc', [R, R], R, (py, [cls, args]) => py.makeException(cls!, py.tupleItems(args!))),
    host('py.raise', [R], null, (py, [v]) => {
      throw new GuestException(instantiate(py, v!));
    }),
    host('py.exc_match', [R, R], I, (py, [e, spec]) => (matches(py, e!, spec!) ? 1 : 0)),
    host('py.raise_error', [I, R], null, (py, [cls, msg]) => {
      throw new GuestException(py.makeException(cls!, msg === NONE ? [] : [msg!]));
    }),
    host('py.raise_recursion', [], null, (py) => py.raise('RecursionError', 'maximum recursion depth exceeded')),
    host('py.make_func', [I, I, R, R], R, (py, args) => {
      const f = py.allocStruct(py.t.func);
      py.setWord(f + 4, args[0]!);
      py.setWord(f + 8, args[1]!);
      py.setRef(f, 12, args[2]!);
      py.setRef(f, 16, args[3]!);
      return f;
    }),
    host('py.call_target', [R, I], I, (py, [f, nargs]) => callTarget(py, f!, nargs!)),
    host('py.bind_args', [R, R, R, R], R, (py, [f, args, names, values]) => bindArgs(py, f!, args!, names!, values!)),
    host('py.bind_positional', [R, R], R, (py, [f, args]) => bindPositional(py, f!, args!)),
    host('py.kw_merge', [R, R, R, I], R, (py, [f, acc, more, mapping]) => mergeKeywords(py, f!, acc!, more!, mapping!)),
    host('py.tuple_from', [R, I], R, (py, [t, from]) => tupleFrom(py, t!, from!)),
    host('py.func_nparams', [R], I, (py, [f]) => py.word(f! + 8), false, false),
    host(
      'py.default_arg',
      [R, I],
      R,
      (py, [f, i]) => {
        const defaults = py.word(f! + 12);
        const nparams = py.word(f! + 8);
        return py.elem(defaults, i! - (nparams - py.length(defaults)));
      },
      false,
      false,
    ),
    host(
      'py.report',
      [R],
      null,
      (py, [e]) => {
        const cls = className(py, py.word(e! + 4));
        if (derivesFrom(py, py.word(e! + 4), exceptionClassRef('SystemExit'))) {
          failure.exit = exitStatus(py, e!);
          return undefined;
        }
        const msg = exceptionMessage(py, e!);
        failure.message = msg === '' ? cls : `${cls}: ${msg}`;
        failure.line = py.word(e! + 12);
        return undefined;
      },
      false,
      false,
    ),
    host('py.str', [R], R, (py, [v]) => py.makeStr(toStr(py, v!))),
    host('py.repr', [R], R, (py, [v]) => py.makeStr(repr(py, v!))),
  ];
  return hosts;
}

/** f-string conversions by the index the compiler passes: none, `!s`, `!r`, `!a`. */
export const CONVERSIONS = ['', 's', 'r', 'a'];

/** Builtins reached through `py.builtin`, by index. */
export const BUILTIN_NAMES: readonly string[] = Object.keys(BUILTINS);

export function builtinIndex(name: string): number {
  return BUILTIN_NAMES.indexOf(name);
}
