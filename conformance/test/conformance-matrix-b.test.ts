// The other half of the default run's share of `jitc conformance` (see conformance-matrix-a).
import test from 'ava';
import { conformanceShares } from './helpers/conformance-share.ts';

conformanceShares(test, [3, 4]);
