import test from 'ava';
import fc from 'fast-check';
import type { Module } from '../../framework/src/ir/module.ts';
import { runPipeline } from '../../framework/src/opt/pipeline.ts';
import { corePasses } from '../../framework/src/opt/passes/index.ts';
import { boehmCollector } from '../../plugins/gc-boehm/src/index.ts';
import { recipeArbitraries } from '../src/gen/arbitrary.ts';
import { checkDifferential, checkDifferentialCases } from './helpers/differential-property.ts';

const FUEL = 2_000_000;

test('-O2 computes what unoptimized IR computes (result, output, trap kind)', (t) => {
  const { recipe } = recipeArbitraries();
  checkDifferential(t, recipe, (m) => runPipeline(m, 2, corePasses()), { gc: () => boehmCollector(), fuel: FUEL }, 500);
});

test('any sequence of the core passes preserves behaviour', (t) => {
  const { recipe } = recipeArbitraries();
  const names = corePasses().map((p) => p.name);
  const cases = fc.record({ recipe, passes: fc.array(fc.constantFrom(...names), { minLength: 1, maxLength: 8 }) });
  const transformOf =
    (c: { passes: string[] }) =>
    (m: Module): void => {
      const byName = new Map(corePasses().map((p) => [p.name, p]));
      for (const n of c.passes) byName.get(n)!.run(m);
    };
  checkDifferentialCases(t, cases, (c) => c.recipe, transformOf, { gc: () => boehmCollector(), fuel: FUEL }, 200);
});
