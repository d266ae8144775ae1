import type { CmpOpName, Expr } from '../syntax/ast.ts';
import { isSysModule, sysAttribute, sysExitCall } from './sys-module.ts';
import { builtinIndex } from '../hosts/index.ts';
import { EXCEPTION_CLASSES, exceptionClassRef, FALSE, NONE, NOT_IMPLEMENTED, TRUE } from '../runtime/tags.ts';
import { comprehension } from './comprehensions.ts';
import { missingMessage } from '../hosts/calls.ts';
import { builtinValue, makeFunction } from './functions.ts';
import { higherOrderCall, KEYWORD_BUILTINS } from './higher-order.ts';
import { callBuiltin, nextCall } from './builtin-calls.ts';
import { callValue, callWithKeywords, choose, compareDunder, lenDunder, methodCall, viaDunder } from './objects.ts';
import { unsupported } from './context.ts';
import { intChain } from './int-chain.ts';
import type { FunctionCompiler } from './function-compiler.ts';
type Block = ReturnType<FunctionCompiler['newBlock']>;
import { boxFloat, floatValue } from './float-arith.ts';
import { isFloatExpr } from './float-types.ts';
import { canInline, inlineCall } from './inline-calls.ts';
import { inlineGetitem, literalFromStart } from './inline-items.ts';
import { keywordUnpackingCall, positionalArgs } from './keyword-unpacking.ts';
import { GUEST_SUM } from './prelude.ts';
import {
  branchOnCompare,
  hasInlineBinop,
  hasInlineCompare,
  inlineBinop,
  inlineCompare,
  inlineMulMod,
  mulModLiteral,
} from './inline-arith.ts';

const IR_BINOPS: Record<string, string> = {
  '+': 'py.add',
  '-': 'py.sub',
  '*': 'py.mul',
  '/': 'py.truediv',
  '//': 'py.floordiv',
  '%': 'py.mod',
  '**': 'py.pow',
};
const INPLACE_BINOPS: Record<string, string> = {
  '+': 'py.iadd',
  '-': 'py.isub',
  '*': 'py.imul',
  '/': 'py.itruediv',
  '//': 'py.ifloordiv',
  '%': 'py.imod',
};
const HOST_BINOPS: Record<string, string> = {
  '<<': 'py.lshift',
  '>>': 'py.rshift',
  '&': 'py.bitand',
  '|': 'py.bitor',
  '^': 'py.bitxor',
};
const CMP_FUNCS: Record<string, string> = {
  '<': 'py.lt',
  '<=': 'py.le',
  '>': 'py.gt',
  '>=': 'py.ge',
  '==': 'py.eq',
  '!=': 'py.ne',
};
/** Builtins of one argument with a fast path in the runtime IR (its slow path calls the host). */
const ONE_ARG_BUILTINS = new Map([
  ['len', 'py.len'],
  ['abs', 'py.abs'],
  ['float', 'py.float'],
  ['int', 'py.int'],
]);
const EXCEPTION_NAMES = new Set(EXCEPTION_CLASSES.map(([n]) => n));
const SMALL_MIN = -(2n ** 30n);
const SMALL_MAX = 2n ** 30n - 1n;

/** `a op b`; `right`, b's expression when known, lets a small int literal be an immediate. */
export function binop(fc: FunctionCompiler, op: string, a: number, b: number, right?: Expr, inPlace = false): number {
  // `a op= b` calls a class's __iadd__ ... first: only on the slow path (runtime/operators.jir).
  const slow = inPlace ? INPLACE_BINOPS[op] : undefined;
  if (hasInlineBinop(op) && fc.fastPaths) {
    const lit = right ? intLiteral(right) : null;
    const c = lit !== null && lit >= SMALL_MIN && lit <= SMALL_MAX ? Number(lit) : undefined;
    return inlineBinop(fc, op, a, b, c, slow);
  }
  return fc.call(slow ?? IR_BINOPS[op] ?? HOST_BINOPS[op]!, [a, b]);
}

