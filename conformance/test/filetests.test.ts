import test from 'ava';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CLI_PLUGINS } from '../../cli/src/all-plugins.ts';
import { failureLine, runFileTestCommand } from '../../framework/src/filetest/command.ts';
import { findFileTests } from '../../framework/src/filetest/find-files.ts';
import { runFileTest } from '../../framework/src/filetest/run-file.ts';
import { OPCODE_LIST } from '../../framework/src/ir/opcodes.ts';
import { parseModule } from '../../framework/src/ir/text/parser.ts';
import { Registry, UsageError } from '../../framework/src/registry.ts';
import type { RunConfig } from '../../framework/src/run-config.ts';
import { MiB } from '../../framework/src/runtime/memory-map.ts';

/**
 * Every `.jir` file test on the interpreter with the Boehm collector: -O0 and -O1, each
 * plain and under GC stress (collect at every allocation, heap verifier on), each on the
 * IR as written and GC-lowered. One ava test per file and configuration; a failure lists
 * every failing run as file:line.
 *
 * Each run builds a fresh program (tens of MB of guest memory), so configurations that
 * cannot differ from one already run are skipped: stress only matters for a file that
 * allocates, lowering only for one that allocates or stores into objects or globals.
 */

const FILETEST_DIR = fileURLToPath(new URL('../filetests', import.meta.url));
const registry = new Registry(CLI_PLUGINS);
const files = await findFileTests([FILETEST_DIR]);
const texts = new Map(files.map((f) => [f, readFileSync(f, 'utf8')]));

/** Small memory keeps a fresh program per run cheap; files that need more say so. */
const BASE: RunConfig = { backend: 'interp', gc: 'boehm', optLevel: 0, heapSize: 1 * MiB, stackSize: MiB / 4 };

interface NamedConfig {
  name: string;
  config: RunConfig;
}

function configs(): NamedConfig[] {
  const out: NamedConfig[] = [];
  for (const optLevel of [0, 1] as const) {
    for (const lower of [false, true]) {
      for (const stress of [false, true]) {
        const name = [`O${optLevel}`, lower ? 'lowered' : '', stress ? 'stress' : ''].filter(Boolean).join(' ');
        const config: RunConfig = { ...BASE, optLevel, lower, ...(stress ? { gcStress: 1, verifyHeap: true } : {}) };
        out.push({ name, config });
      }
    }
  }
  return out;
}

/** Which of stress and lowering can change how this file runs. */
function relevance(text: string, file: string): { stress: boolean; lower: boolean } {
  const m = parseModule(text, file);
  const ops = new Set(m.funcs.flatMap((f) => f.blocks.flatMap((b) => b.insts.map((i) => i.op.name))));
  const allocates = ops.has('new') || ops.has('new_array') || m.externs.some((e) => e.collects);
  const stores = ['set', 'aset', 'gset'].some((op) => ops.has(op));
  return { stress: allocates, lower: !m.lowered && (allocates || stores) };
}

for (const file of files) {
  const name = relative(FILETEST_DIR, file);
  const matters = relevance(texts.get(file)!, file);
  const wanted = configs().filter(
    ({ config }) => (matters.stress || !config.gcStress) && (matters.lower || !config.lower),
  );
  for (const { name: configName, config } of wanted) {
    test(`${name} [interp boehm ${configName}]`, (t) => {
      const results = runFileTest(registry, file, texts.get(file)!, config);
      const failures = results.filter((r) => r.failure !== null).map(failureLine);
      if (failures.length > 0) t.fail(`${failures.length} of ${results.length} runs failed:\n${failures.join('\n')}`);
      else t.pass();
    });
  }
}

test('every opcode appears in some file test', (t) => {
  const used = new Set<string>();
  for (const [file, text] of texts) {
    const m = parseModule(text, file);
    for (const f of m.funcs) for (const b of f.blocks) for (const inst of b.insts) used.add(inst.op.name);
  }
  const missing = OPCODE_LIST.map((op) => op.name).filter((n) => !used.has(n));
  t.deepEqual(missing, [], `opcodes without a file test: ${missing.join(', ')}`);
});

test('there are file tests in every area', (t) => {
  const areas = ['int', 'float', 'ref', 'objects', 'globals', 'calls', 'exceptions', 'control', 'traps', 'gc'];
  const empty = areas.filter((a) => !files.some((f) => relative(FILETEST_DIR, f).startsWith(`${a}/`)));
  t.deepEqual(empty, []);
  t.true(files.length >= 45, `${files.length} files`);
});

// The runner itself: a runner that cannot fail proves nothing.

const O0: RunConfig = { ...BASE, optLevel: 0 };
const ANSWER = `
func @answer(%x: i32) -> i32 {
^entry:
  %k = iconst 42
  %r = iadd %x, %k
  ret %r
}
`;

