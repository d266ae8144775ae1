import type { ExecutionContext } from 'ava';
import fc from 'fast-check';
import type { Module } from '../../../framework/src/ir/module.ts';
import type { Recipe } from '../../src/gen/recipe.ts';
import { compareTransformed, ReferenceExhausted, type DifferentialOptions } from '../../src/oracle/differential.ts';
import { propertyParameters } from './property-parameters.ts';

/**
 * Checks `transform` against the untransformed program on random recipes. A failure is
 * reported with the shrunk recipe and both modules' IR text (fast-check's own message
 * names only the counterexample). Cases whose reference run exhausts its fuel are
 * discarded; they must stay rare.
 */
export function checkDifferential(
  t: ExecutionContext,
  recipes: fc.Arbitrary<Recipe>,
  transform: (m: Module) => void,
  opts: DifferentialOptions,
  defaultRuns: number,
): void {
  checkDifferentialCases(
    t,
    recipes,
    (r) => r,
    () => transform,
    opts,
    defaultRuns,
  );
}

/** The general form: each case carries a recipe and chooses its own transformation
 *  (a random pass sequence, say), so fast-check shrinks both. */
export function checkDifferentialCases<T>(
  t: ExecutionContext,
  cases: fc.Arbitrary<T>,
  recipeOf: (c: T) => Recipe,
  transformOf: (c: T) => (m: Module) => void,
  opts: DifferentialOptions,
  defaultRuns: number,
): void {
  const params = propertyParameters<[T]>(defaultRuns);
  let exhausted = 0;
  const failureOf = (c: T): string | null | undefined => {
    try {
      return compareTransformed(recipeOf(c), transformOf(c), opts);
    } catch (err) {
      if (err instanceof ReferenceExhausted) return undefined;
      throw err;
    }
  };
  const details = fc.check(
    fc.property(cases, (c) => {
      const failure = failureOf(c);
      if (failure === undefined) {
        exhausted++;
        fc.pre(false);
      }
      return failure === null;
    }),
    params,
  );
  if (details.failed) {
    const counterexample = details.counterexample?.[0];
    let report: string;
    try {
      report = (counterexample === undefined ? null : failureOf(counterexample)) ?? String(details.errorInstance);
    } catch (err) {
      report = err instanceof Error ? (err.stack ?? err.message) : String(err);
    }
    t.fail(`${fc.defaultReportMessage(details) ?? ''}\n\n${report}\n\nreplay with JITC_PROPERTY_SEED=${params.seed}`);
    return;
  }
  t.log(`${details.numRuns} runs (seed ${params.seed}), ${exhausted} discarded for running out of fuel`);
  t.true(exhausted <= details.numRuns / 20, 'fuel is bounded statically, so discards stay rare');
}