/** Compiles an expression to a ref. */
export function expr(fc: FunctionCompiler, e: Expr): number {
  fc.line = e.line;
  const b = fc.b;
  switch (e.kind) {
    case 'int':
      if (e.value >= SMALL_MIN && e.value <= SMALL_MAX) return fc.smallInt(Number(e.value));
      return b.emit('gaddr', [], { sym: fc.info.bigConst(e.value) });
    case 'float':
      return b.emit('gaddr', [], { sym: fc.info.floatConst(e.value) });
    case 'str':
      return fc.str(e.value);
    case 'const':
      return fc.imm(e.value === 'None' ? 2 : e.value === 'True' ? 10 : 6);
    case 'name':
      return readName(fc, e.id, e);
    case 'binop':
      if (fc.fastPaths && isFloatExpr(e, fc.floatFacts)) return boxFloat(fc, floatValue(fc, e));
      if (e.op === '**') return rightChain(fc, e);
      return intChain(fc, e, () => binopChain(fc, e)) ?? binopChain(fc, e);
    case 'unary':
      if (e.op === '-' && e.operand.kind === 'float')
        return b.emit('gaddr', [], { sym: fc.info.floatConst(-e.operand.value) });
      if (fc.fastPaths && e.op === '-' && isFloatExpr(e, fc.floatFacts)) return boxFloat(fc, floatValue(fc, e));
      if (e.op === 'not') return fc.boolFromI32(b.emit('ixor', [condition(fc, e.operand), b.iconst(1)]));
      return rightChain(fc, e);
    case 'boolop': {
      // Each value but the last may decide the result: its truth test jumps to the join.
      const join = fc.newBlock('bool.done', ['ref']);
      e.values.forEach((x, k) => {
        const v = expr(fc, x);
        if (k === e.values.length - 1) {
          fc.jump(join, [v]);
          return;
        }
        const t = fc.truth(v);
        const shortCut = fc.newBlock('bool.short');
        const rest = fc.newBlock('bool.rest');
        if (e.op === 'and') fc.branch(t, rest, shortCut);
        else fc.branch(t, shortCut, rest);
        fc.enter(shortCut);
        fc.jump(join, [v]);
        fc.enter(rest);
      });
      fc.enter(join);
      return join.params[0]!;
    }
    case 'compare':
    case 'ifexp':
      if (e.kind === 'compare') return fc.boolFromI32(condition(fc, e));
      {
        const join = fc.newBlock('if.done', ['ref']);
        const yes = fc.newBlock('if.then');
        const no = fc.newBlock('if.else');
        branchOn(fc, e.test, yes, no);
        fc.enter(yes);
        fc.jump(join, [expr(fc, e.body)]);
        fc.enter(no);
        fc.jump(join, [expr(fc, e.orelse)]);
        fc.enter(join);
        return join.params[0]!;
      }
    case 'call':
      return call(fc, e);
    case 'subscript': {
      const o = expr(fc, e.obj);
      if (e.index.kind === 'slice') {
        const s = e.index;
        const part = (x: Expr | null): number => (x ? expr(fc, x) : fc.none());
        const lo = part(s.lower);
        const hi = part(s.upper);
        const st = part(s.step);
        fc.line = e.line;
        return fc.call('py.getslice', [o, lo, hi, st]);
      }
      const i = expr(fc, e.index);
      fc.line = e.line;
      return fc.fastPaths ? inlineGetitem(fc, o, i, literalFromStart(e.index)) : fc.call('py.getitem', [o, i]);
    }
    case 'list':
      return fc.call('py.make_list', [fc.tuple(e.elts.map((x) => expr(fc, x)))]);
    case 'set':
      return setDisplay(fc, e, e.elts.length > 2 && allConstant(e) ? SET_CONSTANT_DISPLAY : 0);
    case 'tuple':
      return fc.tuple(e.elts.map((x) => expr(fc, x)));
    case 'dict': {
      const ks: number[] = [];
      const vs: number[] = [];
      e.keys.forEach((k, i) => {
        ks.push(expr(fc, k));
        vs.push(expr(fc, e.values[i]!));
      });
      fc.line = e.line;
      if (!fc.info.definesHash) return fc.call('py.make_dict', [fc.tuple(ks), fc.tuple(vs)]);
      // Keys that may be instances hashed by their classes go in one by one (runtime/keys.jir).
      const d = fc.call('py.make_dict', [fc.tuple([]), fc.tuple([])]);
      ks.forEach((k, i) => fc.call('py.setitem', [d, k, vs[i]!], null));
      return d;
    }
    case 'fstring':
      return fstring(fc, e);
    case 'comp':
      return comprehension(fc, e);
    case 'lambda':
      return makeFunction(fc, e);
    case 'attr': {
      if (isSysModule(fc, e.obj)) return sysAttribute(fc, e.name, e);
      const o = expr(fc, e.obj);
      fc.line = e.line;
      return fc.call('py.getattr', [o, fc.str(e.name)]);
    }
    case 'slice':
      return unsupported(fc.info, 'slices are supported only in subscripts', e);
  }
}

/** How py.make_set builds a display (see setDisplay in hosts/sets.ts): CPython 3.11 makes a
 *  display of more than two constants a frozenset constant merged into a new set, and the
 *  iterable of a `for` a frozenset constant when all its items are constants. */
