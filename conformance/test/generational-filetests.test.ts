// Every conformance file test under the generational collector on every landed backend, at
// stress 1 for files that allocate: every allocation collects (a minor collection, every
// fourth a major one), with the heap verified and the remembered set checked complete.
import test from 'ava';
import { MiB, Registry, type RunConfig } from '#framework';
import { allocates, fileTestSuite } from '#conformance';
import { CLI_PLUGINS } from '../../cli/src/all-plugins.ts';

const BASE: RunConfig = {
  backend: 'interp',
  gc: 'generational',
  optLevel: 0,
  heapSize: 1 * MiB,
  stackSize: MiB / 4,
  verifyHeap: true,
};

await fileTestSuite(test, new Registry(CLI_PLUGINS), 'generational', (file, text) => {
  const configs: [string, RunConfig][] = [
    [' interp', { ...BASE, backend: 'interp' }],
    [' interp -O1 lowered', { ...BASE, backend: 'interp', optLevel: 1, lower: true }],
    [' armv7 t0', { ...BASE, backend: 'armv7', jitThreshold: 0 }],
    [' armv7 t1', { ...BASE, backend: 'armv7', jitThreshold: 1 }],
    [' x86-ref t0', { ...BASE, backend: 'x86-ref', jitThreshold: 0 }],
    [' x86-ref t1', { ...BASE, backend: 'x86-ref', jitThreshold: 1 }],
  ];
  if (!allocates(text, file)) return configs;
  return configs.map(([name, config]) => [`${name} stress`, { ...config, gcStress: 1 }]);
});
