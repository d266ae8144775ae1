import type { BinOpName, Expr, Stmt } from '../syntax/ast.ts';
import { exceptionClassRef } from '../runtime/tags.ts';
import { unsupported } from './context.ts';
import { binop, branchOn, expr, isBuiltinName, iterable } from './expressions.ts';
import { floatValue } from './float-arith.ts';
import { inlineGetitem, inlineSetitem, literalFromStart } from './inline-items.ts';
import { makeFunction } from './functions.ts';
import { choose, classStatement, isType } from './objects.ts';
import { builtinIndex, INPLACE_OPS } from '../hosts/index.ts';
import type { FunctionCompiler } from './function-compiler.ts';
import { finishResume, yieldFrom, yieldValue } from './generators.ts';

/** `cur op= r`: a set changes in place under `|=`, `&=`, `-=`, `^=` (CPython's set does;
 *  `s = s | t` would make a new table, whose order can differ); anything else is `cur op r`. */
function augmented(fc: FunctionCompiler, op: BinOpName, cur: number, r: number, right?: Expr): number {
  const which = INPLACE_OPS.indexOf(op);
  if (which < 0) return binop(fc, op, cur, r, right, true);
  return choose(
    fc,
    isType(fc, cur, 'set'),
    () => fc.call('py.set_inplace', [cur, r, fc.b.iconst(which)]),
    () => binop(fc, op, cur, r, right),
  );
}

/** Compiles a statement list into the current block. */
export function statements(fc: FunctionCompiler, body: Stmt[]): void {
  for (const s of body) statement(fc, s);
}