const SET_CONSTANT_DISPLAY = 1;
const SET_CONSTANT_ITERATED = 2;

function setDisplay(fc: FunctionCompiler, e: Expr & { kind: 'set' }, how: number): number {
  const items = fc.tuple(e.elts.map((x) => expr(fc, x)));
  fc.line = e.line;
  // Instances hashed by their classes are added one by one, __hash__ called from compiled code.
  if (fc.info.definesHash && !allConstant(e)) return fc.call('py.set_from', [items]);
  return fc.call('py.make_set', [items, fc.b.iconst(how)]);
}

/** What a `for` (or a comprehension's `for`) iterates. */
export function iterable(fc: FunctionCompiler, e: Expr): number {
  return e.kind === 'set' && allConstant(e) ? setDisplay(fc, e, SET_CONSTANT_ITERATED) : expr(fc, e);
}

/** Whether every item of a set display is a constant once CPython's AST optimizer has
 *  folded it (literals, signed numbers, tuples of constants, operators on constants). */
function allConstant(e: Expr & { kind: 'set' }): boolean {
  const constant = (x: Expr): boolean =>
    x.kind === 'int' ||
    x.kind === 'float' ||
    x.kind === 'str' ||
    x.kind === 'const' ||
    (x.kind === 'unary' &&
      (x.op === '-' || x.op === '+') &&
      (x.operand.kind === 'int' || x.operand.kind === 'float')) ||
    (x.kind === 'tuple' && x.elts.every(constant)) ||
    (x.kind === 'binop' && constant(x.left) && constant(x.right) && foldedPower(x));
  return e.elts.every(constant);
}

/** CPython folds `a ** b` on int constants only when the result has at most 128 bits. */
function foldedPower(e: Expr & { kind: 'binop' }): boolean {
  if (e.op !== '**' || e.left.kind !== 'int' || e.right.kind !== 'int') return true;
  return BigInt(e.left.value.toString(2).length) * e.right.value <= 128n;
}

const CONVERSION_INDEX = { '': 0, s: 1, r: 2, a: 3 } as const;

/** Each field is formatted to a str as it is reached (left to right), then the pieces joined. */
function fstring(fc: FunctionCompiler, e: Expr & { kind: 'fstring' }): number {
  const pieces = e.parts.map((part) => {
    if (part.kind === 'text') return fc.str(part.value);
    const raw = expr(fc, part.value);
    const spec = part.spec ? expr(fc, part.spec) : fc.none();
    fc.line = part.value.line;
    // A class's __str__ (or with !r, __repr__) gives the text; the field then formats that str.
    if (part.conv === 'a' || (part.spec && part.conv === ''))
      return fc.call('py.format_field', [raw, fc.b.iconst(CONVERSION_INDEX[part.conv]), spec]);
    const { value, called } = viaDunder(fc, raw, part.conv === 'r' ? 'repr' : 'str');
    const conv = fc.b.emit('select', [called, fc.b.iconst(0), fc.b.iconst(CONVERSION_INDEX[part.conv])]);
    return fc.call('py.format_field', [value, conv, spec]);
  });
  if (pieces.length === 1 && e.parts[0]!.kind === 'field') return pieces[0]!;
  fc.line = e.line;
  return fc.call('py.join_parts', [fc.tuple(pieces)]);
}

/**
 * A binary operation whose left operand is itself one (`1 + 2 + ... + n` nests to the left,
 * thousands deep in a long sum): the chain down the left is walked in a loop, so only
 * right operands recurse.
 */
function binopChain(fc: FunctionCompiler, top: Expr & { kind: 'binop' }): number {
  const spine: (Expr & { kind: 'binop' })[] = [];
  let e: Expr = top;
  while (e.kind === 'binop' && e.op !== '**') {
    spine.push(e);
    e = e.left;
  }
  // Integer literals fold as CPython's compiler folds them (`(3 * 7 + 3) % 1009` is 24);
  // `known` holds the value while the chain so far is constant.
  let known = intLiteral(e);
  let acc = known === null ? expr(fc, e) : -1;
  for (let k = spine.length - 1; k >= 0; k--) {
    const node = spine[k]!;
    const lit = known === null ? null : intLiteral(node.right);
    const folded = known !== null && lit !== null ? foldIntOp(node.op, known, lit) : null;
    if (folded !== null) {
      known = folded;
      continue;
    }
    if (known !== null) {
      fc.line = e.line;
      acc = intConstant(fc, known);
      known = null;
    }
    const r = expr(fc, node.right);
    fc.line = node.line;
    // `a * b % m` with a literal m: the product need not be made (inline-arith.ts).
    const modulus = node.op === '*' && k > 0 && spine[k - 1]!.op === '%' ? intLiteral(spine[k - 1]!.right) : null;
    if (modulus !== null && mulModLiteral(modulus) && fc.fastPaths) {
      fc.line = spine[k - 1]!.line;
      acc = inlineMulMod(fc, acc, r, Number(modulus));
      k--;
      continue;
    }
    acc = binop(fc, node.op, acc, r, node.right);
  }
  return known !== null ? intConstant(fc, known) : acc;
}

