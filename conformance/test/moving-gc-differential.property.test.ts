// Random programs compute on every native backend under the collectors that move objects
// exactly what they compute on the interpreter (itself over the same collector), collecting
// at every allocation: semispace moves every live object at each collection, generational
// promotes the nursery (every fourth a major compaction). The heap verifier, the barrier
// check (semispace) and the remembered-set check (generational) run at each collection.
import test from 'ava';
import { Registry } from '#framework';
import { checkBackendsAgainstInterpreter } from '#conformance';
import { CLI_PLUGINS } from '../../cli/src/all-plugins.ts';
import { generationalCollector } from '../../plugins/gc-generational/src/index.ts';
import { semispaceCollector } from '../../plugins/gc-semispace/src/index.ts';

const backends = new Registry(CLI_PLUGINS).backends().filter((b) => b.name !== 'interp');
const names = backends.map((b) => b.name).join(', ');

// 160 programs per collector, each on every native backend.
for (const [gcName, gc] of [
  ['semispace', semispaceCollector],
  ['generational', generationalCollector],
] as const) {
  for (const [jitThreshold, gcStress, runs, what] of [
    [0, 1, 60, 'threshold 0'],
    [1, 1, 60, 'threshold 1'],
    [10, 3, 40, 'threshold 10: mixed tiers, every third allocation'],
  ] as const) {
    test(`interp, ${names} × ${gcName} agree on random programs under GC stress (${what})`, (t) =>
      checkBackendsAgainstInterpreter(t, { backends, gc, jitThreshold, gcStress, runs }));
  }
}
