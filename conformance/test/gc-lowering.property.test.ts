import test from 'ava';
import { boehmCollector } from '../../plugins/gc-boehm/src/index.ts';
import { recipeArbitraries } from '../src/gen/arbitrary.ts';
import { checkDifferential } from './helpers/differential-property.ts';

const FUEL = 2_000_000;

test('boehm-lowered IR computes what unlowered IR computes', (t) => {
  const { recipe } = recipeArbitraries();
  checkDifferential(t, recipe, (m) => boehmCollector().lower(m), { gc: () => boehmCollector(), fuel: FUEL }, 300);
});

test('boehm-lowered IR matches under GC stress (a collection at every allocation)', (t) => {
  const { recipe } = recipeArbitraries();
  checkDifferential(
    t,
    recipe,
    (m) => boehmCollector().lower(m),
    { gc: () => boehmCollector(), fuel: FUEL, gcStress: 1 },
    150,
  );
});
