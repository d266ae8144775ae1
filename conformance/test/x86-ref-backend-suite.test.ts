// A landed configuration (x86-ref with the command's collectors), so it lives with the
// conformance suites: the whole backend suite.
import test from 'ava';
import { Registry } from '#framework';
import { nativeBackendSuite } from '#conformance';
import { CLI_PLUGINS } from '../../cli/src/all-plugins.ts';
import { DEFAULT_JIT_THRESHOLD, x86RefBackend } from '../../plugins/backend-x86-ref/src/backend.ts';
import { boehmCollector } from '../../plugins/gc-boehm/src/index.ts';

await nativeBackendSuite(test, {
  backend: x86RefBackend,
  registry: new Registry(CLI_PLUGINS),
  collectors: [{ name: 'boehm', create: () => boehmCollector() }],
  defaultThreshold: DEFAULT_JIT_THRESHOLD,
});
