import test from 'ava';
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { pluginsFor } from '../src/load-plugins.ts';
import { runCli } from '../src/main.ts';
import { CLI_PLUGIN_LIST } from '../src/plugins-list.ts';
import { Registry } from '#framework';

// This file must import nothing that loads koffi: each ava test file runs in its own
// process, so the CommonJS module cache tells what the CLI itself loaded (koffi's native
// addon, e.g. @koromix/koffi-linux-x64/linux_x64/koffi.node).
const koffiLoaded = (): boolean =>
  Object.keys(createRequire(import.meta.url).cache).some((f) => f.split(sep).some((part) => part.startsWith('koffi')));

async function cli(...args: string[]): Promise<{ status: number; stdout: string }> {
  let stdout = '';
  const status = await runCli(args, {
    stdout: (t) => void (stdout += t),
    stderr: () => {},
    env: {},
    cwd: process.cwd(),
  });
  return { status, stdout };
}

test.serial('--help and runs on the interpreter do not load koffi; an armv7 run does', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'jitc-lazy-'));
  try {
    const pl = join(dir, 'hello.pl');
    writeFileSync(pl, ":- initialization(main).\nmain :- write('Hello, world!'), nl.\n");
    const py = join(dir, 'hello.py');
    writeFileSync(py, 'print("Hello, world!")\n');
    t.is((await cli('--help')).status, 0);
    t.deepEqual(await cli('--backend', 'interp', pl), { status: 0, stdout: 'Hello, world!\n' });
    t.deepEqual(await cli('--backend', 'interp', py), { status: 0, stdout: 'Hello, world!\n' });
    t.false(koffiLoaded(), 'koffi was loaded without a native backend');
    t.deepEqual(await cli('--backend', 'armv7', pl), { status: 0, stdout: 'Hello, world!\n' });
    t.true(koffiLoaded(), 'the check above would not see koffi');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a run loads the plugins it names, and all of them for an unknown name', (t) => {
  const names = (file: string, backend: string, gc = 'boehm'): string[] =>
    pluginsFor({ file, backend, gc }).map((p) => p.name);
  t.deepEqual(names('a.pl', 'interp'), ['core', 'gc-boehm', 'frontend-prolog']);
  t.deepEqual(names('a.py', 'armv7'), ['core', 'gc-boehm', 'backend-armv7', 'frontend-minipy']);
  t.deepEqual(names('a.jir', 'interp'), ['core', 'gc-boehm']);
  const all = CLI_PLUGIN_LIST.map((p) => p.name);
  t.deepEqual(names('a.pl', 'sparc'), all);
  t.deepEqual(names('a.cob', 'interp'), all);
  t.deepEqual(names('a.pl', 'interp', 'refcount'), all);
});

test('each plugin provides exactly the frontends, backends and GCs the list claims for it', async (t) => {
  for (const entry of CLI_PLUGIN_LIST) {
    const registry = new Registry([await entry.load()]);
    t.deepEqual(
      registry.plugins.map((p) => p.name),
      [entry.name],
    );
    const provided = (kind: string): string[] =>
      registry.plugins[0]!.provides.filter((p) => p.kind === kind).map((p) => p.name);
    t.deepEqual(
      registry.frontends().flatMap((f) => f.extensions),
      [...(entry.frontends ?? [])],
      entry.name,
    );
    t.deepEqual(provided('backend'), [...(entry.backends ?? [])], entry.name);
    t.deepEqual(provided('gc'), [...(entry.gcs ?? [])], entry.name);
  }
});
