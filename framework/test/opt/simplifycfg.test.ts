import test from 'ava';
import { FuncBuilder } from '../../src/ir/builder.ts';
import { Module } from '../../src/ir/module.ts';
import { simplifycfg } from '../../src/opt/passes/simplifycfg.ts';
import { checkPassPreserves } from '../helpers/pass-check.ts';
import { countOps, funcOf } from '../helpers/run-module.ts';

test('removes unreachable blocks and merges a straight line of blocks', (t) => {
  const build = (): Module => {
    const m = new Module();
    const f = new FuncBuilder(m, 'f', { params: ['i32'], result: 'i32' });
    const x = f.params[0]!;
    const a = f.block('a', ['i32']);
    const b = f.block('b', ['i32']);
    const dead = f.block('dead');
    f.br(a, [f.emit('iadd', [x, x])]);
    f.switchTo(a);
    f.br(b, [f.emit('imul', [a.params[0]!, x])]);
    f.switchTo(dead);
    f.br(b, [f.iconst(0)]);
    f.switchTo(b);
    f.ret(b.params[0]);
    return m;
  };
  const m = checkPassPreserves(t, build, simplifycfg, [['f', [3]]]);
  t.is(funcOf(m, 'f').blocks.length, 1);
});

test('threads edges through empty blocks, mapping their parameters', (t) => {
  const build = (): Module => {
    const m = new Module();
    const f = new FuncBuilder(m, 'f', { params: ['i32', 'i32'], result: 'i32' });
    const [c, x] = f.params as [number, number];
    const hop1 = f.block('hop1', ['i32']);
    const hop2 = f.block('hop2', ['i32', 'i32']);
    const other = f.block('other');
    const join = f.block('join', ['i32', 'i32']);
    f.brif(c, hop1, [x], other, []);
    f.switchTo(hop1);
    f.br(hop2, [hop1.params[0]!, c]);
    f.switchTo(hop2);
    f.br(join, [hop2.params[1]!, hop2.params[0]!]);
    f.switchTo(other);
    f.br(join, [f.iconst(100), f.iconst(7)]);
    f.switchTo(join);
    f.ret(f.emit('isub', [join.params[0]!, join.params[1]!]));
    return m;
  };
  const m = checkPassPreserves(t, build, simplifycfg, [
    ['f', [1, 5]],
    ['f', [0, 5]],
  ]);
  const names = funcOf(m, 'f').blocks.map((b) => b.name);
  t.false(names.includes('hop1'));
  t.false(names.includes('hop2'));
});

test('keeps an empty cold block: the mark the layout reads', (t) => {
  const build = (): Module => {
    const m = new Module();
    const f = new FuncBuilder(m, 'f', { params: ['i32', 'i32'], result: 'i32' });
    const [c, x] = f.params as [number, number];
    const generic = f.block('generic');
    generic.cold = true;
    const slow = f.block('slow');
    const join = f.block('join', ['i32']);
    f.brif(c, generic, [], join, [x]);
    f.switchTo(generic);
    f.br(slow, []);
    f.switchTo(slow);
    f.br(join, [f.emit('imul', [x, x])]);
    f.switchTo(join);
    f.ret(join.params[0]);
    return m;
  };
  const m = checkPassPreserves(t, build, simplifycfg, [
    ['f', [1, 5]],
    ['f', [0, 5]],
  ]);
  const generic = funcOf(m, 'f').blocks.find((b) => b.name === 'generic');
  t.truthy(generic);
  t.true(generic!.cold);
});

test('does not bypass an empty block whose parameter later blocks read', (t) => {
  const build = (): Module => {
    const m = new Module();
    const f = new FuncBuilder(m, 'f', { params: ['i32'], result: 'i32' });
    const c = f.params[0]!;
    const hop = f.block('hop', ['i32']);
    const next = f.block('next');
    const yes = f.block('yes');
    f.brif(c, hop, [f.iconst(1)], hop, [f.iconst(2)]);
    f.switchTo(hop);
    f.br(next);
    f.switchTo(next);
    f.brif(c, yes, [], yes, []);
    f.switchTo(yes);
    f.ret(hop.params[0]);
    return m;
  };
  const m = checkPassPreserves(t, build, simplifycfg, [
    ['f', [1]],
    ['f', [0]],
  ]);
  t.is(countOps(funcOf(m, 'f'), 'brif'), 1, 'the second brif collapses, the first keeps its two arguments');
});

test('brif with equal edges becomes br; empty infinite loops are left alone', (t) => {
  const build = (): Module => {
    const m = new Module();
    const f = new FuncBuilder(m, 'f', { params: ['i32'], result: 'i32' });
    const c = f.params[0]!;
    const spin1 = f.block('spin1');
    const spin2 = f.block('spin2');
    const out = f.block('out', ['i32']);
    const k = f.iconst(4);
    f.brif(f.emit('icmp.eq', [c, f.iconst(99)]), spin1, [], out, [k]);
    f.switchTo(spin1);
    f.br(spin2);
    f.switchTo(spin2);
    f.br(spin1);
    f.switchTo(out);
    const same = f.block('same', ['i32']);
    f.brif(c, same, [out.params[0]!], same, [out.params[0]!]);
    f.switchTo(same);
    f.ret(same.params[0]);
    return m;
  };
  const m = checkPassPreserves(t, build, simplifycfg, [
    ['f', [1]],
    ['f', [0]],
  ]);
  t.is(countOps(funcOf(m, 'f'), 'brif'), 1);
  t.false(simplifycfg.run(m), 'a second run finds nothing to do');
});