function statement(fc: FunctionCompiler, s: Stmt): void {
  fc.line = s.line;
  const b = fc.b;
  switch (s.kind) {
    case 'expr':
      expr(fc, s.value);
      return;
    case 'pass':
    case 'import':
    case 'global':
    case 'nonlocal':
      return;
    case 'assign': {
      const only = s.targets.length === 1 ? s.targets[0]! : null;
      if (only?.kind === 'name' && fc.isFloatLocal(only.id)) {
        fc.writeFloatLocal(only.id, floatValue(fc, s.value));
        return;
      }
      const v = expr(fc, s.value);
      for (const t of s.targets) assign(fc, t, v);
      return;
    }
    case 'augassign': {
      const t = s.target;
      if (t.kind === 'name' && fc.isFloatLocal(t.id)) {
        const sum: Expr = { kind: 'binop', op: s.op, left: t, right: s.value, line: s.line, col: s.col };
        fc.writeFloatLocal(t.id, floatValue(fc, sum));
        return;
      }
      if (t.kind === 'name') {
        const cur = expr(fc, t);
        const r = expr(fc, s.value);
        fc.line = s.line;
        assign(fc, t, augmented(fc, s.op, cur, r, s.value));
        return;
      }
      if (t.kind === 'attr') {
        const o = expr(fc, t.obj);
        const name = fc.str(t.name);
        fc.line = t.line;
        const cur = fc.call('py.getattr', [o, name]);
        const r = expr(fc, s.value);
        fc.line = s.line;
        fc.call('py.setattr', [o, name, augmented(fc, s.op, cur, r)], null);
        return;
      }
      if (t.kind !== 'subscript')
        return unsupported(fc.info, 'augmented assignment to this target is not supported', t);
      const o = expr(fc, t.obj);
      const i = expr(fc, t.index);
      fc.line = s.line;
      const fromStart = literalFromStart(t.index);
      const cur = fc.fastPaths ? inlineGetitem(fc, o, i, fromStart) : fc.call('py.getitem', [o, i]);
      const r = expr(fc, s.value);
      fc.line = s.line;
      const nv = augmented(fc, s.op, cur, r, s.value);
      if (fc.fastPaths) inlineSetitem(fc, o, i, nv, fromStart);
      else fc.call('py.setitem', [o, i, nv], null);
      return;
    }
    case 'if': {
      // An `elif` is an `if` alone in the else branch: the chain is compiled in a loop.
      const done = fc.newBlock('endif');
      for (let clause: Stmt & { kind: 'if' } = s; ; ) {
        const yes = fc.newBlock('then');
        const no = fc.newBlock('else');
        fc.line = clause.line;
        branchOn(fc, clause.test, yes, no);
        fc.enter(yes);
        statements(fc, clause.body);
        fc.jump(done);
        fc.enter(no);
        const next: Stmt | null = clause.orelse.length === 1 ? clause.orelse[0]! : null;
        if (next?.kind === 'if') {
          clause = next;
          continue;
        }
        statements(fc, clause.orelse);
        fc.jump(done);
        break;
      }
      fc.enter(done);
      return;
    }
    case 'while': {
      const head = fc.newBlock('while');
      const body = fc.newBlock('body');
      const orelse = fc.newBlock('while.else');
      const exit = fc.newBlock('while.end');
      fc.jump(head);
      fc.enter(head, false);
      branchOn(fc, s.test, body, orelse);
      fc.enter(body);
      loopBody(fc, s.body, head, exit);
      fc.vars.seal(head);
      fc.enter(orelse);
      statements(fc, s.orelse);
      fc.jump(exit);
      fc.enter(exit);
      return;
    }
    case 'for': {
      // A generator's loops may yield: their state is in variables (saved at a yield), not
      // in values held by the compiler, so the counting loop over range() is not used there.
      const rangeArgs = fc.generator ? null : rangeCallArgs(fc, s.iter);
      if (rangeArgs) {
        forRange(fc, s, rangeArgs);
        return;
      }
      const it = fc.call('py.iter', [iterable(fc, s.iter)]);
      const itVar = fc.generator ? fc.ownVar('for.it', 'ref') : null;
      if (itVar) fc.writeLocal(itVar, it);
      const head = fc.newBlock('for');
      const body = fc.newBlock('body');
      const orelse = fc.newBlock('for.else');
      const exit = fc.newBlock('for.end');
      fc.jump(head);
      fc.enter(head, false);
      const headBlock = head;
      fc.line = s.line;
      const item = fc.call('py.next', [itVar ? fc.vars.read(fc.block, itVar) : it]);
      fc.branch(fc.isNull(item), orelse, body);
      fc.enter(body);
      assign(fc, s.target, item);
      loopBody(fc, s.body, headBlock, exit);
      fc.vars.seal(headBlock);
      fc.enter(orelse);
      statements(fc, s.orelse);
      fc.jump(exit);
      fc.enter(exit);
      return;
    }
    case 'break':
    case 'continue': {
      const loop = fc.loops[fc.loops.length - 1]!;
      runFinallies(fc, loop.finallyDepth);
      fc.jump(s.kind === 'break' ? loop.breakTo : loop.continueTo);
      fc.enterDead();
      return;
    }
    case 'yield': {
      if (!fc.generator) unsupported(fc.info, "'yield' outside function", s);
      if (s.from) yieldFrom(fc, s);
      else {
        const v = s.value ? expr(fc, s.value) : fc.none();
        fc.line = s.line;
        yieldValue(fc, v);
      }
      return;
    }
    case 'return': {
      const v = s.value ? expr(fc, s.value) : fc.none();
      if (fc.generator) {
        // The value would be StopIteration's; nothing here reads it (docs/python.md).
        runFinallies(fc, 0);
        finishResume(fc);
        fc.enterDead();
        return;
      }
      runFinallies(fc, 0);
      b.emit('call', [], { sym: 'py.leave' });
      b.ret(v);
      fc.enterDead();
      return;
    }
    case 'assert': {
      const ok = fc.newBlock('assert.ok');
      const fail = fc.newBlock('assert.fail');
      branchOn(fc, s.test, ok, fail);
      fc.enter(fail);
      const msg = s.msg ? expr(fc, s.msg) : fc.none();
      fc.line = s.line;
      fc.call('py.raise_error', [b.iconst(exceptionClassRef('AssertionError')), msg], null);
      b.emit('unreachable');
      fc.enter(ok);
      return;
    }
    case 'raise': {
      if (s.exc) {
        const v = expr(fc, s.exc);
        fc.line = s.line;
        fc.call('py.raise', [v], null);
        b.emit('unreachable');
      } else {
        const cur = fc.currentExc[fc.currentExc.length - 1];
        if (!cur) {
          fc.call(
            'py.raise_error',
            [b.iconst(exceptionClassRef('RuntimeError')), fc.str('No active exception to reraise')],
            null,
          );
          b.emit('unreachable');
        } else fc.jump(fc.handlers[fc.handlers.length - 1]!, [cur.exc, cur.line]);
      }
      fc.enterDead();
      return;
    }
    case 'del':
      for (const t of s.targets) {
        if (t.kind !== 'subscript') continue;
        const o = expr(fc, t.obj);
        const i = expr(fc, t.index);
        fc.line = s.line;
        fc.call('py.delitem.key', [o, i], null);
      }
      return;
    case 'try':
      tryStatement(fc, s);
      return;
    case 'class':
      classStatement(fc, s);
      return;
    case 'def':
      if (fc.defHook) return fc.defHook(s);
      assign(fc, { kind: 'name', id: s.name, line: s.line, col: s.col }, makeFunction(fc, s));
      return;
  }
}