/** The value of an integer literal, possibly signed (`-3`), else null. */
function intLiteral(e: Expr): bigint | null {
  if (e.kind === 'int') return e.value;
  if (e.kind === 'unary' && (e.op === '-' || e.op === '+') && e.operand.kind === 'int')
    return e.op === '-' ? -e.operand.value : e.operand.value;
  return null;
}

const FOLD_LIMIT = 1n << 64n;

/** Python's result of `a op b` on ints when it is safe to compute now: no error (a zero
 *  divisor raises at run time) and no huge result (CPython too folds only small ones). */
export function foldIntOp(op: string, a: bigint, b: bigint): bigint | null {
  let r: bigint;
  switch (op) {
    case '+':
      r = a + b;
      break;
    case '-':
      r = a - b;
      break;
    case '*':
      r = a * b;
      break;
    case '//':
    case '%': {
      if (b === 0n) return null;
      let q = a / b;
      if (a % b !== 0n && a < 0n !== b < 0n) q -= 1n;
      r = op === '//' ? q : a - q * b;
      break;
    }
    case '<<':
      if (b < 0n || b >= 64n) return null;
      r = a << b;
      break;
    case '>>':
      if (b < 0n) return null;
      r = b >= 64n ? (a < 0n ? -1n : 0n) : a >> b;
      break;
    case '&':
      r = a & b;
      break;
    case '|':
      r = a | b;
      break;
    case '^':
      r = a ^ b;
      break;
    default:
      return null;
  }
  return r > -FOLD_LIMIT && r < FOLD_LIMIT ? r : null;
}

function intConstant(fc: FunctionCompiler, n: bigint): number {
  return n >= SMALL_MIN && n <= SMALL_MAX
    ? fc.smallInt(Number(n))
    : fc.b.emit('gaddr', [], { sym: fc.info.bigConst(n) });
}

/**
 * Powers and prefix operators nest to the right (`-2 ** -2 ** 2` is `-(2 ** (-(2 ** 2)))`):
 * the chain is walked in a loop, evaluating left operands in order, then folded back from
 * the innermost operand.
 */
function rightChain(fc: FunctionCompiler, top: Expr): number {
  const links: { node: Expr; left: number }[] = [];
  let e: Expr = top;
  for (;;) {
    if (e.kind === 'binop' && e.op === '**') {
      links.push({ node: e, left: expr(fc, e.left) });
      e = e.right;
    } else if (e.kind === 'unary' && e.op !== 'not') {
      links.push({ node: e, left: -1 });
      e = e.operand;
    } else break;
  }
  let acc = expr(fc, e);
  for (let k = links.length - 1; k >= 0; k--) {
    const { node, left } = links[k]!;
    fc.line = node.line;
    if (node.kind === 'unary')
      acc = fc.call(node.op === '-' ? 'py.neg' : node.op === '+' ? 'py.pos' : 'py.invert', [acc]);
    else acc = binop(fc, '**', left, acc);
  }
  return acc;
}

/** Compiles a test to an i32 0/1 without boxing a bool when it can. */
export function condition(fc: FunctionCompiler, e: Expr): number {
  const b = fc.b;
  if (e.kind === 'unary' && e.op === 'not') {
    // `not not ... x`: one truth test, negated when the count is odd.
    let nots = 0;
    let inner: Expr = e;
    while (inner.kind === 'unary' && inner.op === 'not') {
      nots++;
      inner = inner.operand;
    }
    const c = condition(fc, inner);
    return nots % 2 === 1 ? b.emit('ixor', [c, b.iconst(1)]) : c;
  }
  if (e.kind !== 'compare') return fc.truth(expr(fc, e));
  if (e.ops.length === 1) {
    const l = expr(fc, e.operands[0]!);
    const r = expr(fc, e.operands[1]!);
    fc.line = e.line;
    return compareOne(fc, e.ops[0]!, l, r);
  }
  // Chained: a < b < c evaluates b once and stops at the first false.
  const join = fc.newBlock('cmp.done', ['i32']);
  let left = expr(fc, e.operands[0]!);
  e.ops.forEach((op, i) => {
    const right = expr(fc, e.operands[i + 1]!);
    fc.line = e.line;
    const c = compareOne(fc, op, left, right);
    if (i === e.ops.length - 1) {
      fc.jump(join, [c]);
      return;
    }
    const next = fc.newBlock('cmp.next');
    const stop = fc.newBlock('cmp.false');
    fc.branch(c, next, stop);
    fc.enter(stop);
    fc.jump(join, [b.iconst(0)]);
    fc.enter(next);
    left = right;
  });
  fc.enter(join);
  return join.params[0]!;
}

