import test from 'ava';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Registry } from '#framework';
import { runFileTestCommand } from '#framework/testing';
import { CLI_PLUGINS } from '../../cli/src/all-plugins.ts';

// Each file under conformance/precise names its target and the listing it must compile to
// (`; asm:` lines): a change in the code a backend emits fails here until it is blessed
// with `jitc test conformance/precise --bless`.
const dir = fileURLToPath(new URL('../precise/', import.meta.url));

test('every precise-output file compiles to its expected listing', async (t) => {
  const failures: string[] = [];
  const { passed, failed } = await runFileTestCommand(
    new Registry(CLI_PLUGINS),
    [dir],
    { backend: 'interp', gc: 'boehm', optLevel: 1 },
    (line) => failures.push(line),
  );
  t.true(passed >= 4, `only ${passed} precise-output files ran`);
  t.is(failed, 0, failures.join('\n'));
});

test('a listing that differs fails at its first differing line, and --bless rewrites the file', async (t) => {
  const original = readFileSync(join(dir, 'armv7/count-loop.jir'), 'utf8');
  const changed = original.replace('; asm:   add r1, r1, #1', '; asm:   add r1, r1, r3');
  t.not(changed, original, 'the fixture has the line this test changes');
  const file = join(mkdtempSync(join(tmpdir(), 'jitc-precise-')), 'count-loop.jir');
  writeFileSync(file, changed);
  const registry = new Registry(CLI_PLUGINS);
  const config = { backend: 'interp', gc: 'boehm', optLevel: 1 } as const;
  const lines: string[] = [];
  const first = await runFileTestCommand(registry, [file], config, (l) => lines.push(l));
  t.is(first.failed, 1);
  t.regex(lines[0]!, /listing line \d+: expected `add r1, r1, r3`, got `add r1, r1, #1`/);
  const blessed = await runFileTestCommand(registry, [file], config, () => {}, { bless: true });
  t.is(blessed.failed, 0);
  t.is(readFileSync(file, 'utf8'), original);
});
