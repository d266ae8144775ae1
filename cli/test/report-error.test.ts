import test from 'ava';
import { SourceError } from '#framework';
import { Trap } from '#framework';
import { reportError } from '../src/report-error.ts';
import { LimitError, UsageError } from '#framework';

test('a bug in jitc is an internal error, exit 70, without a stack', (t) => {
  const r = reportError(new TypeError('x is undefined'), {});
  t.is(r.message, 'jitc: internal error: x is undefined');
  t.is(r.exitCode, 70);
});

test('JITC_DEBUG=1 adds the host stack to an internal error', (t) => {
  const r = reportError(new Error('boom'), { JITC_DEBUG: '1' });
  t.regex(r.message, /^jitc: internal error: boom\nError: boom\n {4}at /);
});

test('user errors never carry a stack, even with JITC_DEBUG=1', (t) => {
  const env = { JITC_DEBUG: '1' };
  t.deepEqual(reportError(new UsageError("unknown backend 'z80'"), env), {
    message: "jitc: unknown backend 'z80'",
    exitCode: 2,
  });
  t.deepEqual(reportError(new Trap('div_by_zero', '', '@f ^b'), env), {
    message: 'jitc: trap div_by_zero in @f ^b',
    exitCode: 1,
  });
  t.deepEqual(reportError(new SourceError('expected a value', 'a.jir', 3, 7), env), {
    message: 'a.jir:3:7: expected a value',
    exitCode: 1,
  });
});

test("a program beyond a capacity of jitc is the program's error, naming the file", (t) => {
  t.deepEqual(reportError(new LimitError("1048577 functions in the IR, more than the table's 1048576"), {}, 'big.pl'), {
    message: "jitc: big.pl: 1048577 functions in the IR, more than the table's 1048576",
    exitCode: 1,
  });
});
