import { readFileSync } from 'node:fs';
import yargs from 'yargs';
import { UsageError } from '#framework';
import type { ConformanceRequest } from './conformance-command.ts';
import { CONFORMANCE_OPTIONS, ENGINE_OPTIONS, PLUGINS_OPTIONS, RUN_OPTIONS, TEST_OPTIONS } from './options.ts';
import { pluginModules, type RawRunOptions } from './run-options.ts';

/** What the command line asks for, once yargs has checked it. */
export type Command =
  | {
      kind: 'run';
      file: string;
      /** Words after FILE that are not jitc's options: the program's arguments (more may
       *  follow `--`, which the caller splits off first). */
      args: string[];
      options: RawRunOptions;
      emit?: 'ir' | 'asm';
      entry?: string;
      goal?: string;
    }
  | { kind: 'test'; paths: string[]; options: RawRunOptions; bless: boolean }
  | { kind: 'plugins'; plugins: string[] }
  | { kind: 'conformance'; options: ConformanceRequest }
  /** --version: `jitc X.Y.Z`; the caller adds which Unicorn it would use. */
  | { kind: 'version'; text: string }
  /** --help: yargs already produced the text. */
  | { kind: 'shown'; text: string };

const VERSION = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

/** Every key yargs may put into the parsed arguments for a valid command line. */
const KNOWN_KEYS = new Set(
  [
    '_',
    '$0',
    'file',
    'args',
    'paths',
    'help',
    'h',
    'version',
    'V',
    'g',
    ...Object.keys(RUN_OPTIONS),
    ...Object.keys(CONFORMANCE_OPTIONS),
  ].flatMap((k) => [k, k.replace(/-(\w)/g, (_m, c: string) => c.toUpperCase())]),
);

/**
 * Parses the command line with yargs in strict mode. yargs only parses here: the command
 * is returned, not run, so every failure goes through one error report at the top.
 */
export function parseCommandLine(argv: readonly string[]): Command {
  let chosen: Command | undefined;
  const parser = yargs()
    .scriptName('jitc')
    .usage('$0 [run] FILE [options]\n$0 test [PATHS…] [options]\n$0 conformance [options]\n$0 plugins')
    .command(
      ['run <file> [args..]', '$0 <file> [args..]'],
      'compile and run a program; the extension of FILE picks the frontend',
      (y) =>
        y
          .options(RUN_OPTIONS)
          .positional('file', {
            type: 'string',
            demandOption: true,
            describe: "the program (.jir, or another frontend plugin's extension)",
          })
          .positional('args', {
            type: 'string',
            array: true,
            describe: "the program's arguments (after `--` also words that look like options)",
          }),
      (a) => {
        chosen = {
          kind: 'run',
          file: a.file,
          args: (a.args ?? []).map(String),
          options: rawOptions(a),
          emit: a.emit,
          entry: a.entry,
          goal: a.goal,
        };
      },
    )
    .command(
      'test [paths..]',
      'run .jir file tests (default: conformance/filetests)',
      (y) =>
        y
          .options({ ...ENGINE_OPTIONS, bless: TEST_OPTIONS.bless })
          .positional('paths', { type: 'string', array: true, describe: '.jir files or folders holding them' }),
      (a) => {
        chosen = { kind: 'test', paths: (a.paths ?? []).map(String), options: rawOptions(a), bless: a.bless === true };
      },
    )
    .command(
      'conformance',
      'run generated programs on every backend × GC × stress × threshold against the interpreter',
      CONFORMANCE_OPTIONS,
      (a) => {
        chosen = {
          kind: 'conformance',
          options: {
            runs: a.runs,
            seed: a.seed,
            backend: a.backend,
            gc: a.gc,
            shard: a.shard,
            regressions: a.regressions,
            plugins: pluginModules(a),
          },
        };
      },
    )
    .command('plugins', 'list the registered plugins and what each provides', PLUGINS_OPTIONS, (a) => {
      chosen = { kind: 'plugins', plugins: pluginModules(a) };
    })
    .example('$0 examples/lists.jir', 'run a program on the interpreter')
    .example('$0 --backend armv7 --stats examples/lists.jir', 'run it as native code, with statistics')
    .example('$0 --emit ir -O2 examples/lists.jir', 'show the optimized IR')
    .example('$0 --fuel 100000 --heap 16M prog.jir', 'bound the run')
    .example('$0 test --gc-stress 1', 'run the file tests collecting at every allocation')
    .example('$0 conformance --runs 100000 --shard 1/4', 'a long conformance run, one of four processes')
    .strict()
    .version(VERSION)
    .help()
    .alias('h', 'help')
    .alias('V', 'version')
    .wrap(null)
    .showHelpOnFail(false);
  let failure: string | undefined;
  let shown = '';
  let versionAsked = false;
  parser.parse([...argv], {}, (err, parsed, output) => {
    if (err) failure = explain(err.message, Object.keys(parsed));
    shown = output;
    versionAsked = parsed.version === true;
  });
  if (failure !== undefined) throw new UsageError(`${failure} (see jitc --help)`);
  if (chosen === undefined && versionAsked) return { kind: 'version', text: `jitc ${VERSION}` };
  return chosen ?? { kind: 'shown', text: shown };
}

/**
 * yargs checks the positional count before unknown flags, and an unknown flag swallows
 * the word after it (`--frobnicate prog.jir`): name the flag, the real mistake, instead.
 */
function explain(message: string, parsedKeys: readonly string[]): string {
  const unknown = parsedKeys.filter((k) => !KNOWN_KEYS.has(k));
  if (unknown.length > 0 && !message.startsWith('Unknown argument'))
    return `Unknown argument${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}`;
  if (message.startsWith('Not enough non-option arguments')) return 'no program to run: give a FILE';
  return message;
}

interface ParsedOptions {
  backend: string;
  gc: string;
  O?: number;
  jitThreshold?: number;
  cpu?: string;
  gcStress?: number;
  heap?: string;
  stack?: string;
  fuel?: number;
  gcStressSeed?: number;
  verifyHeap?: boolean;
  lower?: boolean;
  printAfter?: string | string[];
  stats?: boolean;
  plugin?: string | string[];
}

function rawOptions(a: ParsedOptions): RawRunOptions {
  return {
    backend: a.backend,
    gc: a.gc,
    O: a.O,
    jitThreshold: a.jitThreshold,
    cpu: a.cpu,
    gcStress: a.gcStress,
    heap: a.heap,
    stack: a.stack,
    fuel: a.fuel,
    gcStressSeed: a.gcStressSeed,
    verifyHeap: a.verifyHeap,
    lower: a.lower,
    printAfter: a.printAfter,
    stats: a.stats,
    plugin: a.plugin,
  };
}
