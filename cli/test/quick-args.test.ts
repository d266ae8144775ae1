import test from 'ava';
import fc from 'fast-check';
import { parseCommandLine } from '../src/args.ts';
import { quickParse } from '../src/quick-args.ts';

// quickParse reads plain command lines without loading yargs; whatever it reads must come
// out exactly as yargs reads it, and it must read the command lines people type most.

test('the common command lines are read without yargs, as yargs reads them', (t) => {
  const lines = [
    ['hello.pl'],
    ['run', 'hello.pl'],
    ['--backend', 'armv7', 'hello.pl'],
    ['--backend=armv7', '--gc', 'boehm', 'prog.py'],
    ['bench/prolog/iterate.pl', '-g', 'bench(100000)', '--stats'],
    ['-O', '2', '--emit', 'ir', 'x.jir'],
    ['x.jir', '--fuel', '100000', '--heap', '16M', '--stack', '8M', '--jit-threshold', '0'],
    ['--gc-stress', '1', '--gc-stress-seed', '7', '--verify-heap', '--lower', 'x.jir'],
    ['--print-after', 'dce', '--entry', 'start', '--cpu', 'cortex-a8', 'x.jir'],
    ['--goal', 'main', 'prog.pl'],
    ['a.pl', 'b.pl'],
    ['prog.py', 'in.txt', '--backend', 'armv7', 'out.txt'],
  ];
  for (const argv of lines) {
    const quick = quickParse(argv);
    t.not(quick, undefined, argv.join(' '));
    t.deepEqual(quick, parseCommandLine(argv), argv.join(' '));
  }
});

test('anything unusual is left to yargs', (t) => {
  const lines = [
    [],
    ['--help'],
    ['-h'],
    ['--version'],
    ['plugins'],
    ['test'],
    ['test', 'x.jir'],
    ['run', 'test'],
    ['--frobnicate', 'a.pl'],
    ['--stats', 'true', 'a.pl'],
    ['--stats=true', 'a.pl'],
    ['--no-stats', 'a.pl'],
    ['-O', '3', 'a.pl'],
    ['-O2', 'a.pl'],
    ['--fuel', '1e5', 'a.pl'],
    ['--fuel', '-1', 'a.pl'],
    ['--fuel', '007', 'a.pl'],
    ['--emit', 'bin', 'a.pl'],
    ['--backend', 'a.pl'],
    ['--backend', 'x', '--backend', 'y', 'a.pl'],
    ['--jitThreshold', '3', 'a.pl'],
    ['-g', '-x', 'a.pl'],
    ['--', 'a.pl'],
    ['a.pl', '--goal='],
  ];
  for (const argv of lines) t.is(quickParse(argv), undefined, argv.join(' '));
});

const TOKENS = [
  'a.pl',
  'x.jir',
  '42',
  'run',
  'test',
  'true',
  '-',
  '--',
  '',
  'main',
  'armv7',
  'ir',
  '1',
  '0',
  '2',
  '3',
  '10',
  '1e3',
  '-1',
  'cortex-a8',
  '16M',
];
const FLAGS = [
  '--backend',
  '--gc',
  '-O',
  '--O',
  '--jit-threshold',
  '--cpu',
  '--gc-stress',
  '--emit',
  '--print-after',
  '--stats',
  '--entry',
  '-g',
  '--goal',
  '--lower',
  '--fuel',
  '--heap',
  '--stack',
  '--gc-stress-seed',
  '--verify-heap',
  '--no-lower',
  '-V',
  '--backend=x',
  '--fuel=5',
  '--emit=asm',
  '--stats=false',
];

test('on random command lines, what quickParse reads is what yargs reads', (t) => {
  fc.assert(
    fc.property(fc.array(fc.oneof(fc.constantFrom(...TOKENS), fc.constantFrom(...FLAGS)), { maxLength: 8 }), (argv) => {
      const quick = quickParse(argv);
      if (quick === undefined) return true;
      let yargsRead: unknown;
      try {
        yargsRead = parseCommandLine(argv);
      } catch (err) {
        yargsRead = err;
      }
      t.deepEqual(quick, yargsRead, JSON.stringify(argv));
      return true;
    }),
    { numRuns: 3000 },
  );
});

/** Mostly well-formed command lines: a file and some options, in any order and spelling. */
const OPTION_VALUES: Record<string, readonly string[]> = {
  backend: ['interp', 'armv7', 'sparc'],
  gc: ['boehm', 'x'],
  O: ['0', '1', '2', '3'],
  'jit-threshold': ['0', '1', '100'],
  cpu: ['cortex-a8'],
  'gc-stress': ['1', '64'],
  emit: ['ir', 'asm', 'obj'],
  'print-after': ['dce', 'all'],
  entry: ['main', 'f'],
  goal: ['main', 'bench(10)', '42'],
  fuel: ['100000', '0'],
  heap: ['16M', '64'],
  stack: ['8M'],
  'gc-stress-seed': ['7'],
};
const BOOLEANS = ['stats', 'lower', 'verify-heap'];
const optionTokens = fc.oneof(
  fc.constantFrom(...Object.keys(OPTION_VALUES)).chain((name) =>
    fc.tuple(fc.constantFrom(...OPTION_VALUES[name]!), fc.boolean()).map(([value, joined]) => {
      const flag = name === 'O' ? '-O' : name === 'goal' && !joined ? '-g' : `--${name}`;
      return joined && flag.startsWith('--') ? [`${flag}=${value}`] : [flag, value];
    }),
  ),
  fc.constantFrom(...BOOLEANS).map((name) => [`--${name}`]),
);

test('on well-formed random command lines, quickParse mostly reads them, as yargs does', (t) => {
  let read = 0;
  fc.assert(
    fc.property(
      fc.boolean(),
      fc.constantFrom('a.pl', 'dir/x.jir', 'p.py'),
      fc.array(optionTokens, { maxLength: 5 }),
      fc.nat(5),
      (run, file, options, at) => {
        const tokens = options.flat();
        tokens.splice(Math.min(at, tokens.length), 0, file);
        const argv = run ? ['run', ...tokens] : tokens;
        const quick = quickParse(argv);
        if (quick === undefined) return true;
        read++;
        t.deepEqual(quick, parseCommandLine(argv), JSON.stringify(argv));
        return true;
      },
    ),
    { numRuns: 2000 },
  );
  t.true(read > 1000, `read only ${read} of 2000`);
});
