// The default run's share of `jitc conformance`, half of it (the other half is in
// conformance-matrix-b.test.ts, so that two workers run it).
import test from 'ava';
import { conformanceShares } from './helpers/conformance-share.ts';

conformanceShares(test, [1, 2]);
