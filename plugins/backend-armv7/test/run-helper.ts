// Runs .jir text on a backend through the framework's driver, for the backend's tests.
import { CLI_PLUGINS } from '../../../cli/src/all-plugins.ts';
import { prepareRun } from '../../../framework/src/driver.ts';
import { BufferedOutput, parseModule, Registry, MiB, Trap, type EngineStats, type RunConfig } from '#framework';

export const registry = new Registry(CLI_PLUGINS);

export type Outcome = { value: number | undefined } | { trap: string; where: string };

export interface RunOptions {
  fuel?: number;
  stackSize?: number;
  gcStress?: number;
  countInstructions?: boolean;
  cpu?: string;
  jitThreshold?: number;
  /** Keep compiled code there (EngineOptions.codeCache), as one build. */
  codeCacheDir?: string;
}

export function runJir(backend: string, text: string, entry: string, args: number[], options: RunOptions = {}): { outcome: Outcome; stats: EngineStats } {
  const config: RunConfig = {
    backend,
    gc: 'boehm',
    optLevel: 0,
    heapSize: 4 * MiB,
    stackSize: options.stackSize ?? MiB,
    fuel: options.fuel,
    gcStress: options.gcStress,
    countInstructions: options.countInstructions,
    cpu: options.cpu,
    // Native behaviour is what these tests check: compile before the first call unless asked.
    jitThreshold: options.jitThreshold ?? 0,
  };
  const run = prepareRun(registry, parseModule(text, 'test.jir'), config, { out: new BufferedOutput(), codeCache: options.codeCacheDir === undefined ? null : { root: options.codeCacheDir, build: 'test' } });
  try {
    try {
      return { outcome: { value: run.engine.call(entry, args) }, stats: run.engine.stats };
    } catch (error) {
      if (error instanceof Trap) return { outcome: { trap: error.kind, where: error.where }, stats: run.engine.stats };
      throw error;
    }
  } finally {
    run.engine.dispose();
  }
}