/** Branches to `yes` or `no` by the truth of test `e`. */
export function branchOn(fc: FunctionCompiler, e: Expr, yes: Block, no: Block): void {
  if (!fc.fastPaths) {
    fc.branch(condition(fc, e), yes, no);
    return;
  }
  if (e.kind === 'compare' && e.ops.length === 1 && hasInlineCompare(e.ops[0]!)) {
    const op = e.ops[0]!;
    const l = expr(fc, e.operands[0]!);
    const r = expr(fc, e.operands[1]!);
    fc.line = e.line;
    const general = (): number => compareDunder(fc, op, l, r, () => fc.call(CMP_FUNCS[op]!, [l, r], 'i32'));
    branchOnCompare(fc, op, l, r, general, yes, no);
    return;
  }
  if (e.kind === 'unary' && e.op === 'not') return branchOn(fc, e.operand, no, yes);
  if (e.kind === 'compare' || e.kind === 'boolop') {
    fc.branch(condition(fc, e), yes, no);
    return;
  }
  // The truth of a bool or a small int in line (sieve's `if flags[i]:`), the runtime's for the rest.
  const v = expr(fc, e);
  const b = fc.b;
  const bits = b.emit('ref.bits', [v]);
  const small = fc.newBlock('truth.int');
  const other = fc.newBlock('truth.other');
  const notTrue = fc.newBlock('truth.not_true');
  const generic = fc.newBlock('truth.generic');
  fc.branch(b.emit('iand', [bits, b.iconst(1)]), small, other);
  fc.enter(small);
  fc.branch(b.emit('icmp.ne', [bits, b.iconst(1)]), yes, no);
  fc.enter(other);
  fc.branch(b.emit('icmp.eq', [bits, b.iconst(TRUE)]), yes, notTrue);
  fc.enter(notTrue);
  const falsy = b.emit('ior', [b.emit('icmp.eq', [bits, b.iconst(FALSE)]), b.emit('icmp.eq', [bits, b.iconst(NONE)])]);
  fc.branch(falsy, no, generic);
  fc.enter(generic);
  fc.branch(fc.truth(v), yes, no);
}

function compareOne(fc: FunctionCompiler, op: CmpOpName, l: number, r: number): number {
  const b = fc.b;
  switch (op) {
    case 'is':
    case 'is not':
      return b.emit(op === 'is' ? 'icmp.eq' : 'icmp.ne', [b.emit('ref.bits', [l]), b.emit('ref.bits', [r])]);
    case 'in':
      return fc.call('py.contains', [r, l], 'i32');
    case 'not in':
      return b.emit('ixor', [fc.call('py.contains', [r, l], 'i32'), b.iconst(1)]);
    default:
      if (!fc.fastPaths) return compareDunder(fc, op, l, r, () => fc.call(CMP_FUNCS[op]!, [l, r], 'i32'));
      return inlineCompare(fc, op, l, r, () =>
        compareDunder(fc, op, l, r, () => fc.call(CMP_FUNCS[op]!, [l, r], 'i32')),
      );
  }
}

export function readName(fc: FunctionCompiler, id: string, at: Expr): number {
  if (isSysModule(fc, at)) unsupported(fc.info, 'the module sys used as a value is not supported', at);
  const renamed = fc.renames.get(id);
  if (renamed !== undefined) return fc.readLocal(renamed);
  const cell = fc.cellOf(id);
  if (cell >= 0) return fc.readCell(id, cell);
  if (fc.isFloatLocal(id)) return boxFloat(fc, fc.readFloatLocal(id));
  if (fc.locals?.has(id)) return fc.readLocal(id);
  if (fc.info.globals.has(id)) {
    const v = fc.b.emit('gget', [], { sym: `g.${id}` });
    if (!fc.boundGlobals.has(id)) fc.raiseIf(fc.isNull(v), 'NameError', `name '${id}' is not defined`);
    return v;
  }
  if (EXCEPTION_NAMES.has(id)) return fc.imm(exceptionClassRef(id));
  if (id === 'NotImplemented') return fc.imm(NOT_IMPLEMENTED);
  if (builtinIndex(id) >= 0) return builtinValue(fc, id);
  if (id === 'print' || id === 'next')
    unsupported(fc.info, `built-in function '${id}' used as a value is not supported`, at);
  fc.call('py.raise_error', [fc.b.iconst(exceptionClassRef('NameError')), fc.str(`name '${id}' is not defined`)], null);
  fc.b.emit('unreachable');
  fc.enterDead();
  return fc.none();
}

