import { formatFloat, printModule, type Module, type ValType } from '#framework';
import { entryArguments, entryName, type Recipe } from '../gen/recipe.ts';
import type { Outcome } from '../oracle/outcome.ts';

/** What a regression file records about where its program was found. */
export interface FoundBy {
  seed: number;
  caseIndex: number;
  cell: string;
  difference: string;
}

/**
 * A shrunk counterexample as a `.jir` file test: the program, then one `; run:` line for
 * its entry with the result and output the interpreter gave. The file-test suite runs it
 * on every backend and collector from then on, so a bug found stays found.
 */
export function regressionFileText(module: Module, recipe: Recipe, expected: Outcome, found: FoundBy): string {
  const entry = entryName(recipe);
  const params = module.func(entry)?.sig.params ?? [];
  const args = entryArguments(recipe).map((v, i) => literal(v, params[i] ?? 'i32'));
  const header = [
    '; test: run',
    `; Found by \`jitc conformance --seed ${found.seed}\` (case ${found.caseIndex}) on ${found.cell},`,
    "; shrunk by fast-check; the expected result and output are the interpreter's.",
    ...found.difference
      .split('\n')
      .slice(0, 6)
      .map((l) => `; ${l}`.trimEnd()),
    '',
  ];
  const run = [`; run: @${entry}(${args.join(', ')})${expectation(expected)}`];
  const out =
    expected.out === ''
      ? []
      : expected.out
          .replace(/\n$/, '')
          .split('\n')
          .map((l) => `; out: ${l}`);
  return `${header.join('\n')}\n${printModule(module).trimEnd()}\n\n${[...run, ...out].join('\n')}\n`;
}

function expectation(o: Outcome): string {
  if (o.kind === 'trap') return ` traps ${o.trap}`;
  if (o.value === undefined || o.type === null) return '';
  return ` == ${literal(o.value, o.type)}`;
}

function literal(v: number, type: ValType): string {
  if (type === 'f64') return Number.isNaN(v) ? 'nan' : formatFloat(v);
  return String(v | 0);
}
