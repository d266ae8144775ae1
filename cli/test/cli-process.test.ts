import test from 'ava';
import { cliProcess, cliProcessUntil, fixture, STACK_LINE } from './cli-harness.ts';

// The launcher, exit statuses and stream flushing only show in a real process.

test('the demo prints its results and exits 0', async (t) => {
  const r = await cliProcess('--backend', 'interp', '--gc', 'boehm', 'examples/lists.jir');
  t.is(r.stderr, '');
  t.is(r.stdout, '1000\n333833500\n6765\n');
  t.is(r.status, 0);
});

test('output printed before a trap reaches stdout; the trap is reported, exit 1', async (t) => {
  const r = await cliProcess('run', fixture('prints-then-traps.jir'));
  t.is(r.stdout, '7\n');
  t.regex(r.stderr, /^jitc: trap div_by_zero in @main \^entry/);
  t.is(r.status, 1);
});

test('an unknown flag is a usage error, exit 2', async (t) => {
  const r = await cliProcess('--frobnicate', 'examples/lists.jir');
  t.regex(r.stderr, /^jitc: Unknown argument: frobnicate/);
  t.false(r.stderr.includes(STACK_LINE));
  t.is(r.stdout, '');
  t.is(r.status, 2);
});

test('--help shows usage and examples', async (t) => {
  const r = await cliProcess('--help');
  t.regex(r.stdout, /jitc \[run\] FILE/);
  t.regex(r.stdout, /Examples:/);
  t.is(r.status, 0);
});

test('output streams while the program runs, and a closed reader ends the run', async (t) => {
  const r = await cliProcessUntil((out) => out.includes('\n1000\n'), 60_000, fixture('prints-forever.jir'));
  t.true(r.stdout.startsWith('0\n1\n2\n'));
  t.is(r.status, 0);
});
