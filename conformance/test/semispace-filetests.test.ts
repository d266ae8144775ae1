// Every conformance file test under the collector that moves every live object at every
// collection, on every landed backend: the proof that roots are precise (interpreter
// frames, native frames through their stack maps, the static image, handles) and that
// every ref store into a surviving object is followed by the write barrier. Its random
// programs run in the default conformance matrix (conformance-matrix-*.test.ts).
import test from 'ava';
import { Registry } from '#framework';
import { defineGcSuite } from '#conformance';
import { CLI_PLUGINS } from '../../cli/src/all-plugins.ts';

await defineGcSuite(test, { registry: new Registry(CLI_PLUGINS), gc: 'semispace', conformanceCases: 0 });
