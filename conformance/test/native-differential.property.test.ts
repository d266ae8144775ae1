// The differential property over every landed native backend at once: the same random
// programs on the interpreter, armv7 and x86-ref (and any backend registered later), with
// the command's collectors. JITC_DIFF_BACKENDS=x86-ref runs one; JITC_PROPERTY_SEED replays.
import test from 'ava';
import { Registry } from '#framework';
import { nativeDifferentialSuite } from '#conformance';
import { CLI_PLUGINS } from '../../cli/src/all-plugins.ts';
import { boehmCollector } from '../../plugins/gc-boehm/src/index.ts';

nativeDifferentialSuite(test, {
  backends: new Registry(CLI_PLUGINS).backends().filter((b) => b.name !== 'interp'),
  collectors: [{ name: 'boehm', create: () => boehmCollector() }],
});
