import test, { type ExecutionContext } from 'ava';
import { Registry } from '#framework';
import { CLI_PLUGINS } from '../src/all-plugins.ts';
import { cliInProcess } from './cli-harness.ts';

// The frontends' program suites (plugins/frontend-*/test/programs/) through the whole
// command, in process, against the oracle's recorded output. Each program runs:
// - plain, on boehm, on the interpreter and the first native backend (armv7), and on each
//   further one for every fifth program whose moving-collector rows run elsewhere;
// - on generational (every program) and on semispace (every seventh program, and those it
//   checks at every allocation), each on one backend per program, taking turns (never
//   the same backend for both), with the heap verifier on and the stress interval set for
//   about COLLECTIONS collections from the allocation count of the first backend's plain
//   run (the count is the same on every backend).
// docs/decisions.md, "The program suites' collector columns", says why these rows. A suite
// is split into shards, one test file each: runs in process are synchronous, so a file uses
// one core, and ava spreads files over the cores.

export interface Expected {
  stdout: string;
  status: number;
  /** The last line the oracle wrote to stderr, when the suite compares it. */
  lastStderrLine?: string;
}

export interface ProgramSuite {
  /** The suite's name in test titles. */
  label: string;
  /** Fewer programs than this means some went missing (a bad rename, a broken glob). */
  atLeast: number;
  /** Every program's name, sorted: a program's index picks its moving collectors' backends. */
  programs: readonly string[];
  /** The command's arguments that run the program, after the run's configuration flags. */
  argsOf(name: string): string[];
  expected(name: string): Expected;
  /** Programs that never reach the collector (the oracle rejects them before they run). */
  runs?(name: string): boolean;
  /** Programs that collect at every allocation on semispace: their host code must keep
   *  everything it holds rooted, so they get the strictest check. */
  stressedEveryAllocation?: ReadonlySet<string>;
}

const COLLECTIONS = 8;
/** Backends (by registry order: the interpreter, then armv7) that run every program plain;
 *  a later one runs it plain only where none of its moving-collector rows does, every
 *  LATER_PLAIN_EVERY program. */
const PLAIN_EVERYWHERE = 2;
/** A later backend runs every seventh program plain (of those whose moving-collector rows
 *  are elsewhere). */
const LATER_PLAIN_EVERY = 7;
/** Every program runs on generational (issue 18 asks for it); semispace, the test collector
 *  that moves every object at every collection, takes every eleventh program, and every one
 *  whose host code it checks at every allocation. */
/** Prime to the number of backends, so that semispace's programs take turns over them. */
const SEMISPACE_EVERY = 11;

const registry = new Registry(CLI_PLUGINS);
/** Every registered backend: the interpreter, then the native ones. */
const landed = registry.backends().map((b) => b.name);

const plain = (backend: string): string[] =>
  backend === 'interp' ? ['--backend', backend] : ['--backend', backend, '--gc', 'boehm'];

/** A counter from a run's --stats. */
const statOf = (stderr: string, name: string): number =>
  Number(new RegExp(`^\\s+${name}\\s+(\\d+)`, 'm').exec(stderr)?.[1]);

/** Runs one configuration and holds it to the oracle's output; returns the run's stderr. */
async function check(t: ExecutionContext, suite: ProgramSuite, name: string, flags: string[]): Promise<string> {
  const want = suite.expected(name);
  const got = await cliInProcess(...flags, ...suite.argsOf(name));
  t.is(got.stdout, want.stdout);
  t.is(got.status, want.status, got.stderr);
  if (want.lastStderrLine !== undefined) {
    const beforeStats = got.stderr.split('jitc stats:\n')[0]!;
    t.is(beforeStats.trimEnd().split('\n').pop(), want.lastStderrLine);
  }
  return got.stderr;
}

/** Declares the tests of shard `shard` of `shards` (the programs whose index ≡ shard). */
export function defineProgramSuite(suite: ProgramSuite, shard: number, shards: number): void {
  if (shard === 0) {
    test(`${suite.label}: at least ${suite.atLeast} programs`, (t) => {
      t.true(suite.programs.length >= suite.atLeast, `${suite.programs.length} programs`);
    });
  }
  suite.programs.forEach((name, index) => {
    if (index % shards !== shard) return;
    let allocations: (count: number) => void = () => {};
    const counted = new Promise<number>((resolve) => (allocations = resolve));
    const semispaceBackend = landed[index % landed.length];
    const generationalBackend = landed[(index + 1) % landed.length];
    const runs = suite.runs?.(name) ?? true;
    const semispace = runs && (index % SEMISPACE_EVERY === 0 || suite.stressedEveryAllocation?.has(name) === true);
    const movingRows = (gc: string, backend: string) => async (t: ExecutionContext) => {
      const count = await counted;
      if (!Number.isInteger(count)) return t.fail('the plain run printed no allocation count');
      const everyAllocation = gc === 'semispace' && suite.stressedEveryAllocation?.has(name) === true;
      const every = everyAllocation ? 1 : Math.floor(count / COLLECTIONS) | 1;
      const flags = ['--backend', backend, '--gc', gc, '--gc-stress', String(every), '--verify-heap', '--stats'];
      const stderr = await check(t, suite, name, flags);
      t.true(statOf(stderr, 'collections') > 0, 'the program moved its objects');
    };
    landed.forEach((backend, b) => {
      const moving = runs && (backend === generationalBackend || (semispace && backend === semispaceBackend));
      if (b < PLAIN_EVERYWHERE || (!moving && index % LATER_PLAIN_EVERY === 0)) {
        test(`${name} on ${plain(backend).slice(1).join(' ')}`, async (t) => {
          if (b !== 0) return void (await check(t, suite, name, plain(backend)));
          let stderr = '';
          try {
            stderr = await check(t, suite, name, [...plain(backend), '--stats']);
          } finally {
            allocations(statOf(stderr, 'allocations'));
          }
        });
      }
      if (!runs) return;
      if (backend === generationalBackend)
        test(`${name} on ${backend} generational`, movingRows('generational', backend));
      if (semispace && backend === semispaceBackend)
        test(`${name} on ${backend} semispace`, movingRows('semispace', backend));
    });
  });
}
