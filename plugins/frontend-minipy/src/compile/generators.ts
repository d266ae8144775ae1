import type { Block, Target, ValType } from '#framework';
import type { Stmt } from '../syntax/ast.ts';
import { exceptionClassRef, GENERATOR_KIND } from '../runtime/tags.ts';
import { allParams } from './closures.ts';
import { CLOSURE_PARAM, FunctionCompiler } from './function-compiler.ts';
import { expr } from './expressions.ts';
import { statements } from './statements.ts';

// A generator function compiles to two IR functions (see docs/decisions.md, "generators as
// resumable frames"):
// - the function itself (`f.gen`, called like any other) makes the generator object: an
//   `:iter` of kind GENERATOR_KIND whose `obj` is the frame (a tuple: the qualname, then one
//   slot per saved variable), `pos` the state (0: not started, k: suspended at yield k, -1:
//   finished or running) and `stop` the index of the resume function;
// - the resume function (`f.gen$resume(gen) -> ref`), which @py.next calls: it switches on
//   the state to the body's start or to the point after a yield, runs to the next yield and
//   returns its value, or returns null when the body ends (exhaustion).
// At a yield every live variable (the Python locals, the closure, the compiler's own
// variables such as an iterator) is stored in the frame; the code after the yield reloads
// them. No stack is kept between resumptions, so nothing depends on the backend.

const GEN_PARAM = 'gen$';
const ITER = (field: string): { sym: string; field: string } => ({ sym: 'iter', field });

/** The layout of a generator's frame and its resume points, built while compiling its body. */
export class GeneratorFrame {
  private readonly slots = new Map<string, number>();
  /** The switch's targets for the resume points, yield k at index k - 1. */
  readonly resumes: Target[] = [];

  constructor(readonly dispatch: Block) {}

  /** The frame slot of a variable (slot 0 holds the qualname). */
  slot(name: string): number {
    let i = this.slots.get(name);
    if (i === undefined) this.slots.set(name, (i = this.slots.size + 1));
    return i;
  }
  get size(): number {
    return this.slots.size + 1;
  }
}

type Def = Stmt & { kind: 'def' };

/**
 * Compiles generator function `node` whose shell `creator` (named `irName`, with the def's
 * parameters, the closure first when `closed`) is still empty: its body makes the
 * generator object; the def's body goes to `irName$resume`.
 */
export function compileGenerator(creator: FunctionCompiler, node: Def, irName: string, closed: boolean): void {
  const params = closed ? [CLOSURE_PARAM, ...allParams(node)] : allParams(node);
  const resumeName = `${irName}$resume`;
  const frame = compileResume(creator, node, resumeName, params);
  const c = creator;
  const b = c.b;
  const f = b.emit('new_array', [b.iconst(frame.size)], { sym: 'tuple' });
  b.emit('aset', [f, b.iconst(0), c.str(c.scope?.qualname ?? node.name)], { sym: 'tuple' });
  for (const p of params) b.emit('aset', [f, b.iconst(frame.slot(p)), c.vars.read(c.block, p)], { sym: 'tuple' });
  const gen = b.emit('new', [], { sym: 'iter' });
  b.emit('set', [gen, f], ITER('obj'));
  b.emit('set', [gen, b.iconst(0)], ITER('pos'));
  b.emit('set', [gen, b.emit('fref', [], { sym: resumeName })], ITER('stop'));
  b.emit('set', [gen, b.iconst(GENERATOR_KIND)], ITER('kind'));
  b.ret(gen);
  c.finish();
}

function compileResume(creator: FunctionCompiler, node: Def, name: string, params: string[]): GeneratorFrame {
  const rc = new FunctionCompiler(creator.info, name, ['ref'], [GEN_PARAM], creator.locals);
  rc.scope = creator.scope;
  rc.classGlobal = creator.classGlobal;
  rc.selfName = creator.selfName;
  rc.line = node.line;
  const b = rc.b;
  const gen = b.params[0]!;
  const state = b.emit('get', [gen], ITER('pos'));
  // Running or done: a next() from inside the body, or after it raised, finds it exhausted.
  b.emit('set', [gen, b.iconst(-1)], ITER('pos'));
  rc.call('py.enter', [], null);
  const frame = new GeneratorFrame(rc.block);
  rc.generator = frame;
  const dispatch = rc.block;
  const start = resumePoint(rc, dispatch);
  rc.enter(start.block);
  const slots = b.emit('get', [gen], ITER('obj'));
  for (const p of params) rc.writeLocal(p, b.emit('aget', [slots, b.iconst(frame.slot(p))], { sym: 'tuple' }));
  rc.initCells();
  // PEP 479: a StopIteration escaping the body becomes a RuntimeError.
  const guard = rc.newHandler();
  rc.handlers.push(guard);
  statements(rc, node.body);
  finishResume(rc);
  rc.handlers.pop();
  rc.line = node.line;
  convertStopIteration(rc, guard);
  const done = resumePoint(rc, dispatch);
  rc.enter(done.block);
  finishResume(rc);
  b.switchTo(dispatch);
  const cases = frame.resumes.map((_, k) => k + 1);
  b.emit('switch', [state], { targets: [done, start, ...frame.resumes], cases: [0, ...cases] });
  rc.finish();
  return frame;
}

