import test from 'ava';
import { FuncBuilder } from '../../src/ir/builder.ts';
import { Module } from '../../src/ir/module.ts';
import { dce } from '../../src/opt/passes/dce.ts';
import { checkPassPreserves } from '../helpers/pass-check.ts';
import { countOps, funcOf } from '../helpers/run-module.ts';

function withPrint(m: Module): Module {
  m.externs.push({ name: 'print_i32', sig: { params: ['i32'], result: null }, collects: false, raises: false });
  return m;
}

test('removes unused pure instructions, chains included, and keeps effects', (t) => {
  const build = (): Module => {
    const m = withPrint(new Module());
    m.types.push({ kind: 'struct', name: 'box', fields: [{ name: 'v', kind: 'i32' }] });
    const g = new FuncBuilder(m, 'g', { params: [], result: 'i32' });
    g.call('print_i32', [g.iconst(42)]);
    g.ret(g.iconst(1));
    const f = new FuncBuilder(m, 'f', { params: ['i32'], result: 'i32' });
    const x = f.params[0]!;
    const unused = f.emit('imul', [f.emit('iadd', [x, f.iconst(3)]), x]);
    void unused;
    f.emit('sdiv', [f.iconst(10), x]);
    f.emit('srem', [x, f.iconst(3)]);
    f.call('g', []);
    const box = f.emit('new', [], { sym: 'box' });
    f.emit('get', [box], { sym: 'box', field: 'v' });
    f.ret(x);
    return m;
  };
  const m = checkPassPreserves(t, build, dce, [
    ['f', [5]],
    ['f', [0]],
  ]);
  const f = funcOf(m, 'f');
  t.is(countOps(f, 'imul'), 0);
  t.is(countOps(f, 'iadd'), 0);
  t.is(countOps(f, 'sdiv'), 1, 'may divide by zero');
  t.is(countOps(f, 'srem'), 0, 'cannot trap: the divisor is the constant 3');
  t.is(countOps(f, 'call'), 1);
  t.is(countOps(f, 'new'), 1);
  t.is(countOps(f, 'get'), 1, 'may trap');
});

test('removes loop-carried values that only feed themselves', (t) => {
  const build = (): Module => {
    const m = new Module();
    const f = new FuncBuilder(m, 'f', { params: ['i32'], result: 'i32' });
    const n = f.params[0]!;
    const head = f.block('head', ['i32', 'i32', 'f64']);
    const body = f.block('body');
    const exit = f.block('exit');
    f.br(head, [f.iconst(0), f.iconst(0), f.fconst(1)]);
    f.switchTo(head);
    const [i, junk, fjunk] = head.params as [number, number, number];
    f.brif(f.emit('icmp.slt', [i, n]), body, [], exit, []);
    f.switchTo(body);
    const one = f.iconst(1);
    f.br(head, [f.emit('iadd', [i, one]), f.emit('imul', [junk, n]), f.emit('fadd', [fjunk, fjunk])]);
    f.switchTo(exit);
    f.ret(i);
    return m;
  };
  const m = checkPassPreserves(t, build, dce, [['f', [4]]]);
  const f = funcOf(m, 'f');
  t.is(f.blocks[1]!.params.length, 1);
  t.is(countOps(f, 'imul'), 0);
  t.is(countOps(f, 'fadd'), 0);
});

test('keeps function parameters and the exception parameter', (t) => {
  const build = (): Module => {
    const m = new Module();
    const g = new FuncBuilder(m, 'g', { params: [], result: 'i32' });
    g.emit('raise', [g.emit('ref.from_bits', [g.iconst(7)])]);
    const f = new FuncBuilder(m, 'f', { params: ['i32', 'f64'], result: 'i32' });
    const ok = f.block('ok', ['i32']);
    const handler = f.block('handler', ['ref', 'i32']);
    f.emitFused('call', [], { sym: 'g' }, (r) => ({ block: ok, args: [r] }), { block: handler, args: [f.iconst(3)] });
    f.switchTo(ok);
    f.ret(f.iconst(0));
    f.switchTo(handler);
    f.ret(f.iconst(1));
    return m;
  };
  const m = checkPassPreserves(t, build, dce, [['f', [1, 2]]]);
  const [entry, ok, handler] = funcOf(m, 'f').blocks;
  t.is(entry!.params.length, 2);
  t.is(ok!.params.length, 0);
  t.is(handler!.params.length, 1);
});
