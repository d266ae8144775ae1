// The acceptance test of the plugin architecture: a new collector and a new backend are
// added for one run by registering them in that run's child container, and a service (the
// code cache) is swapped there, with no edit to any existing file and no plugin list.
import test from 'ava';
import {
  BufferedOutput,
  CODE_CACHE,
  corePlugin,
  interpreterBackend,
  LIBRARY_LINKER,
  parseModule,
  prepareRunIn,
  Registry,
  RUN_CONFIG,
  UsageError,
  type Backend,
  type EngineOptions,
  type GarbageCollector,
  type GcHeap,
  type RunConfig,
} from '#framework';
import { arenaCollector } from '#framework/testing';

/** Allocates a list of n nodes and sums their values: 1 + 2 + ... + n. */
const LIST = `
type :node = struct { value: i32, next: ref }

func @main() -> i32 {
^entry:
  %n = iconst 10
  %one = iconst 1
  %nil = rnull
  br ^build(%one, %nil)
^build(%i: i32, %head: ref):
  %more = icmp.sle %i, %n
  brif %more, ^push, ^sum(%head, %i)
^push:
  %node = new :node
  set :node.value, %node, %i
  set :node.next, %node, %head
  %i1 = iadd %i, %one
  br ^build(%i1, %node)
^sum(%list: ref, %unused: i32):
  %zero = iconst 0
  br ^walk(%list, %zero)
^walk(%cur: ref, %acc: i32):
  %bits = ref.bits %cur
  %end = icmp.eq %bits, %zero
  brif %end, ^done, ^add
^add:
  %v = get :node.value, %cur
  %acc1 = iadd %acc, %v
  %next = get :node.next, %cur
  br ^walk(%next, %acc1)
^done:
  ret %acc
}
`;

/** A tiny collector: the framework's arena, counting the heaps and objects it made. */
function countingCollector(): GarbageCollector & { heaps: GcHeap[] } {
  const arena = arenaCollector();
  const heaps: GcHeap[] = [];
  return {
    ...arena,
    name: 'counting',
    description: 'the arena, counting what it allocates',
    heaps,
    createHeap: (ctx) => {
      const heap = arena.createHeap(ctx);
      heaps.push(heap);
      return heap;
    },
  };
}

/** A tiny backend: the interpreter, recording the options each engine was made with. */
function recordingBackend(): Backend & { seen: EngineOptions[] } {
  const seen: EngineOptions[] = [];
  return {
    name: 'recording',
    description: 'the interpreter, recording its engine options',
    requiresLowering: false,
    seen,
    createEngine: (program, options) => {
      seen.push(options);
      return interpreterBackend.createEngine(program, options);
    },
  };
}

const CONFIG: RunConfig = {
  backend: 'recording',
  gc: 'counting',
  optLevel: 1,
  heapSize: 1 << 20,
  stackSize: 1 << 20,
  fuel: 1_000_000,
};

test("a collector and a backend registered in a run's child container run that program", (t) => {
  const registry = new Registry([corePlugin]);
  const gc = countingCollector();
  const backend = recordingBackend();
  const run = registry.forRun(CONFIG);
  run.provide({ kind: 'gc', name: gc.name, description: gc.description, create: () => gc });
  run.provide({ kind: 'backend', name: backend.name, description: backend.description, create: () => backend });
  const cache = { root: '/nowhere', build: 'test' };
  run.container.register(CODE_CACHE, { useValue: cache });

  const prepared = prepareRunIn(run, parseModule(LIST, 'list.jir'), { out: new BufferedOutput() });
  t.is(prepared.engine.call('main', []), 55);
  t.is(gc.heaps.length, 1);
  t.is(gc.heaps[0]!.stats.allocations, 10);
  // The engine got the run's options and the swapped code cache.
  t.is(backend.seen.length, 1);
  t.is(backend.seen[0]!.fuel, 1_000_000);
  t.is(backend.seen[0]!.codeCache, cache);
  prepared.engine.dispose();
});

test('the arena lowers: a GC-lowered run computes what the unlowered one does', (t) => {
  const registry = new Registry([corePlugin]);
  const run = registry.forRun({ ...CONFIG, backend: 'interp', gc: 'arena', lower: true });
  run.provide({ kind: 'gc', name: 'arena', description: '', create: () => arenaCollector() });
  const prepared = prepareRunIn(run, parseModule(LIST, 'list.jir'), { out: new BufferedOutput() });
  t.true(prepared.module.lowered);
  t.is(prepared.engine.call('main', []), 55);
  t.is(prepared.program.heap.stats.allocations, 10);
});

test('what one run registers, the registry and other runs do not see', (t) => {
  const registry = new Registry([corePlugin]);
  const run = registry.forRun(CONFIG);
  run.provide({ kind: 'gc', name: 'counting', description: 'x', create: () => countingCollector() });
  t.is(run.collector('counting').name, 'counting');
  t.deepEqual(
    run.provisions('gc').map((p) => p.name),
    ['counting'],
  );
  const error = t.throws(() => registry.forRun(CONFIG).chosenCollector(), { instanceOf: UsageError });
  t.is(error?.message, "unknown GC 'counting' (known: none)");
  t.is(registry.container.resolve(CODE_CACHE), null);
});

test("the run's child container holds its options; a provision gets only the services it declared", (t) => {
  const registry = new Registry([corePlugin]);
  const run = registry.forRun(CONFIG);
  t.is(run.container.resolve(RUN_CONFIG), CONFIG);
  const makeGc = (resolve: <T>(token: import('tsyringe').InjectionToken<T>) => T): GarbageCollector => {
    resolve(LIBRARY_LINKER);
    return arenaCollector();
  };
  run.provide({ kind: 'gc', name: 'declares', description: '', needs: [LIBRARY_LINKER], create: makeGc });
  run.provide({ kind: 'gc', name: 'sneaks', description: '', create: makeGc });
  t.is(run.collector('declares').name, 'arena');
  t.throws(() => run.collector('sneaks'), {
    message: /gc 'sneaks' resolves library-linker but does not declare it in needs/,
  });
});
