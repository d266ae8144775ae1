import type { TestFn } from 'ava';
import type { Backend, GarbageCollector, Registry, RunConfig } from '#framework';
import { MiB } from '#framework';
import { allocates, fileTestSuite } from './file-tests.ts';
import { nativeCountingTests } from './native-counting-tests.ts';
import { nativeTrapTests } from './native-trap-tests.ts';

/** A collector the suites run a native backend with: its name for the command's registry and
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
 * neither), and, for files that allocate, under GC stress 1 with heap verification; and every
 * trap kind raised in native code, reported like the interpreter and naming the function, at
 * thresholds 0 and 1; and `--stats` instruction counts, in total and per function. Every
 * collector given. The differential property runs every native
 * backend at once on the same programs (nativeDifferentialSuite, one test file for all).
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
    nativeTrapTests(test, o.registry, name, gc.name);
    nativeCountingTests(test, o.registry, name, gc.name);
  }
}
