// Every conformance file test under the generational collector on every landed backend, at
// stress 1 for files that allocate: every allocation collects (a minor collection, every
// fourth a major one), with the heap verified and the dirty cards checked complete. Its
// random programs run in the default conformance matrix (conformance-matrix-*.test.ts).
import test from 'ava';
import { Registry } from '#framework';
import { defineGcSuite } from '#conformance';
import { CLI_PLUGINS } from '../../cli/src/all-plugins.ts';

await defineGcSuite(test, { registry: new Registry(CLI_PLUGINS), gc: 'generational', conformanceCases: 0 });