/** The arguments of `range(...)` when a `for` iterates over a call of the builtin range. */
function rangeCallArgs(fc: FunctionCompiler, e: Expr): Expr[] | null {
  if (e.kind !== 'call' || e.func.kind !== 'name' || e.func.id !== 'range' || e.keywords.length > 0) return null;
  if (e.args.length < 1 || e.args.length > 3 || !isBuiltinName(fc, 'range')) return null;
  return e.args;
}

/** The sign of a step known at compile time: a literal int, or its negation. */
function literalSign(e: Expr | undefined): number | null {
  if (!e) return 1;
  if (e.kind === 'int') return e.value > 0n ? 1 : e.value < 0n ? -1 : null;
  if (e.kind === 'unary' && e.op === '-' && e.operand.kind === 'int') return e.operand.value > 0n ? -1 : null;
  return null;
}

/**
 * `for x in range(...)` as a counting loop: no range object, no iterator, no call per
 * iteration. The loop counts in a raw i32 (start, stop and step are small ints, so
 * pos + step cannot wrap); `x` gets the tagged counter. Arguments that are not all small
 * ints, or a zero step, go through the builtin range(), which converts bools and raises
 * CPython's errors, and the loop counts over the range object's bounds.
 */
function forRange(fc: FunctionCompiler, s: Stmt & { kind: 'for' }, args: Expr[]): void {
  const b = fc.b;
  const values = args.map((a) => expr(fc, a));
  fc.line = s.line;
  const one = b.iconst(1);
  const [start, stop, step] =
    values.length === 1
      ? [fc.smallInt(0), values[0]!, fc.smallInt(1)]
      : [values[0]!, values[1]!, values[2] ?? fc.smallInt(1)];
  const [startBits, stopBits, stepBits] = [start, stop, step].map((v) => b.emit('ref.bits', [v])) as [
    number,
    number,
    number,
  ];
  const allSmall = b.emit('iand', [b.emit('iand', [b.emit('iand', [startBits, stopBits]), stepBits]), one]);
  const stepNonzero = b.emit('icmp.ne', [stepBits, one]);
  const fast = fc.newBlock('range.fast');
  const slow = fc.newBlock('range.slow');
  const setup = fc.newBlock('range', ['i32', 'i32', 'i32']);
  fc.branch(b.emit('iand', [allSmall, stepNonzero]), fast, slow);
  fc.enter(fast);
  fc.jump(
    setup,
    [startBits, stopBits, stepBits].map((x) => b.emit('isar', [x, one])),
  );
  fc.enter(slow);
  const r = fc.call('py.builtin', [b.iconst(builtinIndex('range')), fc.tuple(values)]);
  fc.jump(
    setup,
    ['start', 'stop', 'step'].map((f) => b.emit('get', [r], { sym: 'range', field: f })),
  );
  fc.enter(setup);
  const [first, end, by] = setup.params as [number, number, number];
  const sign = literalSign(args.length === 3 ? args[2] : undefined);
  // With a step of unknown sign, counting up or down is decided once, before the loop.
  const countsUp = sign === null ? b.emit('icmp.sgt', [by, b.iconst(0)]) : null;
  const counter = fc.ownVar('range', 'i32');
  fc.vars.write(fc.block, counter, first);

  const head = fc.newBlock('for');
  const body = fc.newBlock('body');
  const orelse = fc.newBlock('for.else');
  const exit = fc.newBlock('for.end');
  fc.jump(head);
  fc.enter(head, false);
  const pos = fc.vars.read(head, counter);
  const below = (): number => b.emit('icmp.slt', [pos, end]);
  const above = (): number => b.emit('icmp.sgt', [pos, end]);
  const more = countsUp !== null ? b.emit('select', [countsUp, below(), above()]) : sign === 1 ? below() : above();
  fc.branch(more, body, orelse);
  fc.enter(body);
  fc.vars.write(body, counter, b.emit('iadd', [pos, by]));
  assign(fc, s.target, b.emit('ref.from_bits', [b.emit('ior', [b.emit('ishl', [pos, one]), one])]));
  loopBody(fc, s.body, head, exit);
  fc.vars.seal(head);
  fc.enter(orelse);
  statements(fc, s.orelse);
  fc.jump(exit);
  fc.enter(exit);
}

function loopBody(
  fc: FunctionCompiler,
  body: Stmt[],
  head: ReturnType<FunctionCompiler['newBlock']>,
  exit: ReturnType<FunctionCompiler['newBlock']>,
): void {
  fc.loops.push({
    continueTo: head,
    breakTo: exit,
    handlerDepth: fc.handlers.length,
    finallyDepth: fc.finallies.length,
  });
  statements(fc, body);
  fc.loops.pop();
  fc.jump(head);
}

