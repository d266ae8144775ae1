import { readFileSync } from 'node:fs';
import test from 'ava';
import { runCli } from '../src/main.ts';
import { isUnicornAvailable } from '#framework/emu';
import { cliInProcess, REPO } from './cli-harness.ts';

const VERSION = (JSON.parse(readFileSync(`${REPO}package.json`, 'utf8')) as { version: string }).version;
const USED = String.raw`unicorn \d+\.\d+\.\d+ \(/\S+; from (env|cache|system)\)`;
const USED_LINE = new RegExp(`^${USED}$`);

async function versionOutput(env: Record<string, string>): Promise<string[]> {
  let stdout = '';
  const status = await runCli(['--version'], { stdout: (t) => void (stdout += t), stderr: () => {}, env, cwd: REPO });
  if (status !== 0) throw new Error(`jitc --version exited ${status}`);
  return stdout.trimEnd().split('\n');
}

test('--version names jitc, then the Unicorn library a native run would use', async (t) => {
  const lines = await versionOutput({});
  t.is(lines[0], `jitc ${VERSION}`);
  t.true(USED_LINE.test(lines[1]!) || lines[1]!.startsWith('unicorn: none found'), lines[1]);
});

test('--version says why a library named by JITC_LIBUNICORN was not used', async (t) => {
  const lines = await versionOutput({ JITC_LIBUNICORN: '/nonexistent/libunicorn.so.2' });
  t.is(lines[0], `jitc ${VERSION}`);
  t.true(lines.includes('unicorn (/nonexistent/libunicorn.so.2; from env) not used: no such file'), lines.join('\n'));
});

(isUnicornAvailable() ? test : test.skip)('--stats of a native run names the Unicorn library it ran on', async (t) => {
  const r = await cliInProcess('--backend', 'armv7', '--stats', 'examples/lists.jir');
  t.is(r.status, 0, r.stderr);
  t.regex(r.stderr, new RegExp(`^ {2}emulator +${USED}$`, 'm'));
});
