import { prepareRun } from '../driver.ts';
import type { Module } from '../ir/module.ts';
import type { Registry } from '../registry.ts';
import type { RunConfig } from '../run-config.ts';
import { BufferedOutput } from '../runtime/output.ts';
import type { BoundRun } from './bind.ts';
import type { Outcome } from './compare.ts';
import { outcomeOfError } from './errors.ts';

export interface RunOutput {
  outcome: Outcome;
  output: string;
}

/** Prepares `module` (verify, optimize, lower, load) and calls the run's function once.
 *  The module is consumed: prepareRun changes it in place. */
export function executeRun(registry: Registry, module: Module, run: BoundRun, config: RunConfig): RunOutput {
  const out = new BufferedOutput();
  let outcome: Outcome;
  try {
    const { engine } = prepareRun(registry, module, config, { out });
    try {
      outcome = { kind: 'returned', value: engine.call(run.func, run.args) };
    } finally {
      engine.dispose();
    }
  } catch (err) {
    outcome = outcomeOfError(err);
  }
  return { outcome, output: out.text() };
}