/** Builtins' parameters that may be given by keyword, by position. */
const BUILTIN_KEYWORDS: Record<string, string[]> = {
  enumerate: ['iterable', 'start'],
  int: ['x', 'base'],
  round: ['number', 'ndigits'],
  sum: ['iterable', 'start'],
  pow: ['base', 'exp', 'mod'],
};

function call(fc: FunctionCompiler, e0: Expr & { kind: 'call' }): number {
  if (e0.kwunpack) return keywordUnpackingCall(fc, e0);
  if (e0.unpack.length > 0) return unpackingCall(fc, e0);
  let e = e0;
  const f = e.func;
  if (e.keywords.length > 0 && f.kind === 'name' && isBuiltinName(fc, f.id) && !KEYWORD_BUILTINS.has(f.id)) {
    if (f.id === 'dict' && e.args.length === 0) {
      const keys = e.keywords.map((k) => fc.str(k.name));
      const values = e.keywords.map((k) => expr(fc, k.value));
      fc.line = e.line;
      return fc.call('py.make_dict', [fc.tuple(keys), fc.tuple(values)]);
    }
    // A keyword naming the next positional parameter is that positional argument.
    const names = BUILTIN_KEYWORDS[f.id] ?? [];
    const args = [...e.args];
    for (const k of e.keywords) {
      if (names.indexOf(k.name) !== args.length)
        unsupported(fc.info, `keyword argument '${k.name}' of built-in function '${f.id}' is not supported`, e);
      args.push(k.value);
    }
    e = { ...e, args, keywords: [] };
  }
  if (f.kind === 'attr' && isSysModule(fc, f.obj) && f.name === 'exit' && e.keywords.length === 0) {
    const args = e.args.map((a) => expr(fc, a));
    fc.line = e.line;
    return sysExitCall(fc, args);
  }
  if (f.kind === 'attr') return methodCall(fc, e, f);
  if (f.kind === 'name' && isBuiltinName(fc, f.id)) {
    if ((f.id === 'set' || f.id === 'hash') && fc.info.definesHash && e.args.length === 1 && e.keywords.length === 0) {
      // set(xs) and hash(x) call a class's __hash__ (runtime/keys.jir).
      const v = expr(fc, e.args[0]!);
      fc.line = e.line;
      return fc.call(f.id === 'set' ? 'py.set_from' : 'py.hash', [v]);
    }
    if (f.id === 'sum' && fc.info.directDefs.has(GUEST_SUM) && (e.args.length === 1 || e.args.length === 2)) {
      // A class's __add__ may be called: the prelude's sum adds in compiled code.
      const args = e.args.map((a) => expr(fc, a));
      fc.line = e.line;
      return fc.call(`f.${GUEST_SUM}`, [args[0]!, args[1] ?? fc.smallInt(0)]);
    }
    const special = higherOrderCall(fc, e, f.id);
    if (special !== null) return special;
    if (f.id === 'next') return nextCall(fc, e);
    if (f.id === 'bool' && e.args.length === 1) {
      // @py.truth calls a class's __bool__ or __len__ (runtime/dunders.jir).
      const v = expr(fc, e.args[0]!);
      fc.line = e.line;
      return fc.boolFromI32(fc.truth(v));
    }
    if (f.id === 'iter' && e.args.length === 1) {
      // @py.iter calls a class's __iter__ (runtime/dunders.jir).
      const v = expr(fc, e.args[0]!);
      fc.line = e.line;
      return fc.call('py.iter', [v]);
    }
    if (f.id === 'print') {
      const args = fc.tuple(e.args.map((a) => viaDunder(fc, expr(fc, a), 'str').value));
      const kw = (name: string): number => {
        const k = e.keywords.find((x) => x.name === name);
        return k ? expr(fc, k.value) : fc.none();
      };
      for (const k of e.keywords)
        if (k.name !== 'sep' && k.name !== 'end')
          unsupported(fc.info, `print() keyword '${k.name}' is not supported`, e);
      const sep = kw('sep');
      const end = kw('end');
      fc.line = e.line;
      return fc.call('py.print', [args, sep, end]);
    }
    if (EXCEPTION_NAMES.has(f.id)) {
      const args = fc.tuple(e.args.map((a) => expr(fc, a)));
      return fc.call('py.make_exc', [fc.imm(exceptionClassRef(f.id)), args]);
    }
    const fast = ONE_ARG_BUILTINS.get(f.id);
    if (fast && e.args.length === 1) {
      const v = expr(fc, e.args[0]!);
      fc.line = e.line;
      if (f.id === 'len') return lenDunder(fc, v, () => fc.call(fast, [v]));
      return fc.call(fast, [v]);
    }
    if ((f.id === 'str' || f.id === 'repr') && e.args.length === 1) {
      const { value, called } = viaDunder(fc, expr(fc, e.args[0]!), f.id);
      fc.line = e.line;
      return choose(
        fc,
        called,
        () => value,
        () => callBuiltin(fc, f.id, fc.tuple([value])),
      );
    }
    const args = fc.tuple(e.args.map((a) => expr(fc, a)));
    fc.line = e.line;
    return callBuiltin(fc, f.id, args);
  }
  const inlined = inlinedCall(fc, e, 'ref');
  if (inlined !== null) return inlined;
  const direct = f.kind === 'name' && !shadowed(fc, f.id) ? fc.info.directDefs.get(f.id) : undefined;
  if (direct && f.kind === 'name') {
    const fobj = readName(fc, f.id, f);
    const args = e.args.map((a) => expr(fc, a));
    const kwValues = e.keywords.map((k) => expr(fc, k.value));
    fc.line = e.line;
    const bound = bindStatically(
      f.id,
      direct,
      args,
      e.keywords.map((k) => k.name),
      kwValues,
    );
    if (typeof bound === 'string') {
      fc.call('py.raise_error', [fc.b.iconst(exceptionClassRef('TypeError')), fc.str(bound)], null);
      fc.b.emit('unreachable');
      fc.enterDead();
      return fc.none();
    }
    const n = direct.params.length;
    const full = bound.map((v, i) => (v >= 0 ? v : fc.pure('py.default_arg', [fobj, fc.b.iconst(i)])));
    if (direct.vararg !== null) full.push(fc.tuple(args.slice(n)));
    return fc.call(`f.${f.id}`, full);
  }
  if (e.keywords.length > 0) {
    const fobj = expr(fc, f);
    const args = fc.tuple(e.args.map((a) => expr(fc, a)));
    const names = fc.tuple(e.keywords.map((k) => fc.str(k.name)));
    const values = fc.tuple(e.keywords.map((k) => expr(fc, k.value)));
    fc.line = e.line;
    return callWithKeywords(fc, fobj, args, names, values);
  }
  // A function value: call its tuple adapter through the function table.
  const fobj = expr(fc, f);
  const args = fc.tuple(e.args.map((a) => expr(fc, a)));
  fc.line = e.line;
  return callValue(fc, fobj, args, fc.b.iconst(e.args.length));
}

