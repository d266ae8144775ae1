import test from 'ava';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SourceError } from '#framework';
import { pythonAssignments, pythonLinesFor, pythonNestedParens } from '#conformance';
import { landedBackendsOnBoehm, runJitc } from '#framework/testing';
import { minipyFrontend } from '../src/frontend.ts';

// Big and deep programs: a 5 MB module runs on every backend, and the nesting limits and
// the source encoding fail the way CPython 3.11 fails (exit status 1, its last stderr line).

// Asked before any test is declared: ava takes declarations only until the first await.
const configurations = await landedBackendsOnBoehm();
const dir = mkdtempSync(join(tmpdir(), 'jitc-minipy-robust-'));
test.after.always(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, source: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, source);
  return path;
}

const lastLine = (text: string): string => text.trimEnd().split('\n').pop() ?? '';

/** What CPython prints for a compile-time error of `source` (describe() is the report). */
function compileError(source: string, file = join(dir, 'snippet.py')): string {
  const err = (() => {
    try {
      minipyFrontend.compile(source, file, {});
    } catch (e) {
      return e;
    }
    return undefined;
  })();
  if (!(err instanceof SourceError)) throw new Error(`expected a source error, got ${String(err)}`);
  return err.describe();
}

const compiles = (source: string): boolean => {
  minipyFrontend.compile(source, 'snippet.py', {});
  return true;
};

const big = pythonAssignments(pythonLinesFor(5 * 1024 * 1024));
const bigFile = write('big.py', big.source);
for (const { backend, gc } of configurations) {
  test(`a 5 MB module runs on ${backend} --gc ${gc}`, async (t) => {
    t.true(big.source.length > 5_000_000);
    const r = await runJitc(['--backend', backend, '--gc', gc, bigFile]);
    t.is(r.stderr, '');
    t.is(r.code, 0);
    t.is(r.stdout, big.expected);
  });
}

test("1 000 nested parentheses: CPython's SyntaxError, exit status 1", async (t) => {
  const file = write('parens.py', pythonNestedParens(1000));
  const r = await runJitc([file]);
  t.is(r.code, 1);
  t.is(lastLine(r.stderr), 'SyntaxError: too many nested parentheses');
  const lines = r.stderr.split('\n');
  t.is(lines[0], `  File "${file}", line 1`);
  // The caret points at the bracket that opened level 201: `print(` is level 1.
  t.is(lines[2], `${' '.repeat(4 + 'print('.length + 199)}^`);
});

test('brackets: 200 levels compile, 201 do not', (t) => {
  t.true(compiles(pythonNestedParens(199)));
  t.is(lastLine(compileError(pythonNestedParens(200))), 'SyntaxError: too many nested parentheses');
  t.true(compiles(`x = ${'['.repeat(200)}${']'.repeat(200)}\n`));
  t.is(
    lastLine(compileError(`x = ${'['.repeat(201)}${']'.repeat(201)}\n`)),
    'SyntaxError: too many nested parentheses',
  );
});

test('indentation: 99 levels compile, 100 do not', (t) => {
  const nest = (n: number): string =>
    Array.from({ length: n }, (_, i) => `${'    '.repeat(i)}if 1:\n`).join('') + `${'    '.repeat(n)}print(1)\n`;
  t.true(compiles(nest(99)));
  const err = compileError(nest(100));
  t.is(lastLine(err), 'IndentationError: too many levels of indentation');
  t.regex(err, /line 101\n {4}print\(1\)\n/);
});

test('syntax tree depth: 3 000 levels compile, 3 001 raise RecursionError', async (t) => {
  const sum = (terms: number): string => `x = ${Array(terms).fill('1').join('+')}\nprint(x)\n`;
  // Assignment (1) + 2 998 additions + the innermost literal (1) = 3 000 levels.
  const atLimit = await runJitc([write('sum2999.py', sum(2999))]);
  t.is(atLimit.stdout, '2999\n');
  t.is(atLimit.code, 0);
  t.is(compileError(sum(3000)), 'RecursionError: maximum recursion depth exceeded during compilation');
  t.is(
    compileError(`print(${Array(100_000).fill('1').join('+')})\n`),
    'RecursionError: maximum recursion depth exceeded during compilation',
  );
  t.true(compiles(`print(${'-'.repeat(2997)}1)\n`));
  t.is(
    compileError(`print(${'-'.repeat(2998)}1)\n`),
    'RecursionError: maximum recursion depth exceeded during compilation',
  );
  t.true(compiles(`print(${Array(2998).fill('1').join(' if 1 else ')})\n`));
  t.true(compiles(`print(${'not '.repeat(2997)}1)\n`));
});

test('parser stack: long prefix and power chains are a MemoryError', (t) => {
  t.is(compileError(`print(${'-'.repeat(100_000)}1)\n`), 'MemoryError');
  t.is(compileError(`print(${'-'.repeat(5965)}1)\n`), 'MemoryError');
  t.is(
    compileError(`print(${'-'.repeat(5964)}1)\n`),
    'RecursionError: maximum recursion depth exceeded during compilation',
  );
  t.true(compiles(`print(${Array(2983).fill('1').join('**')})\n`));
  t.is(compileError(`print(${Array(2984).fill('1').join('**')})\n`), 'MemoryError');
});

test('flat chains are no nesting: 100 000 `or`s and elifs in a loop', (t) => {
  t.true(compiles(`print(${Array(100_000).fill('0').join(' or ')})\n`));
  const elifs = (n: number): string => `x = 1\nif x == 0:\n  pass\n${'elif x == 2:\n  pass\n'.repeat(n)}`;
  t.true(compiles(elifs(2990)));
  t.is(compileError(elifs(3000)), 'RecursionError: maximum recursion depth exceeded during compilation');
});

test("invalid UTF-8 is CPython's SyntaxError naming the file and line", async (t) => {
  const file = write(
    'latin1.py',
    Buffer.concat([Buffer.from('print(1)\nx = "caf'), Buffer.from([0xe9]), Buffer.from('"\n')]),
  );
  const r = await runJitc([file]);
  t.is(r.code, 1);
  t.is(r.stdout, '');
  t.is(
    lastLine(r.stderr),
    `SyntaxError: Non-UTF-8 code starting with '\\xe9' in file ${file} on line 2, ` +
      'but no encoding declared; see https://peps.python.org/pep-0263/ for details',
  );
  // U+FFFD written as UTF-8 is a character like any other.
  const ok = await runJitc([write('replacement.py', 'print("\uFFFD")\n')]);
  t.is(ok.stdout, '\uFFFD\n');
});
