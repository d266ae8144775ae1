import test from 'ava';
import { SourceError } from '#framework';
import { FuncBuilder } from '#framework';
import { Module } from '#framework';
import { parseModule } from '#framework';
import { verifyModule, VerifyFailure, assertValid } from '#framework';
import { cliProcess, fixture, STACK_LINE } from './cli-harness.ts';

const BAD = `extern @print_i32(i32)

func @main() {
^entry:
  %x = iconst 1
  %y = fconst 2.5
    %z = iadd %x, %y
  ret
}
`;

test('verifier errors name file:line:col of the instruction read from text', (t) => {
  const errors = verifyModule(parseModule(BAD, 'bad.jir'));
  t.is(errors.length, 1);
  t.is(errors[0]!.location, 'bad.jir:7:5');
  t.is(String(errors[0]), 'bad.jir:7:5: @main ^entry #2 (iadd): operand 2 has type f64, expected i32');
});

test('block- and function-level errors point at the label and the func keyword', (t) => {
  const m = parseModule('func @f() {\n^entry:\n  br ^b\n^b:\n  ret\n}\n', 'two.jir');
  const f = m.func('f')!;
  // A duplicate block name cannot be written in text: make one after parsing.
  f.blocks[1]!.name = 'entry';
  f.sig = { params: ['i32'], result: null };
  const errors = verifyModule(m).map(String);
  t.true(errors.includes('two.jir:4:1: @f ^entry: duplicate block name ^entry'), errors.join('\n'));
  t.true(
    errors.some((e) => e.startsWith('two.jir:2:1: @f ^entry: entry block has 0 parameter(s)')),
    errors.join('\n'),
  );
});

test('IR built in memory has no positions, and the failure says so once', (t) => {
  const m = new Module();
  const b = new FuncBuilder(m, 'g', { params: [], result: 'i32' });
  b.ret(b.fconst(1.5));
  const failure = t.throws(() => assertValid(m), { instanceOf: VerifyFailure })!;
  t.is(failure.errors[0]!.location, '');
  t.regex(
    failure.message,
    new RegExp(
      /^IR verification failed with 1 error\(s\) \(in IR built in memory, which has no source positions\):\n/.source +
        / {2}@g \^entry #1 \(ret\): returns f64/.source,
    ),
  );
});

test('positions survive a 100k-line module: the last function is located exactly', (t) => {
  const parts: string[] = [];
  for (let i = 0; i < 20_000; i++) parts.push(`func @f${i}() -> i32 {\n^entry:\n  %a = iconst ${i}\n  ret %a\n}\n`);
  parts.push('func @bad() -> i32 {\n^entry:\n  %a = fconst 1.0\n  ret %a\n}\n');
  const errors = verifyModule(parseModule(parts.join(''), 'big.jir'));
  t.deepEqual(errors.map(String), [
    'big.jir:100004:3: @bad ^entry #1 (ret): returns f64, but the function returns i32',
  ]);
});

test('syntax errors name file:line:col', (t) => {
  const err = t.throws(() => parseModule('func @f() {\n^entry:\n  ret %\n}\n', 'syn.jir'), {
    instanceOf: SourceError,
  })!;
  t.is(err.describe(), "syn.jir:3:7: expected a name after '%'");
});

test('jitc bad.jir: file:line:col of the offending instruction, exit 1, no host stack', async (t) => {
  const r = await cliProcess(fixture('bad-operand.jir'));
  t.regex(
    r.stderr,
    new RegExp(
      /^jitc: \S*bad-operand\.jir: IR verification failed with 1 error\(s\):\n/.source +
        / {2}\S*bad-operand\.jir:16:5: @helper \^next #0 \(iadd\): operand 2 has type ref, expected i32\n$/.source,
    ),
  );
  t.false(r.stderr.includes(STACK_LINE));
  t.is(r.stdout, '');
  t.is(r.status, 1);
});