/**
 * `f(a, *xs, b)`: the positional arguments as one tuple built at run time, passed to the
 * function value (or to `print` and the host builtins, which take such a tuple anyway).
 */
function unpackingCall(fc: FunctionCompiler, e: Expr & { kind: 'call' }): number {
  const f = e.func;
  if (f.kind === 'attr') unsupported(fc.info, 'a * argument in a method call is not supported', e);
  const builtin = f.kind === 'name' && isBuiltinName(fc, f.id) ? f.id : null;
  if (builtin !== null && builtin !== 'print' && (builtinIndex(builtin) < 0 || EXCEPTION_NAMES.has(builtin)))
    unsupported(fc.info, `a * argument to built-in function '${builtin}' is not supported`, e);
  if (builtin !== null && builtin !== 'print' && e.keywords.length > 0)
    unsupported(fc.info, `keyword arguments with a * argument to '${builtin}' are not supported`, e);
  const fobj = builtin === null ? expr(fc, f) : 0;
  const callee = builtin === null ? fobj : fc.none();
  const args = positionalArgs(fc, e, callee, builtin === null ? fc.none() : fc.str(builtin));
  const names = e.keywords.map((k) => fc.str(k.name));
  const values = e.keywords.map((k) => expr(fc, k.value));
  fc.line = e.line;
  if (builtin === 'print') {
    for (const k of e.keywords)
      if (k.name !== 'sep' && k.name !== 'end') unsupported(fc.info, `print() keyword '${k.name}' is not supported`, e);
    const kw = (name: string): number => {
      const i = e.keywords.findIndex((k) => k.name === name);
      return i < 0 ? fc.none() : values[i]!;
    };
    return fc.call('py.print', [args, kw('sep'), kw('end')]);
  }
  if (builtin !== null) return callBuiltin(fc, builtin, args);
  if (names.length > 0) return callWithKeywords(fc, fobj, args, fc.tuple(names), fc.tuple(values));
  return callValue(fc, fobj, args, fc.b.emit('alen', [args]));
}

