import type { ExecutionContext } from 'ava';
import type { Module } from '../../src/ir/module.ts';
import { printModule } from '../../src/ir/text/printer.ts';
import { assertValid } from '../../src/ir/verify.ts';
import type { Pass } from '../../src/opt/pass.ts';
import { runModule, type RunOutcome } from './run-module.ts';

/**
 * Runs `pass` on a module built by `build` and checks that it still verifies and that
 * every call in `calls` computes what it computed before. Returns the optimized module.
 */
export function checkPassPreserves(
  t: ExecutionContext,
  build: () => Module,
  passes: Pass | readonly Pass[],
  calls: [string, number[]][],
): Module {
  const before = build();
  assertValid(before);
  const expected: RunOutcome[] = calls.map(([name, args]) => runModule(before, name, args));
  const m = build();
  const list: readonly Pass[] = 'run' in passes ? [passes] : passes;
  for (const p of list) p.run(m);
  try {
    assertValid(m);
  } catch (err) {
    t.log(printModule(m));
    throw err;
  }
  calls.forEach(([name, args], i) =>
    t.deepEqual(runModule(m, name, args), expected[i], `@${name}(${args.join(', ')})\n${printModule(m)}`),
  );
  return m;
}
