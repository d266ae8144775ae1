import test from 'ava';
import { FuncBuilder } from '../../src/ir/builder.ts';
import { Module } from '../../src/ir/module.ts';
import { copyprop } from '../../src/opt/passes/copyprop.ts';
import { checkPassPreserves } from '../helpers/pass-check.ts';
import { countOps, funcOf } from '../helpers/run-module.ts';

test('a join parameter fed the same value from every edge is replaced', (t) => {
  const build = (): Module => {
    const m = new Module();
    const f = new FuncBuilder(m, 'f', { params: ['i32', 'i32'], result: 'i32' });
    const [c, x] = f.params as [number, number];
    const a = f.block('a');
    const b = f.block('b');
    const join = f.block('join', ['i32', 'i32']);
    f.brif(c, a, [], b, []);
    f.switchTo(a);
    f.br(join, [x, c]);
    f.switchTo(b);
    f.br(join, [x, x]);
    f.switchTo(join);
    f.ret(f.emit('iadd', [join.params[0]!, join.params[1]!]));
    return m;
  };
  const m = checkPassPreserves(t, build, copyprop, [
    ['f', [0, 4]],
    ['f', [3, 4]],
  ]);
  const join = funcOf(m, 'f').blocks[3]!;
  t.is(join.params.length, 1, 'only the parameter whose inputs differ stays');
  for (const b of funcOf(m, 'f').blocks)
    for (const tg of b.terminator!.targets) t.is(tg.args.length, tg.block.params.length);
});

test('a loop parameter that only circulates is its initial value', (t) => {
  const build = (): Module => {
    const m = new Module();
    const f = new FuncBuilder(m, 'f', { params: ['i32', 'i32'], result: 'i32' });
    const [n, k] = f.params as [number, number];
    const head = f.block('head', ['i32', 'i32', 'i32']);
    const body = f.block('body');
    const exit = f.block('exit');
    f.br(head, [f.iconst(0), k, f.iconst(0)]);
    f.switchTo(head);
    const [i, kk, acc] = head.params as [number, number, number];
    f.brif(f.emit('icmp.slt', [i, n]), body, [], exit, []);
    f.switchTo(body);
    f.br(head, [f.emit('iadd', [i, f.iconst(1)]), kk, f.emit('iadd', [acc, kk])]);
    f.switchTo(exit);
    f.ret(acc);
    return m;
  };
  const m = checkPassPreserves(t, build, copyprop, [
    ['f', [5, 3]],
    ['f', [0, 3]],
  ]);
  t.is(funcOf(m, 'f').blocks[1]!.params.length, 2);
});

test('select of equal operands is the operand', (t) => {
  const build = (): Module => {
    const m = new Module();
    const f = new FuncBuilder(m, 'f', { params: ['i32', 'f64'], result: 'f64' });
    const [c, x] = f.params as [number, number];
    f.ret(f.emit('fadd', [f.emit('select', [c, x, x]), x]));
    return m;
  };
  const m = checkPassPreserves(t, build, copyprop, [
    ['f', [0, 1.5]],
    ['f', [1, -0]],
  ]);
  t.is(countOps(funcOf(m, 'f'), 'select'), 0);
});

test('the result of a fused op is not propagated out of its edge, nor an exception parameter', (t) => {
  const build = (): Module => {
    const m = new Module();
    const g = new FuncBuilder(m, 'g', { params: ['i32'], result: 'i32' });
    g.ret(g.params[0]);
    const f = new FuncBuilder(m, 'f', { params: ['i32'], result: 'i32' });
    const x = f.params[0]!;
    const ok = f.block('ok', ['i32']);
    const ovf = f.block('ovf');
    const done = f.block('done', ['i32']);
    const handler = f.block('handler', ['ref', 'i32']);
    f.emitFused('iadd_ovf', [x, x], {}, (r) => ({ block: ok, args: [r] }), { block: ovf, args: [] });
    f.switchTo(ok);
    f.emitFused('call', [ok.params[0]!], { sym: 'g' }, (r) => ({ block: done, args: [r] }), {
      block: handler,
      args: [x],
    });
    f.switchTo(ovf);
    f.ret(f.iconst(-1));
    f.switchTo(done);
    f.ret(done.params[0]);
    f.switchTo(handler);
    f.ret(handler.params[1]);
    return m;
  };
  const m = checkPassPreserves(t, build, copyprop, [
    ['f', [3]],
    ['f', [2147483647]],
  ]);
  const [, ok, , done, handler] = funcOf(m, 'f').blocks;
  t.is(ok!.params.length, 1);
  t.is(done!.params.length, 1);
  t.is(handler!.params.length, 1, 'the exception stays, the constant argument goes');
});
