import test from 'ava';
import { parseModule } from '#framework';
import { printModule } from '#framework';
import { cliInProcess, fixture, STACK_LINE, type CliResult } from './cli-harness.ts';

const DEMO = 'examples/lists.jir';

function noStackTrace(t: { false: (v: boolean, m?: string) => void }, r: CliResult): void {
  t.false(r.stdout.includes(STACK_LINE) || r.stderr.includes(STACK_LINE), 'no host stack trace');
}

test('-O2 with --stats runs the demo and reports to stderr', async (t) => {
  const r = await cliInProcess('-O2', '--stats', DEMO);
  t.is(r.stdout, '1000\n333833500\n6765\n');
  for (const name of [
    'instructions',
    'calls',
    'host calls',
    'allocations',
    'bytes allocated',
    'collections',
    'gc time',
    'compile time',
    'wall time',
  ]) {
    t.regex(r.stderr, new RegExp(`^  ${name} +\\S`, 'm'), name);
  }
  t.regex(r.stderr, /^ {2}allocations +1000$/m);
  // The demo prints three numbers through one host function.
  t.regex(r.stderr, /^ {2}host calls by function +print_i32 3$/m);
  t.is(r.status, 0);
});

test('--stats names the host functions called, most called first', async (t) => {
  const r = await cliInProcess('--stats', fixture('host-call-mix.jir'));
  t.is(r.status, 0, r.stderr);
  t.is(r.stdout, '1\n2\n3\n4\n0.5\n1.5\n!');
  t.regex(r.stderr, /^ {2}host calls by function +print_i32 4, print_f64 2, print_char 1$/m);
});

for (const flags of [[], ['-O0'], ['-O2'], ['--lower']]) {
  test(`--emit ir ${flags.join(' ')} prints a module that parses back to itself`, async (t) => {
    const r = await cliInProcess('--emit', 'ir', ...flags, DEMO);
    t.is(r.status, 0, r.stderr);
    const again = printModule(parseModule(r.stdout, 'emitted.jir'));
    t.is(again, r.stdout);
  });
}

test('--lower runs the GC-lowered demo on the interpreter', async (t) => {
  const r = await cliInProcess('--lower', '--gc-stress', '7', DEMO);
  t.is(r.stdout, '1000\n333833500\n6765\n');
  t.is(r.status, 0, r.stderr);
});

test('--print-after prints the module to stderr after that pass', async (t) => {
  const r = await cliInProcess('--print-after', 'dce', '--print-after', 'constfold', DEMO);
  t.regex(r.stderr, /^; after constfold\n/m);
  t.regex(r.stderr, /^; after dce\n/m);
  t.is(r.stdout, '1000\n333833500\n6765\n');
});

test('--entry naming no function is a usage error', async (t) => {
  const r = await cliInProcess('--entry', 'nope', DEMO);
  t.is(r.stderr, `jitc: ${DEMO} has no function @nope\n`);
  t.is(r.status, 2);
});

test('jitc plugins lists each plugin with what it provides', async (t) => {
  const r = await cliInProcess('plugins');
  t.is(r.status, 0);
  t.regex(r.stdout, /^core\n/);
  t.regex(r.stdout, /^ {2}backend +interp +\S/m);
  t.regex(r.stdout, /^ {2}frontend +jir +\S/m);
  t.regex(r.stdout, /^ {2}pass +constfold +\S/m);
  t.regex(r.stdout, /^gc-boehm\n {2}gc +boehm +\S/m);
});

const failures: { name: string; args: string[]; status: number; stderr: RegExp }[] = [
  {
    name: 'malformed .jir',
    args: [fixture('malformed.jir')],
    status: 1,
    stderr: /malformed\.jir:4:16: expected a value/,
  },
  {
    name: 'ill-typed IR',
    args: [fixture('ill-typed.jir')],
    status: 1,
    stderr: new RegExp(
      /^jitc: \S*ill-typed\.jir: IR verification failed.*\n {2}/.source +
        /\S*ill-typed\.jir:6:3: @main \^entry #2 \(iadd\): operand 2 has type f64/.source,
    ),
  },
  {
    name: 'fuel exhaustion',
    args: ['--fuel', '1000', fixture('infinite-loop.jir')],
    status: 1,
    stderr: /^jitc: trap fuel_exhausted in @main \^loop/,
  },
  {
    name: 'heap exhaustion',
    args: ['--heap', '1M', fixture('keep-alive.jir')],
    status: 1,
    stderr: /^jitc: trap out_of_memory in @main/,
  },
  {
    name: 'deep recursion',
    args: ['--stack', '1M', fixture('deep-recursion.jir')],
    status: 1,
    stderr: /^jitc: trap stack_overflow in @down/,
  },
  {
    name: 'unknown backend',
    args: ['--backend', 'z80', DEMO],
    status: 2,
    stderr: /^jitc: unknown backend 'z80' \(known: interp/,
  },
  { name: 'unknown GC', args: ['--gc', 'arc', DEMO], status: 2, stderr: /^jitc: unknown GC 'arc' \(known: .*boehm/ },
  {
    name: 'missing file',
    args: ['nothere.jir'],
    status: 2,
    stderr: /^jitc: cannot read 'nothere.jir': no such file$/m,
  },
  {
    name: 'unknown extension',
    args: ['prog.cobol'],
    status: 2,
    stderr: /^jitc: no frontend for 'prog.cobol' \(known extensions: .*\.jir/,
  },
  { name: 'bad size', args: ['--heap', '12Q', DEMO], status: 2, stderr: /^jitc: --heap: '12Q' is not a size/ },
  { name: 'bad -O level', args: ['-O', '7', DEMO], status: 2, stderr: /^jitc: Invalid values:/ },
  {
    name: 'unknown pass',
    args: ['--print-after', 'nosuch', DEMO],
    status: 2,
    stderr: /^jitc: --print-after: unknown pass 'nosuch'/,
  },
  { name: 'unknown flag', args: ['--frobnicate', DEMO], status: 2, stderr: /^jitc: Unknown argument: frobnicate/ },
  { name: 'no file', args: [], status: 2, stderr: /^jitc: no program to run: give a FILE/ },
];

for (const f of failures) {
  test(`${f.name}: exit ${f.status} with a clear message`, async (t) => {
    const r = await cliInProcess(...f.args);
    t.regex(r.stderr, f.stderr);
    t.is(r.status, f.status);
    noStackTrace(t, r);
  });
}

test('jitc test runs file tests and ends with the counts', async (t) => {
  const r = await cliInProcess('test', '-O2', fixture('filetests'));
  t.true(r.stdout.endsWith('2 passed, 0 failed\n'));
  t.is(r.status, 0, r.stderr);
});

test('jitc test exits 1 when a file test fails', async (t) => {
  const r = await cliInProcess('test', fixture('filetest-wrong.jir'));
  t.true(r.stdout.endsWith('0 passed, 1 failed\n'));
  t.regex(r.stdout, /filetest-wrong\.jir:3: /);
  t.is(r.status, 1);
});