/** A direct call of a def compiled in place (inline-calls.ts), as a ref or, for a def that
 *  returns floats, an f64; null when the call is not one. */
export function inlinedCall(fc: FunctionCompiler, e: Expr & { kind: 'call' }, type: 'ref' | 'f64'): number | null {
  const f = e.func;
  if (f.kind !== 'name' || e.keywords.length > 0 || e.unpack.length > 0) return null;
  if (shadowed(fc, f.id) || isBuiltinName(fc, f.id)) return null;
  const def = fc.info.directDefs.has(f.id) ? fc.info.inlineDefs.get(f.id) : undefined;
  if (!def || !canInline(fc, def, e.args.length)) return null;
  readName(fc, f.id, f);
  const args = e.args.map((a) => expr(fc, a));
  fc.line = e.line;
  const asType = (r: number): number => (type === 'f64' ? fc.b.emit('get', [r], { sym: 'float', field: 'v' }) : r);
  return inlineCall(
    fc,
    def,
    args,
    type,
    (body) => (type === 'f64' && isFloatExpr(body, fc.floatFacts) ? floatValue(fc, body) : asType(expr(fc, body))),
    () => asType(fc.call(`f.${f.id}`, args)),
  );
}

/** Calls function value `fobj` (not a class) with the arguments in tuple `args` (`nargs`, i32, of them). */
export function callPlain(fc: FunctionCompiler, fobj: number, args: number, nargs: number): number {
  const idx = fc.call('py.call_target', [fobj, nargs], 'i32');
  const cont = fc.newBlock('ok', ['ref']);
  const from = fc.block;
  const line = fc.b.iconst(fc.line);
  const handler = fc.handlers[fc.handlers.length - 1]!;
  fc.b.emitFused(
    'call_indirect',
    [idx, fobj, args],
    { sig: { params: ['ref', 'ref'], result: 'ref' } },
    (r) => ({ block: cont, args: [r] }),
    { block: handler, args: [line] },
  );
  const insts = from.insts;
  for (const tg of insts[insts.length - 1]!.targets) fc.vars.addEdge(from, tg);
  fc.enter(cont);
  return cont.params[0]!;
}

/**
 * Binds a direct call's arguments to the callee's positional parameters at compile time:
 * the value for each (-1: its default), or the TypeError message CPython gives.
 */
function bindStatically(
  name: string,
  callee: { params: string[]; vararg: string | null; ndefaults: number },
  args: number[],
  kwNames: string[],
  kwValues: number[],
): number[] | string {
  const n = callee.params.length;
  // CPython's order (initialize_locals): the keywords, then the positional count.
  const slots = new Array<number>(n).fill(-1);
  for (let i = 0; i < Math.min(n, args.length); i++) slots[i] = args[i]!;
  for (let j = 0; j < kwNames.length; j++) {
    const i = callee.params.indexOf(kwNames[j]!);
    if (i < 0) return `${name}() got an unexpected keyword argument '${kwNames[j]}'`;
    if (slots[i]! >= 0) return `${name}() got multiple values for argument '${kwNames[j]}'`;
    slots[i] = kwValues[j]!;
  }
  if (args.length > n && callee.vararg === null) {
    const takes =
      callee.ndefaults > 0
        ? `from ${n - callee.ndefaults} to ${n} positional arguments`
        : `${n} positional argument${n === 1 ? '' : 's'}`;
    return `${name}() takes ${takes} but ${args.length} ${args.length === 1 ? 'was' : 'were'} given`;
  }
  const missing = callee.params.filter((_, i) => i < n - callee.ndefaults && slots[i]! < 0);
  return missing.length > 0 ? missingMessage(name, missing) : slots;
}

/** Whether `id` is a name of this function's (local, cell, free or comprehension target). */
function shadowed(fc: FunctionCompiler, id: string): boolean {
  return !!fc.locals?.has(id) || fc.renames.has(id) || (fc.scope?.free.includes(id) ?? false);
}

/** Whether `id` names a builtin here (no local or module-level name shadows it). */
export function isBuiltinName(fc: FunctionCompiler, id: string): boolean {
  return (
    !shadowed(fc, id) &&
    !fc.info.globals.has(id) &&
    (id === 'print' ||
      id === 'map' ||
      id === 'filter' ||
      id === 'next' ||
      builtinIndex(id) >= 0 ||
      EXCEPTION_NAMES.has(id))
  );
}
