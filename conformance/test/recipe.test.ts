import test from 'ava';
import fc from 'fast-check';
import { opcode } from '../../framework/src/ir/opcodes.ts';
import { printModule } from '../../framework/src/ir/text/printer.ts';
import { assertValid } from '../../framework/src/ir/verify.ts';
import { boehmCollector } from '../../plugins/gc-boehm/src/index.ts';
import { recipeArbitraries } from '../src/gen/arbitrary.ts';
import { lowerRecipe } from '../src/gen/lower-recipe.ts';
import type { Recipe } from '../src/gen/recipe.ts';
import { CHECKED_OPS, DIVISION_OPS, NUMBER_OPS } from '../src/gen/recipe-ops.ts';
import { compareTransformed } from '../src/oracle/differential.ts';

const { recipe } = recipeArbitraries();

test('sampled recipes lower to valid modules, the same module every time', (t) => {
  for (const r of fc.sample(recipe, { numRuns: 150, seed: 17 })) {
    const m = lowerRecipe(r);
    assertValid(m);
    t.is(printModule(lowerRecipe(r)), printModule(m));
  }
});

test('the op pool comes from the opcode table', (t) => {
  const names = new Set(NUMBER_OPS.map((op) => op.name));
  for (const n of ['iadd', 'ishr', 'icmp.uge', 'fcmp.ne', 'fsqrt', 'i2f', 'f2i']) t.true(names.has(n), n);
  for (const n of ['select', 'iconst', 'ref.bits', 'sdiv', 'iadd_ovf']) t.false(names.has(n), n);
  t.deepEqual(DIVISION_OPS.map((op) => op.name).sort(), ['sdiv', 'srem', 'udiv', 'urem']);
  t.deepEqual(CHECKED_OPS.map((op) => op.name).sort(), ['iadd_ovf', 'imul_ovf', 'isub_ovf']);
  for (const op of NUMBER_OPS) t.true(opcode(op.name).pure);
});

test('sampled recipes use every op of the pool', (t) => {
  const used = new Set<string>();
  const walk = (x: unknown): void => {
    if (Array.isArray(x)) x.forEach(walk);
    else if (x !== null && typeof x === 'object') {
      const op = (x as { op?: unknown }).op;
      if (typeof op === 'string') used.add(op);
      Object.values(x).forEach(walk);
    }
  };
  walk(fc.sample(recipe, { numRuns: 400, seed: 3 }));
  for (const op of [...NUMBER_OPS, ...DIVISION_OPS, ...CHECKED_OPS]) t.true(used.has(op.name), op.name);
});

test('references to things not in scope fall back to constants', (t) => {
  const r: Recipe = {
    funcs: [
      {
        params: [],
        result: 'i32',
        body: [
          { k: 'assign', t: 'f64', n: 3, e: { k: 'var', t: 'i32', n: 9 } },
          { k: 'setField', obj: 2, field: 'i', e: { k: 'int', v: 1 } },
          {
            k: 'print',
            t: 'i32',
            e: { k: 'call', t: 'i32', fn: 4, ints: [], floats: [], caught: true, indirect: false },
          },
        ],
        ret: { k: 'elem', elem: 'i8', arr: 5, idx: { k: 'int', v: 1 } },
        tail: { fn: 0, indirect: true, ints: [], floats: [] },
      },
    ],
    args: { ints: [], floats: [] },
  };
  t.notThrows(() => assertValid(lowerRecipe(r)));
});

test('a transformation that changes behaviour is reported with the recipe and both modules', (t) => {
  const r: Recipe = {
    funcs: [
      {
        params: ['i32'],
        result: 'i32',
        body: [{ k: 'print', t: 'i32', e: { k: 'int', v: 5 } }],
        ret: { k: 'var', t: 'i32', n: 0 },
        tail: null,
      },
    ],
    args: { ints: [41], floats: [] },
  };
  const breakConstants = (m: import('../../framework/src/ir/module.ts').Module): void => {
    for (const f of m.funcs)
      for (const b of f.blocks) for (const inst of b.insts) if (inst.op.name === 'iconst') inst.imm = 6;
  };
  const report = compareTransformed(r, breakConstants, { gc: () => boehmCollector(), fuel: 1000 });
  t.truthy(report);
  t.regex(report!, /output differs/);
  t.regex(report!, /recipe: \{"funcs"/);
  t.regex(report!, /--- reference IR[\s\S]*iconst 5[\s\S]*--- transformed IR[\s\S]*iconst 6/);
  t.is(
    compareTransformed(r, () => {}, { gc: () => boehmCollector(), fuel: 1000 }),
    null,
  );
});
