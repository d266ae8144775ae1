// A landed configuration (two plugins together), so it lives with the conformance suites.
// The acceptance bar: every conformance file test on armv7 × boehm with the same
// expectations the interpreter meets, at --jit-threshold 0 (all native), 1 (native from the
// first call, callees through lazy stubs; the default), on Cortex-A8 (software division),
// and for files that allocate under GC stress 1 at thresholds 0 and 1.
import test from 'ava';
import { MiB, Registry, type RunConfig } from '#framework';
import { allocates, fileTestSuite } from '#conformance';
import { CLI_PLUGINS } from '../../cli/src/all-plugins.ts';
import { DEFAULT_JIT_THRESHOLD } from '../../plugins/backend-armv7/src/backend.ts';

const BASE: RunConfig = { backend: 'armv7', gc: 'boehm', optLevel: 0, heapSize: 1 * MiB, stackSize: MiB / 4 };

await fileTestSuite(test, new Registry(CLI_PLUGINS), 'armv7 boehm', (file, text) => {
  const configs: [string, RunConfig][] = [
    [' t0', { ...BASE, jitThreshold: 0 }],
    [' t1', { ...BASE, jitThreshold: 1 }],
    // The default (no threshold given): the same as t1 while DEFAULT_JIT_THRESHOLD is 1.
    ...(DEFAULT_JIT_THRESHOLD > 1 ? [[' default', BASE] as [string, RunConfig]] : []),
    [' t0 cortex-a8', { ...BASE, jitThreshold: 0, cpu: 'cortex-a8' }],
  ];
  if (allocates(text, file)) {
    configs.push([' t0 stress', { ...BASE, jitThreshold: 0, gcStress: 1, verifyHeap: true }]);
    configs.push([' t1 stress', { ...BASE, jitThreshold: 1, gcStress: 1, verifyHeap: true }]);
  }
  return configs;
});
