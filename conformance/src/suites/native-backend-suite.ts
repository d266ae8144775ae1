import type { TestFn } from 'ava';
import type { Backend, GarbageCollector, Registry, RunConfig } from '#framework';
import { MiB } from '#framework';
import { checkBackendAgainstInterpreter } from './backend-differential.ts';
import { allocates, fileTestSuite } from './file-tests.ts';

/** A collector the suite runs a native backend with: its name for the command's registry and
 *  a factory for the differential property. */
export interface SuiteCollector {
  readonly name: string;
  readonly create: () => GarbageCollector;
}

export interface NativeBackendSuiteOptions {
  readonly backend: Backend;
  /** The plugins of the command (file tests run through them, as `jitc test` does). */
  readonly registry: Registry;
  readonly collectors: readonly SuiteCollector[];
  /** The backend's threshold when --jit-threshold is not given. */
  readonly defaultThreshold: number;
  /** More file-test configurations of the backend (label and options), e.g. another CPU. */
  readonly extraFileConfigs?: readonly (readonly [string, Partial<RunConfig>])[];
}

/**
 * The whole backend suite in one call, for a native backend's test file: every conformance
 * file test at --jit-threshold 0 (all native), 1 (lazy stubs), the default (when it is
 * neither), and, for files that allocate, under GC stress 1 with heap verification; and the
 * differential property (random programs against the interpreter, 380 cases per collector)
 * at the same thresholds, 10 (mixed tiers) and under GC stress. Every collector given.
 */
export async function nativeBackendSuite(test: TestFn, o: NativeBackendSuiteOptions): Promise<void> {
  const name = o.backend.name;
  for (const gc of o.collectors) {
    const base: RunConfig = { backend: name, gc: gc.name, optLevel: 0, heapSize: 1 * MiB, stackSize: MiB / 4 };
    await fileTestSuite(test, o.registry, `${name} ${gc.name}`, (file, text) => {
      const configs: [string, RunConfig][] = [
        [' t0', { ...base, jitThreshold: 0 }],
        [' t1', { ...base, jitThreshold: 1 }],
        ...(o.defaultThreshold > 1 ? [[' default', base] as [string, RunConfig]] : []),
        ...(o.extraFileConfigs ?? []).map(([label, extra]): [string, RunConfig] => [label, { ...base, ...extra }]),
      ];
      if (allocates(text, file)) {
        configs.push([' t0 stress', { ...base, jitThreshold: 0, gcStress: 1, verifyHeap: true }]);
        configs.push([' t1 stress', { ...base, jitThreshold: 1, gcStress: 1, verifyHeap: true }]);
      }
      return configs;
    });
    for (const [jitThreshold, gcStress, runs, what] of [
      [0, 0, 120, 'threshold 0'],
      [1, 0, 100, 'threshold 1'],
      [o.defaultThreshold, 0, 40, 'default threshold'],
      [10, 0, 60, 'threshold 10: mixed tiers'],
      [0, 1, 30, 'threshold 0'],
      [1, 1, 30, 'threshold 1'],
    ] as const) {
      const stress = gcStress > 0 ? ' under GC stress' : '';
      test(`${name} × ${gc.name} matches the interpreter on random programs${stress} (${what})`, (t) =>
        checkBackendAgainstInterpreter(t, { backend: o.backend, gc: gc.create, jitThreshold, gcStress, runs }));
    }
  }
}
