import type { Options } from 'yargs';

// The options of `jitc run` and `jitc test`, in yargs' terms: args.ts gives them to yargs,
// quick-args.ts reads the common command lines from them without loading yargs.

/** Options shared by `run` and `test`. */
export const ENGINE_OPTIONS = {
  backend: { type: 'string', default: 'interp', describe: 'backend that runs the program', group: 'Execution:' },
  gc: { type: 'string', default: 'boehm', describe: 'garbage collector', group: 'Execution:' },
  O: {
    type: 'number',
    choices: [0, 1, 2],
    describe: 'optimization level (default: 1 on the interpreter, 2 on a native backend)',
    group: 'Execution:',
  },
  'jit-threshold': {
    type: 'number',
    describe: 'calls + loop back-edges before a function is compiled (0: before the first call)',
    group: 'Execution:',
  },
  cpu: { type: 'string', describe: 'target CPU model of a native backend (e.g. cortex-a8)', group: 'Execution:' },
  'gc-stress': {
    type: 'number',
    describe: 'collect every N allocations (1: every one), verifying the heap',
    group: 'GC:',
  },
  plugin: {
    type: 'string',
    describe: 'also load this plugin: a path or an npm package (repeatable)',
    group: 'Plugins:',
  },
} as const satisfies Record<string, Options>;

/** Options only `test` takes. */
export const TEST_OPTIONS = {
  bless: {
    type: 'boolean',
    describe: 'rewrite the expected listing (`; asm:` lines) of each precise-output test that differs',
    group: 'Output:',
  },
} as const satisfies Record<string, Options>;

/** Options of `jitc conformance`. Without --backend or --gc the matrix takes every one. */
export const CONFORMANCE_OPTIONS = {
  runs: { type: 'number', default: 1000, describe: 'cases: one generated program on one cell each', group: 'Run:' },
  seed: { type: 'number', describe: 'replay the run of this seed (default: a new one, printed)', group: 'Run:' },
  backend: { type: 'string', describe: 'only this backend (the interpreter stays the oracle)', group: 'Run:' },
  gc: { type: 'string', describe: 'only this collector', group: 'Run:' },
  shard: { type: 'string', describe: 'i/n: run the i-th of n interleaved shares of the cases', group: 'Run:' },
  regressions: {
    type: 'string',
    describe: 'folder for shrunk counterexamples as .jir file tests (default: conformance/filetests/regressions)',
    group: 'Output:',
  },
  plugin: ENGINE_OPTIONS.plugin,
} as const satisfies Record<string, Options>;

/** Options of `jitc plugins`. */
export const PLUGINS_OPTIONS = { plugin: ENGINE_OPTIONS.plugin } as const satisfies Record<string, Options>;

/** Options only `run` takes. */
export const RUN_OPTIONS = {
  ...ENGINE_OPTIONS,
  emit: {
    type: 'string',
    choices: ['ir', 'asm'],
    describe: 'instead of running, print the final module as .jir (ir) or its machine code (asm, native backends)',
    group: 'Output:',
  },
  'print-after': {
    type: 'string',
    describe: "print the module to stderr after this pass (repeatable; 'all')",
    group: 'Output:',
  },
  stats: { type: 'boolean', describe: 'print run statistics to stderr', group: 'Output:' },
  entry: { type: 'string', describe: "function to call instead of the frontend's entry", group: 'Execution:' },
  goal: {
    type: 'string',
    alias: 'g',
    describe: 'goal to run after loading (Prolog: like swipl -g GOAL -t halt)',
    group: 'Execution:',
  },
  lower: { type: 'boolean', describe: 'run the GC-lowered IR on the interpreter too', group: 'Execution:' },
  fuel: { type: 'number', describe: 'instruction budget; exceeding it traps fuel_exhausted', group: 'Limits:' },
  heap: { type: 'string', describe: 'maximum heap size (e.g. 64M, 512K, 1G)', group: 'Limits:' },
  stack: { type: 'string', describe: 'machine stack size (e.g. 8M)', group: 'Limits:' },
  'gc-stress-seed': {
    type: 'number',
    describe: 'with --gc-stress: collect at random intervals replayable from this seed',
    group: 'GC:',
  },
  'verify-heap': { type: 'boolean', describe: 'verify the heap before and after every collection', group: 'GC:' },
} as const satisfies Record<string, Options>;
