import test from 'ava';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BufferedOutput, StdoutWriteError } from '#framework';
import { fixture, REPO, STACK_LINE } from './cli-harness.ts';

// Standard output closed at start (`>&-`) or a reader that goes away (`| head -c1`): jitc
// reports it as the language's own system does (same exit status; the frontend's wording),
// never with a host stack and never running on forever. Programs print far more than a pipe
// holds, so the reader has surely gone before they finish.

const dir = mkdtempSync(join(tmpdir(), 'jitc-closed-stdout-'));
const file = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const prologMany = file(
  'many.pl',
  ':- initialization(main).\nmain :- between(1, 200000, X), write(X), nl, fail.\nmain.\n',
);
const prologHello = file('hello.pl', ":- initialization(main).\nmain :- write('Hello'), nl.\n");
const prologForever = file('forever.pl', ':- initialization(main).\nmain :- repeat, write(x), nl, fail.\n');
const pythonMany = file('many.py', 'for i in range(200000):\n    print(i)\n');
const pythonHello = file('hello.py', 'print("Hello")\n');

interface Shell {
  status: number;
  stderr: string;
}

/** Runs `command` (with `$JITC` for the jitc command) under bash; jitc's stderr is captured.
 *  A limit of 120 s makes a hang fail the test rather than the suite. */
function sh(command: string): Shell {
  const r = spawnSync('bash', ['-c', command], {
    cwd: REPO,
    encoding: 'utf8',
    timeout: 120_000,
    killSignal: 'SIGKILL',
    env: { ...process.env, JITC: `${process.execPath} bin/jitc.js`, JITC_DEBUG: '' },
  });
  if (r.error || r.status === null) throw new Error(`${command}: ${r.error?.message ?? r.signal}`);
  return { status: r.status, stderr: r.stderr };
}

/** `prog >&-`: standard output closed from the start. */
const closed = (cmd: string): Shell => sh(`${cmd} >&- </dev/null`);
/** `prog | head -c1`: the exit status is the program's, not head's. */
const piped = (cmd: string): Shell => sh(`${cmd} </dev/null | head -c1 >/dev/null; exit \${PIPESTATUS[0]}`);

const hasSwipl = spawnSync('swipl', ['--version']).status === 0;
const hasPython = spawnSync('python3', ['--version']).status === 0;

test('Prolog, reader gone: an I/O error on user_output (Broken pipe), status as swipl', (t) => {
  const r = piped(`$JITC ${prologMany}`);
  t.regex(r.stderr, /io_error\(write,user_output\).*Broken pipe/);
  t.false(r.stderr.includes(STACK_LINE));
  if (hasSwipl) t.is(r.status, piped(`swipl -q -t halt ${prologMany}`).status);
  t.is(r.status, 0);
});

test('Prolog, stdout closed at start: Bad file descriptor, status as swipl; with -g the goal fails with 2', (t) => {
  const r = closed(`$JITC ${prologHello}`);
  t.regex(r.stderr, /io_error\(write,user_output\).*Bad file descriptor/);
  if (hasSwipl) t.is(r.status, closed(`swipl -q -t halt ${prologHello}`).status);
  t.is(r.status, 0);
  const g = closed(`$JITC ${prologHello} -g main`);
  if (hasSwipl) t.is(g.status, closed(`swipl -q -g main -t halt ${prologHello}`).status);
  t.is(g.status, 2);
});

test('Prolog printing forever into a closed pipe stops', (t) => {
  const r = piped(`$JITC ${prologForever}`);
  t.regex(r.stderr, /Broken pipe/);
  t.is(r.status, 0);
});

test('Python, reader gone: BrokenPipeError, status 1 as CPython', (t) => {
  const r = piped(`$JITC ${pythonMany}`);
  t.regex(r.stderr, /^Traceback \(most recent call last\):\n(.*\n)*BrokenPipeError: \[Errno 32\] Broken pipe\n$/);
  if (hasPython) t.is(r.status, piped(`python3 ${pythonMany}`).status);
  t.is(r.status, 1);
});

test('Python, stdout closed at start: print does nothing, status 0 as CPython', (t) => {
  const r = closed(`$JITC ${pythonHello}`);
  t.is(r.stderr, '');
  if (hasPython) t.is(r.status, closed(`python3 ${pythonHello}`).status);
  t.is(r.status, 0);
});

test('.jir programs end quietly with 0, as a C program would, and --emit too', (t) => {
  t.deepEqual(piped(`$JITC ${fixture('prints-forever.jir')}`), { status: 0, stderr: '' });
  t.deepEqual(closed('$JITC examples/lists.jir'), { status: 0, stderr: '' });
  t.deepEqual(piped('$JITC --emit ir examples/lists.jir'), { status: 0, stderr: '' });
});

test('BufferedOutput raises a failed write once, then drops output', (t) => {
  let calls = 0;
  const out = new BufferedOutput(() => {
    calls++;
    throw Object.assign(new Error('write EPIPE'), { code: 'EPIPE' });
  }, 4);
  const failing = new BufferedOutput((text) => {
    try {
      throw Object.assign(new Error('write EPIPE'), { code: 'EPIPE' });
    } catch (err) {
      throw StdoutWriteError.from(err);
    }
  }, 4);
  t.throws(() => out.write('12345'));
  const err = t.throws(() => failing.write('12345'), { instanceOf: StdoutWriteError })!;
  t.is(err.errno, 32);
  t.is(err.reason, 'Broken pipe');
  t.notThrows(() => failing.write('more text'));
  t.notThrows(() => failing.flush());
  t.is(calls, 1);
});