test('runner: a wrong expectation fails at its line with expected and actual', (t) => {
  const results = runFileTest(registry, 'mem.jir', `${ANSWER}; run: @answer(0) == 42\n; run: @answer(1) == 42\n`, O0);
  t.deepEqual(
    results.map((r) => [r.line, r.failure]),
    [
      [8, null],
      [9, 'expected 42, got 43'],
    ],
  );
});

test('runner: an unexpected trap, a missing trap and wrong output fail', (t) => {
  const text = `
extern @print_i32(i32)
func @show(%x: i32) -> i32 {
^entry:
  call @print_i32(%x)
  %z = iconst 0
  %r = sdiv %x, %z
  ret %r
}
; run: @show(1) == 1
; out: 1
; run: @show(2) traps div_by_zero
; out: 3
; run: @show(4) traps bad_pointer
; out: 4
`;
  const failures = runFileTest(registry, 'mem.jir', text, O0).map((r) => r.failure);
  t.regex(failures[0] ?? '', /^expected 1, got trap div_by_zero/);
  t.regex(failures[1] ?? '', /^expected output "3\\n", got "2\\n"$/);
  t.regex(failures[2] ?? '', /^expected trap bad_pointer, got trap div_by_zero/);
});

test('runner: f64 results compare bit for bit, NaN as a class', (t) => {
  const text = `
func @id(%x: f64) -> f64 {
^entry:
  ret %x
}
; run: @id(-0.0) == -0.0
; run: @id(-0.0) == 0.0
; run: @id(nan:0x7ff0000000000001) == nan
; run: @id(1.0) == nan
`;
  t.deepEqual(
    runFileTest(registry, 'mem.jir', text, O0).map((r) => r.failure),
    [null, 'expected 0.0, got -0.0', null, 'expected nan, got 1.0'],
  );
});

test('runner: malformed run lines are reported at file:line:col', (t) => {
  const fail = (line: string): string | null => runFileTest(registry, 'mem.jir', `${ANSWER}${line}\n`, O0)[0]!.failure;
  t.is(fail('; run: @answer(1.5) == 43'), 'mem.jir:8:16: 1.5 is a float, not an i32');
  t.is(fail('; run: @nothing() == 1'), 'mem.jir:8:8: no function @nothing in this module');
  t.is(fail('; run: @answer(1)'), "mem.jir:8:8: @answer returns i32: write '== value' or 'traps kind'");
  t.is(
    fail('; run: @answer(1) traps oops'),
    "mem.jir:8:25: unknown trap kind 'oops' (known: div_by_zero, bad_pointer, index_out_of_bounds, unreachable, " +
      'stack_overflow, out_of_memory, fuel_exhausted, bad_function, uncaught_exception, host_error)',
  );
  t.is(fail('; run: @answer(1, 2) == 3'), 'mem.jir:8:8: @answer takes 1 argument(s), the run passes 2');
  t.is(fail('; run: @answer(1) = 43'), "mem.jir:8:19: expected '== value', 'traps kind' or the end of the line");
  t.is(fail('; heap: lots'), "mem.jir:8:9: 'lots' is not a size (try 64M, 512K or 1G)");
});

test('runner: each run starts from a fresh program', (t) => {
  const text = `
global @n: i32 = 0
func @bump() -> i32 {
^entry:
  %v = gget @n
  %one = iconst 1
  %v1 = iadd %v, %one
  gset @n, %v1
  ret %v1
}
; run: @bump() == 1
; run: @bump() == 1
`;
  t.deepEqual(
    runFileTest(registry, 'mem.jir', text, O0).map((r) => r.failure),
    [null, null],
  );
});

test('command: finds .jir files recursively, reports failures and the totals', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'jitc-filetests-'));
  try {
    mkdirSync(join(dir, 'nested'));
    writeFileSync(join(dir, 'a.jir'), `${ANSWER}; run: @answer(0) == 42\n`);
    writeFileSync(join(dir, 'nested', 'b.jir'), `${ANSWER}; run: @answer(1) == 42\n; run: @answer(2) == 44\n`);
    writeFileSync(join(dir, 'nested', 'ignored.txt'), 'not a test');
    const lines: string[] = [];
    const counts = await runFileTestCommand(registry, [dir], O0, (l) => lines.push(l));
    t.deepEqual(counts, { passed: 2, failed: 1 });
    t.deepEqual(lines, [`${join(dir, 'nested', 'b.jir')}:8: @answer(1): expected 42, got 43`, '2 passed, 1 failed']);
    await t.throwsAsync(
      runFileTestCommand(registry, [join(dir, 'missing')], O0, () => {}),
      { instanceOf: UsageError },
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
