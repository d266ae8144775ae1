// Runs .jir text on a backend through the framework's driver, for the backend's tests.
import {
  BufferedOutput,
  CODE_CACHE,
  corePlugin,
  parseModule,
  prepareRunIn,
  Registry,
  MiB,
  Trap,
  type EngineStats,
  type RunConfig,
} from '#framework';
import { testingPlugin } from '#framework/testing';
import armv7Plugin from '../src/plugin.ts';

/** The backend with the framework's own collector: no GC plugin needed (armv7 × boehm is
 *  tested where the landed configurations are, in conformance/test). */
export const registry = new Registry([corePlugin, testingPlugin, armv7Plugin]);

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

export function runJir(
  backend: string,
  text: string,
  entry: string,
  args: number[],
  options: RunOptions = {},
): { outcome: Outcome; stats: EngineStats } {
  const config: RunConfig = {
    backend,
    gc: 'arena',
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
  const scope = registry.forRun(config);
  // The code cache is a service of the run: a test's directory replaces the registry's none.
  if (options.codeCacheDir !== undefined)
    scope.container.register(CODE_CACHE, { useValue: { root: options.codeCacheDir, build: 'test' } });
  const run = prepareRunIn(scope, parseModule(text, 'test.jir'), { out: new BufferedOutput() });
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