/** The handler around a generator's body: StopIteration becomes RuntimeError, anything
 *  else goes on to the function's own handler. */
function convertStopIteration(rc: FunctionCompiler, guard: Block): void {
  const b = rc.b;
  rc.enter(guard);
  const [exc, line] = guard.params as [number, number];
  const stop = rc.call('py.exc_match', [exc, rc.imm(exceptionClassRef('StopIteration'))], 'i32');
  const converted = rc.newBlock('gen.stop');
  const other = rc.newBlock('gen.raise');
  rc.branch(stop, converted, other);
  rc.enter(converted);
  b.emit('call', [exc, line], { sym: 'py.note_line' });
  const message = rc.str('generator raised StopIteration');
  rc.call('py.raise_error', [b.iconst(exceptionClassRef('RuntimeError')), message], null);
  b.emit('unreachable');
  rc.enter(other);
  rc.jump(rc.handlers[0]!, [exc, line]);
}

function resumePoint(fc: FunctionCompiler, dispatch: Block): Target {
  const target: Target = { block: fc.newBlock('gen.resume'), args: [] };
  fc.vars.addEdge(dispatch, target);
  return target;
}

/** The end of the body (or a `return` in it): the generator is exhausted. */
export function finishResume(fc: FunctionCompiler): void {
  fc.b.emit('call', [], { sym: 'py.leave' });
  fc.b.ret(fc.b.emit('rnull', []));
}

/** The variables a yield saves: Python locals (not cells), the closure, the compiler's own. */
function savedVariables(fc: FunctionCompiler): [string, ValType][] {
  const out: [string, ValType][] = [];
  for (const n of fc.locals ?? []) if (!fc.scope?.cells.has(n)) out.push([n, 'ref']);
  if (fc.scope && fc.scope.free.length > 0) out.push([CLOSURE_PARAM, 'ref']);
  for (const [n, t] of fc.vars.declared()) out.push([n, t]);
  return out;
}

/** `yield v`: saves the variables, returns `v`; compilation goes on at the resume point. */
export function yieldValue(fc: FunctionCompiler, v: number): void {
  const g = fc.generator!;
  const b = fc.b;
  const saved = savedVariables(fc);
  const frameOf = (): number => b.emit('get', [fc.vars.read(fc.block, GEN_PARAM)], ITER('obj'));
  const f = frameOf();
  for (const [n, t] of saved)
    b.emit('aset', [f, b.iconst(g.slot(n)), encode(fc, fc.vars.read(fc.block, n), t)], { sym: 'tuple' });
  const target = resumePoint(fc, g.dispatch);
  g.resumes.push(target);
  b.emit('set', [fc.vars.read(fc.block, GEN_PARAM), b.iconst(g.resumes.length)], ITER('pos'));
  b.emit('call', [], { sym: 'py.leave' });
  b.ret(v);
  fc.enter(target.block);
  const f2 = frameOf();
  for (const [n, t] of saved) {
    const x = decode(fc, b.emit('aget', [f2, b.iconst(g.slot(n))], { sym: 'tuple' }), t);
    if (t === 'ref' && !n.includes('$')) fc.reloaded.add(x);
    fc.vars.write(fc.block, n, x);
  }
}

/** A variable's value as a frame slot: i32s as small ints (the compiler's own i32 variables
 *  are loop counters within range), f64s boxed. */
function encode(fc: FunctionCompiler, v: number, t: ValType): number {
  const b = fc.b;
  if (t === 'i32') return b.emit('ref.from_bits', [b.emit('ior', [b.emit('ishl', [v, b.iconst(1)]), b.iconst(1)])]);
  if (t === 'f64') {
    const box = b.emit('new', [], { sym: 'float' });
    b.emit('set', [box, v], { sym: 'float', field: 'v' });
    return box;
  }
  return v;
}
function decode(fc: FunctionCompiler, v: number, t: ValType): number {
  const b = fc.b;
  if (t === 'i32') return b.emit('isar', [b.emit('ref.bits', [v]), b.iconst(1)]);
  if (t === 'f64') return b.emit('get', [v], { sym: 'float', field: 'v' });
  return v;
}

/** `yield from it`: each value of the iterable in turn, the iterator kept in a variable. */
export function yieldFrom(fc: FunctionCompiler, iterable: Stmt & { kind: 'yield' }): void {
  const itVar = fc.ownVar('yield.from', 'ref');
  const it = fc.call('py.iter', [expr(fc, iterable.value!)]);
  fc.writeLocal(itVar, it);
  const head = fc.newBlock('yield.from');
  const body = fc.newBlock('yield.from.body');
  const exit = fc.newBlock('yield.from.end');
  fc.jump(head);
  fc.enter(head, false);
  fc.line = iterable.line;
  const item = fc.call('py.next', [fc.vars.read(fc.block, itVar)]);
  fc.branch(fc.isNull(item), exit, body);
  fc.enter(body);
  yieldValue(fc, item);
  fc.jump(head);
  fc.vars.seal(head);
  fc.enter(exit);
}
