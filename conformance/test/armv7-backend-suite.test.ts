// A landed configuration (armv7 with the command's collectors), so it lives with the
// conformance suites: the whole backend suite, plus Cortex-A8 (software division).
import test from 'ava';
import { Registry } from '#framework';
import { nativeBackendSuite } from '#conformance';
import { CLI_PLUGINS } from '../../cli/src/all-plugins.ts';
import { armv7Backend, DEFAULT_JIT_THRESHOLD } from '../../plugins/backend-armv7/src/backend.ts';
import { boehmCollector } from '../../plugins/gc-boehm/src/index.ts';

await nativeBackendSuite(test, {
  backend: armv7Backend,
  registry: new Registry(CLI_PLUGINS),
  collectors: [{ name: 'boehm', create: () => boehmCollector() }],
  defaultThreshold: DEFAULT_JIT_THRESHOLD,
  extraFileConfigs: [[' t0 cortex-a8', { jitThreshold: 0, cpu: 'cortex-a8' }]],
});
