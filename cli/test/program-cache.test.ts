import test from 'ava';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliProcessWithEnv } from './cli-harness.ts';

// The built command keeps a prepared program for the next run of the same program
// (framework/src/prepared/program-cache.ts): a run answered from it must print what a
// fresh one prints and run the same code.

const PROGRAM = `
def tri(n):
    total = 0
    for i in range(n):
        total = total + i * i % 7
    return total


print(tri(1000), tri(5) + 1.5)
`;

test('a second run of a program takes it from the cache and prints the same', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'jitc-program-cache-cli-'));
  try {
    const file = join(dir, 'tri.py');
    writeFileSync(file, PROGRAM);
    const env = { JITC_CACHE_DIR: join(dir, 'cache') };
    const first = await cliProcessWithEnv(env, '--backend', 'armv7', '--stats', file);
    const second = await cliProcessWithEnv(env, '--backend', 'armv7', '--stats', file);
    t.is(first.stdout, '2001 10.5\n');
    t.is(first.status, 0);
    t.regex(first.stderr, /compile time +[\d.]+ ms\n/);
    t.is(second.stdout, first.stdout);
    t.is(second.status, 0);
    t.regex(second.stderr, /compile time +[\d.]+ ms \(program from the cache\)\n/);
    t.is(readdirSync(env.JITC_CACHE_DIR).filter((f) => f.startsWith('program-')).length, 1);
    // The module a hit gives is the one a miss gives (another setting: a new entry).
    const irMiss = await cliProcessWithEnv(env, '--backend', 'armv7', '-O1', '--emit', 'ir', file);
    const irHit = await cliProcessWithEnv(env, '--backend', 'armv7', '-O1', '--emit', 'ir', file);
    t.is(irMiss.status, 0);
    t.true(irMiss.stdout.includes('func @f.tri('));
    t.is(irHit.stdout, irMiss.stdout);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
