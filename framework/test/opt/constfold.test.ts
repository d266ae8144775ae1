import test from 'ava';
import { FuncBuilder } from '../../src/ir/builder.ts';
import { Module } from '../../src/ir/module.ts';
import { constfold } from '../../src/opt/passes/constfold.ts';
import { checkPassPreserves } from '../helpers/pass-check.ts';
import { countOps, funcOf } from '../helpers/run-module.ts';

const INT_MIN = -2147483648;

/** `@f() -> T` computing `op` on constants. */
function binary(op: string, type: 'i32' | 'f64', a: number, b: number): () => Module {
  return () => {
    const m = new Module();
    const f = new FuncBuilder(m, 'f', { params: [], result: op.startsWith('fcmp') || type === 'i32' ? 'i32' : 'f64' });
    const k = (x: number): number => (type === 'i32' ? f.iconst(x) : f.fconst(x));
    f.ret(f.emit(op, [k(a), k(b)]));
    return m;
  };
}

test('folds integer ops on constants, with the table semantics', (t) => {
  for (const [op, a, b] of [
    ['iadd', 2147483647, 1],
    ['imul', 65536, 65536],
    ['ishl', 1, 33],
    ['ishr', -1, 28],
    ['icmp.ult', -1, 1],
  ] as const) {
    const m = checkPassPreserves(t, binary(op, 'i32', a, b), constfold, [['f', []]]);
    t.is(countOps(funcOf(m, 'f'), op), 0, op);
  }
});

test('folds float ops exactly, NaN and -0 included', (t) => {
  for (const [op, a, b] of [
    ['fdiv', 0, 0],
    ['fmul', -0, 5],
    ['fsub', 0.1, 0.2],
    ['fcmp.ne', NaN, NaN],
    ['fcmp.lt', NaN, 1],
  ] as const) {
    const m = checkPassPreserves(t, binary(op, 'f64', a, b), constfold, [['f', []]]);
    t.is(countOps(funcOf(m, 'f'), op), 0, op);
  }
  const m = binary('fmul', 'f64', -0, 5)();
  constfold.run(m);
  const c = funcOf(m, 'f').entry.insts.find((i) => i.op.name === 'fconst' && Object.is(i.imm, -0));
  t.truthy(c, 'the folded -0 keeps its sign');
});

test('folds a division only when the divisor is a non-zero constant', (t) => {
  const byZero = checkPassPreserves(t, binary('sdiv', 'i32', 7, 0), constfold, [['f', []]]);
  t.is(countOps(funcOf(byZero, 'f'), 'sdiv'), 1, 'division by zero still traps');
  const wraps = checkPassPreserves(t, binary('sdiv', 'i32', INT_MIN, -1), constfold, [['f', []]]);
  t.is(countOps(funcOf(wraps, 'f'), 'sdiv'), 0);
  const rem = checkPassPreserves(t, binary('urem', 'i32', -7, 3), constfold, [['f', []]]);
  t.is(countOps(funcOf(rem, 'f'), 'urem'), 0);
});

test('folds chains in one run and a select on a constant condition', (t) => {
  const build = (): Module => {
    const m = new Module();
    const f = new FuncBuilder(m, 'f', { params: ['i32'], result: 'i32' });
    const x = f.params[0]!;
    const c = f.emit('icmp.slt', [f.iconst(1), f.iconst(2)]);
    const s = f.emit('select', [c, x, f.iconst(9)]);
    const d = f.emit('iadd', [f.emit('imul', [f.iconst(3), f.iconst(4)]), f.iconst(1)]);
    f.ret(f.emit('iadd', [s, d]));
    return m;
  };
  const m = checkPassPreserves(t, build, constfold, [
    ['f', [5]],
    ['f', [-1]],
  ]);
  const fn = funcOf(m, 'f');
  t.is(countOps(fn, 'select'), 0);
  t.is(countOps(fn, 'imul'), 0);
  t.is(countOps(fn, 'iadd'), 1, 'the add of the parameter stays');
});

test('refs fold only to rnull', (t) => {
  const build = (bits: number) => (): Module => {
    const m = new Module();
    const f = new FuncBuilder(m, 'f', { params: [], result: 'i32' });
    const r = f.emit('ref.from_bits', [f.iconst(bits)]);
    f.ret(f.emit('ref.is_ptr', [r]));
    return m;
  };
  const zero = checkPassPreserves(t, build(0), constfold, [['f', []]]);
  t.is(countOps(funcOf(zero, 'f'), 'ref.from_bits'), 0);
  const five = checkPassPreserves(t, build(5), constfold, [['f', []]]);
  t.is(countOps(funcOf(five, 'f'), 'ref.from_bits'), 1, 'no opcode makes the ref 5');
  t.is(countOps(funcOf(five, 'f'), 'ref.is_ptr'), 1);
});

test('brif and switch on constants become jumps', (t) => {
  const build = (cond: number) => (): Module => {
    const m = new Module();
    const f = new FuncBuilder(m, 'f', { params: [], result: 'i32' });
    const yes = f.block('yes');
    const no = f.block('no');
    const sw = f.block('sw');
    const a = f.block('a');
    f.brif(f.iconst(cond), yes, [], no, []);
    f.switchTo(yes);
    f.ret(f.iconst(1));
    f.switchTo(no);
    f.br(sw);
    f.switchTo(sw);
    f.emit('switch', [f.iconst(7)], {
      targets: [
        { block: yes, args: [] },
        { block: a, args: [] },
      ],
      cases: [7],
    });
    f.switchTo(a);
    f.ret(f.iconst(2));
    return m;
  };
  for (const cond of [0, 1, -5]) {
    const m = checkPassPreserves(t, build(cond), constfold, [['f', []]]);
    t.is(countOps(funcOf(m, 'f'), 'brif'), 0);
    t.is(countOps(funcOf(m, 'f'), 'switch'), 0);
  }
});

test('overflow-checked ops on constants jump to the edge they would take', (t) => {
  const build = (op: string, a: number, b: number) => (): Module => {
    const m = new Module();
    const f = new FuncBuilder(m, 'f', { params: [], result: 'i32' });
    const ok = f.block('ok', ['i32']);
    const ovf = f.block('ovf', ['i32']);
    const x = f.iconst(a);
    const y = f.iconst(b);
    f.emitFused(op, [x, y], {}, (r) => ({ block: ok, args: [r] }), { block: ovf, args: [x] });
    f.switchTo(ok);
    f.ret(ok.params[0]);
    f.switchTo(ovf);
    f.ret(f.emit('isub', [ovf.params[0]!, f.iconst(1)]));
    return m;
  };
  for (const [op, a, b] of [
    ['iadd_ovf', 2147483647, 1],
    ['iadd_ovf', 5, 6],
    ['isub_ovf', INT_MIN, 1],
    ['imul_ovf', 46341, 46341],
    ['imul_ovf', -46340, 46340],
  ] as const) {
    const m = checkPassPreserves(t, build(op, a, b), constfold, [['f', []]]);
    t.is(countOps(funcOf(m, 'f'), op), 0, `${op} ${a} ${b}`);
  }
});
