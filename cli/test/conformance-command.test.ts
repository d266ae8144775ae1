// `jitc conformance`: the matrix command. It replays a seed exactly, ends with its one
// summary line, and a backend that computes wrong is caught, shrunk and saved as a file
// test that fails on that backend and passes on the interpreter.
import test from 'ava';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../src/main.ts';

/** The interpreter as backend `off-by-one`, whose every i32 result is one too many. */
const BROKEN_PLUGIN = `import { interpreterBackend } from 'jitc';

const broken = {
  ...interpreterBackend,
  name: 'off-by-one',
  description: 'the interpreter, returning every i32 result plus one',
  createEngine(program, options) {
    const engine = interpreterBackend.createEngine(program, options);
    return new Proxy(engine, {
      get(target, key) {
        if (key === 'call')
          return (name, args) => {
            const value = target.call(name, args);
            return program.module.func(name)?.sig.result === 'i32' ? (value + 1) | 0 : value;
          };
        const member = Reflect.get(target, key);
        return typeof member === 'function' ? member.bind(target) : member;
      },
    });
  },
};

export default function brokenPlugin() {
  return { name: 'broken-plugin', provides: [{ kind: 'backend', name: broken.name, description: broken.description, create: () => broken }] };
}
`;

const SUMMARY =
  /^conformance: seed (-?\d+), (\d+) cases, (\d+) mismatches, [\d.]+% discarded, [\d.]+% trapped, opcodes (\d+)\/(\d+), \d+ collections$/m;

function capture(cwd: string): { io: Parameters<typeof runCli>[1]; out: () => string; err: () => string } {
  let stdout = '';
  let stderr = '';
  return {
    io: { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), env: {}, cwd },
    out: () => stdout,
    err: () => stderr,
  };
}

test('a run replays its seed exactly and ends with the summary line', async (t) => {
  const runs: string[] = [];
  for (let i = 0; i < 2; i++) {
    const c = capture(process.cwd());
    t.is(await runCli(['conformance', '--runs', '14', '--seed', '77', '--backend', 'armv7'], c.io), 0, c.out());
    const line = SUMMARY.exec(c.out());
    t.truthy(line, c.out());
    t.is(line![1], '77');
    t.is(line![2], '14');
    t.is(line![3], '0');
    t.true(Number(line![4]) > 50 && Number(line![4]) <= Number(line![5]));
    runs.push(line![0].replace(/, \d+ collections$/, ''));
  }
  t.is(runs[0], runs[1]);
});

test('a wrong backend is caught; the shrunk program is saved as a file test that fails on it only', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'jitc-conformance-'));
  try {
    writeFileSync(join(dir, 'broken-plugin.mjs'), BROKEN_PLUGIN);
    const regressions = join(dir, 'regressions');
    const plugin = ['--plugin', './broken-plugin.mjs'];
    const c = capture(dir);
    const args = ['conformance', ...plugin, '--backend', 'off-by-one', '--gc', 'boehm', '--runs', '6', '--seed', '3'];
    t.is(await runCli([...args, '--regressions', regressions], c.io), 1, c.err());
    t.regex(c.out(), /MISMATCH case \d+ on off-by-one × boehm/);
    t.regex(c.out(), /expected i32 (-?\d+), got i32/);
    t.regex(c.out(), /conformance: seed 3, 6 cases, [1-9]\d* mismatches/);
    const files = readdirSync(regressions);
    t.true(files.length > 0);
    const text = readFileSync(join(regressions, files[0]!), 'utf8');
    t.regex(text, /^; test: run\n; Found by `jitc conformance --seed 3` \(case \d+\) on off-by-one × boehm/);
    t.regex(text, /\n; run: @fn\d+\(.*\) == -?\d+\n/);
    const onInterp = capture(dir);
    t.is(await runCli(['test', regressions], onInterp.io), 0, onInterp.out());
    const onBroken = capture(dir);
    t.is(await runCli(['test', ...plugin, '--backend', 'off-by-one', regressions], onBroken.io), 1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('bad flags are usage errors naming the flag', async (t) => {
  const c = capture(process.cwd());
  t.is(await runCli(['conformance', '--shard', '3/2'], c.io), 2);
  t.regex(c.err(), /--shard 3\/2: give i\/n/);
  t.is(await runCli(['conformance', '--runs', '0'], c.io), 2);
  t.regex(c.err(), /--runs 0: give a positive whole number/);
  t.is(await runCli(['conformance', '--gc', 'nope'], c.io), 2);
  t.regex(c.err(), /unknown (garbage collector|gc|collector) 'nope'/i);
});
