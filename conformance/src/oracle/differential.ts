import fc from 'fast-check';
import type { GarbageCollector } from '#framework';
import type { Module } from '#framework';
import { printModule } from '#framework';
import { assertValid } from '#framework';
import { lowerRecipe } from '../gen/lower-recipe.ts';
import { entryArguments, entryName, type Recipe } from '../gen/recipe.ts';
import { outcomeDifference, type Outcome } from './outcome.ts';
import { runOnInterpreter } from './run-interp.ts';

export interface DifferentialOptions {
  /** Builds the collector for each run (a fresh one, so runs share no state). */
  gc: () => GarbageCollector;
  fuel: number;
  gcStress?: number;
}

/** Why a case was not checked: the reference run itself ran out of fuel. */
export class ReferenceExhausted extends Error {}

/**
 * Lowers the recipe twice, transforms one copy, verifies both and runs their entry on
 * the interpreter. Returns a report naming the recipe and both modules when they
 * disagree (or when the transformed module does not verify), null when they agree.
 * Throws ReferenceExhausted when the untransformed program runs out of fuel.
 */
export function compareTransformed(
  recipe: Recipe,
  transform: (m: Module) => void,
  opts: DifferentialOptions,
): string | null {
  const reference = lowerRecipe(recipe);
  const subject = lowerRecipe(recipe);
  // The reference is lowered afresh for the report: lowering is deterministic, and
  // printing every case up front would cost more than the runs themselves.
  const report = (problem: string): string =>
    `${problem}\n\nrecipe: ${fc.stringify(recipe)}\n\n` +
    `--- reference IR\n${printModule(lowerRecipe(recipe))}\n--- transformed IR\n${printModule(subject)}`;
  assertValid(reference);
  try {
    transform(subject);
    assertValid(subject);
  } catch (err) {
    return report(`transformation failed: ${err instanceof Error ? err.message : String(err)}`);
  }
  const run = (m: Module): Outcome =>
    runOnInterpreter(m, entryName(recipe), entryArguments(recipe), {
      gc: opts.gc(),
      fuel: opts.fuel,
      gcStress: opts.gcStress,
    });
  const expected = run(reference);
  if (expected.kind === 'trap' && expected.trap === 'fuel_exhausted') throw new ReferenceExhausted();
  let actual: Outcome;
  try {
    actual = run(subject);
  } catch (err) {
    return report(`transformed program crashed the interpreter: ${err instanceof Error ? err.stack : String(err)}`);
  }
  const diff = outcomeDifference(expected, actual);
  return diff === null ? null : report(diff);
}
