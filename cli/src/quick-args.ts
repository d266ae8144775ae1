import type { Command } from './args.ts';
import { RUN_OPTIONS } from './options.ts';
import type { RawRunOptions } from './run-options.ts';

type OptionName = keyof typeof RUN_OPTIONS;
type Value = string | number | boolean;

/** Words yargs reads as commands, never as a FILE. */
const COMMANDS = new Set(['run', 'test', 'plugins', 'conformance']);
/** Plain decimal integers: what yargs turns into the same number. */
const INTEGER = /^(0|[1-9][0-9]{0,14})$/;

/** The option a flag names, for the spellings read here: `--name`, and `-X` for options
 *  (and aliases) of one letter. */
const FLAGS = new Map<string, OptionName>();
for (const [name, spec] of Object.entries(RUN_OPTIONS) as [OptionName, (typeof RUN_OPTIONS)[OptionName]][]) {
  FLAGS.set(name.length === 1 ? `-${name}` : `--${name}`, name);
  const alias = 'alias' in spec ? spec.alias : undefined;
  if (alias !== undefined) FLAGS.set(`-${alias}`, name);
}

/**
 * Reads `jitc [run] FILE [ARGS...] [options]` without yargs, which alone takes about as long to load
 * as Node takes to start. Only plain command lines are read here: each known option once,
 * as `--name value`, `--name=value`, `-X value` or a bare boolean flag, with values yargs
 * would take as they are (no leading '-', integers in decimal, a listed choice). Anything
 * else, help and version included, returns undefined, and yargs reads it: the result is
 * what yargs gives for the same command line (a test compares the two).
 */
export function quickParse(argv: readonly string[]): Command | undefined {
  const args = argv[0] === 'run' ? argv.slice(1) : [...argv];
  let file: string | undefined;
  const programArgs: string[] = [];
  const values = new Map<OptionName, Value>();
  for (let i = 0; i < args.length; i++) {
    const token = args[i]!;
    if (token === '' || token === 'true' || token === 'false' || COMMANDS.has(token)) return undefined;
    if (!token.startsWith('-')) {
      if (file === undefined) file = token;
      else if (INTEGER.test(token) || !Number.isNaN(Number(token))) return undefined;
      else programArgs.push(token);
      continue;
    }
    const eq = token.startsWith('--') ? token.indexOf('=') : -1;
    const name = FLAGS.get(eq < 0 ? token : token.slice(0, eq));
    if (name === undefined || values.has(name)) return undefined;
    const spec: { type: string; choices?: readonly (string | number)[] } = RUN_OPTIONS[name];
    if (spec.type === 'boolean') {
      if (eq >= 0) return undefined;
      values.set(name, true);
      continue;
    }
    const text = eq >= 0 ? token.slice(eq + 1) : args[++i];
    if (text === undefined || text === '' || text.startsWith('-') || text === 'true' || text === 'false')
      return undefined;
    let value: Value = text;
    if (spec.type === 'number') {
      if (!INTEGER.test(text)) return undefined;
      value = Number(text);
    }
    if (spec.choices && !spec.choices.includes(value as never)) return undefined;
    values.set(name, value);
  }
  if (file === undefined) return undefined;
  const get = <T extends Value>(name: OptionName): T | undefined => values.get(name) as T | undefined;
  const options: RawRunOptions = {
    backend: get<string>('backend') ?? RUN_OPTIONS.backend.default,
    gc: get<string>('gc') ?? RUN_OPTIONS.gc.default,
    O: get<number>('O'),
    jitThreshold: get('jit-threshold'),
    cpu: get('cpu'),
    gcStress: get('gc-stress'),
    heap: get('heap'),
    stack: get('stack'),
    fuel: get('fuel'),
    gcStressSeed: get('gc-stress-seed'),
    verifyHeap: get('verify-heap'),
    lower: get('lower'),
    printAfter: get('print-after'),
    stats: get('stats'),
    plugin: get('plugin'),
  };
  return {
    kind: 'run',
    file,
    args: programArgs,
    options,
    emit: get('emit'),
    entry: get('entry'),
    goal: get('goal'),
  };
}