/** Replays the bodies of the finally frames above `depth`, innermost first. */
function runFinallies(fc: FunctionCompiler, depth: number): void {
  const saved = fc.finallies.splice(depth);
  const handlers = fc.handlers.slice();
  for (let i = saved.length - 1; i >= 0; i--) {
    const f = saved[i]!;
    fc.handlers.length = f.handlerDepth;
    statements(fc, f.body);
  }
  fc.handlers.splice(0, fc.handlers.length, ...handlers);
  fc.finallies.push(...saved);
}

function tryStatement(fc: FunctionCompiler, s: Stmt & { kind: 'try' }): void {
  const done = fc.newBlock('try.end');
  const outerDepth = fc.handlers.length;
  let finallyHandler = null;
  if (s.finalbody.length > 0) {
    finallyHandler = fc.newHandler();
    fc.finallies.push({ body: s.finalbody, handlerDepth: outerDepth, loopDepth: fc.loops.length });
    fc.handlers.push(finallyHandler);
  }
  const hasExcept = s.handlers.length > 0;
  const exceptHandler = hasExcept ? fc.newHandler() : null;
  if (exceptHandler) fc.handlers.push(exceptHandler);
  statements(fc, s.body);
  if (exceptHandler) fc.handlers.pop();
  statements(fc, s.orelse);
  const leave = (): void => {
    if (finallyHandler) {
      const frame = fc.finallies.pop()!;
      const hs = fc.handlers.splice(outerDepth);
      statements(fc, s.finalbody);
      fc.handlers.push(...hs);
      fc.finallies.push(frame);
    }
    fc.jump(done);
  };
  leave();

  if (exceptHandler) {
    fc.enter(exceptHandler);
    const [exc, line] = exceptHandler.params as [number, number];
    fc.b.emit('call', [exc, line], { sym: 'py.note_line' });
    for (const h of s.handlers) {
      const body = fc.newBlock('except.body');
      const next = fc.newBlock('except.next');
      if (h.type) {
        const spec = expr(fc, h.type);
        fc.line = h.line;
        fc.branch(fc.call('py.exc_match', [exc, spec], 'i32'), body, next);
      } else fc.jump(body);
      fc.enter(body);
      if (h.name) assign(fc, { kind: 'name', id: h.name, line: h.line, col: h.col }, exc);
      fc.currentExc.push({ exc, line });
      statements(fc, h.body);
      fc.currentExc.pop();
      leave();
      fc.enter(next);
    }
    fc.jump(fc.handlers[fc.handlers.length - 1]!, [exc, line]);
  }
  if (finallyHandler) {
    fc.finallies.pop();
    fc.handlers.pop();
    fc.enter(finallyHandler);
    const [exc, line] = finallyHandler.params as [number, number];
    fc.b.emit('call', [exc, line], { sym: 'py.note_line' });
    statements(fc, s.finalbody);
    fc.jump(fc.handlers[fc.handlers.length - 1]!, [exc, line]);
  }
  fc.enter(done);
}

/** Binds a value to a target: a name, a subscript, or a tuple/list of targets. */
export function assign(fc: FunctionCompiler, t: Expr, v: number): void {
  const b = fc.b;
  switch (t.kind) {
    case 'name': {
      const cell = fc.renames.has(t.id) ? -1 : fc.cellOf(t.id);
      if (fc.renames.has(t.id)) fc.writeLocal(fc.renames.get(t.id)!, v);
      else if (cell >= 0) fc.writeCell(cell, v);
      else if (fc.isFloatLocal(t.id)) fc.writeFloatLocal(t.id, b.emit('get', [v], { sym: 'float', field: 'v' }));
      else if (fc.locals?.has(t.id)) fc.writeLocal(t.id, v);
      else b.emit('gset', [v], { sym: `g.${t.id}` });
      return;
    }
    case 'subscript': {
      const o = expr(fc, t.obj);
      const i = expr(fc, t.index);
      fc.line = t.line;
      if (fc.fastPaths) inlineSetitem(fc, o, i, v, literalFromStart(t.index));
      else fc.call('py.setitem', [o, i, v], null);
      return;
    }
    case 'attr': {
      const o = expr(fc, t.obj);
      fc.line = t.line;
      fc.call('py.setattr', [o, fc.str(t.name), v], null);
      return;
    }
    case 'tuple':
    case 'list': {
      const tuple = fc.call('py.unpack', [fc.call('py.drain', [v]), b.iconst(t.elts.length)]);
      t.elts.forEach((x, i) => assign(fc, x, b.emit('aget', [tuple, b.iconst(i)], { sym: 'tuple' })));
      return;
    }
    default:
      unsupported(fc.info, 'cannot assign to this expression', t);
  }
}
