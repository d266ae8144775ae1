// `jitc --plugin MODULE`: a plugin written outside the tree, importing the framework only
// by the package's name, is loaded from a path and runs a program, from the built command
// and in process. Nothing in the tree names it.
import test from 'ava';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../src/main.ts';
import { cliProcess, fixture } from './cli-harness.ts';

/** A plugin of two provisions: the framework's arena as GC `tiny`, and the interpreter as
 *  backend `tally`, which tells on stderr how many engines it made. */
const PLUGIN = `import { interpreterBackend } from 'jitc';
import { arenaCollector } from 'jitc/testing';

let engines = 0;
const tiny = { ...arenaCollector(), name: 'tiny', description: 'the arena, from outside the tree' };
const tally = {
  ...interpreterBackend,
  name: 'tally',
  description: 'the interpreter, counting engines',
  createEngine(program, options) {
    engines++;
    process.on('exit', () => process.stderr.write('tally: ' + engines + ' engine(s)\\n'));
    return interpreterBackend.createEngine(program, options);
  },
};

export default function tinyPlugin() {
  return {
    name: 'tiny-plugin',
    provides: [
      { kind: 'gc', name: tiny.name, description: tiny.description, create: () => tiny },
      { kind: 'backend', name: tally.name, description: tally.description, create: () => tally },
    ],
  };
}
`;

/** A fresh folder holding the plugin and a Python program that allocates. */
function pluginFolder(): { dir: string; plugin: string; program: string; done: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'jitc-plugin-'));
  const plugin = join(dir, 'tiny-plugin.mjs');
  writeFileSync(plugin, PLUGIN);
  const program = join(dir, 'hello.py');
  writeFileSync(program, 'xs = [1, 2, 3]\nprint("Hello,", sum(xs))\n');
  return { dir, plugin, program, done: () => rmSync(dir, { recursive: true, force: true }) };
}

test('the built command runs a program on a GC and a backend loaded with --plugin', async (t) => {
  const f = pluginFolder();
  try {
    const r = await cliProcess('--plugin', f.plugin, '--gc', 'tiny', '--backend', 'tally', '--stats', f.program);
    t.is(r.stdout, 'Hello, 6\n');
    t.is(r.status, 0, r.stderr);
    t.regex(r.stderr, /allocations +[1-9]/);
    t.regex(r.stderr, /tally: 1 engine\(s\)/);
  } finally {
    f.done();
  }
});

test('in process, a relative --plugin path is read from the working directory; jitc plugins lists it', async (t) => {
  const f = pluginFolder();
  try {
    let stdout = '';
    const io = { stdout: (text: string) => void (stdout += text), stderr: () => {}, env: {}, cwd: f.dir };
    t.is(await runCli(['--plugin', './tiny-plugin.mjs', '--gc', 'tiny', 'hello.py'], io), 0);
    t.is(stdout, 'Hello, 6\n');
    stdout = '';
    t.is(await runCli(['plugins', '--plugin', './tiny-plugin.mjs'], io), 0);
    const listing = new RegExp(
      /\ntiny-plugin\n {2}gc +tiny +the arena, from outside the tree\n/.source +
        / {2}backend +tally +the interpreter, counting engines\n$/.source,
    );
    t.regex(stdout, listing);
  } finally {
    f.done();
  }
});

test('a --plugin that is missing or is not a plugin is a usage error', async (t) => {
  const f = pluginFolder();
  try {
    writeFileSync(join(f.dir, 'not-a-plugin.mjs'), 'export default 42;\n');
    let stderr = '';
    const io = { stdout: () => {}, stderr: (text: string) => void (stderr += text), env: {}, cwd: f.dir };
    t.is(await runCli(['--plugin', './missing.mjs', fixture('keep-alive.jir')], io), 2);
    t.regex(stderr, /--plugin \.\/missing\.mjs: cannot load it/);
    stderr = '';
    t.is(await runCli(['--plugin', './not-a-plugin.mjs', fixture('keep-alive.jir')], io), 2);
    t.regex(stderr, /its default export is not a jitc plugin/);
  } finally {
    f.done();
  }
});
