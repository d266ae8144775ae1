import test from 'ava';
import { fileURLToPath } from 'node:url';
import { unicornCandidates, findProjectRoot, UNICORN_CACHE_PATH } from '../../src/emu/unicorn-candidates.ts';
import {
  chooseUnicorn,
  decodeUnicornVersion,
  formatUnicornChoice,
  type UnicornCandidate,
  type UnicornProbe,
  type UnicornVersion,
} from '../../src/emu/unicorn-choice.ts';
const REPO = fileURLToPath(new URL('../../../', import.meta.url));

const v = (text: string): UnicornVersion => {
  const [major, minor, patch] = text.split('.').map(Number);
  return { major: major!, minor: minor!, patch: patch! };
};
const ENV: UnicornCandidate = { source: 'env', path: '/opt/uc/libunicorn.so.2' };
const CACHE: UnicornCandidate = { source: 'cache', path: '/p/.cache/unicorn/libunicorn.so.2' };
const SYSTEM: UnicornCandidate = { source: 'system', path: 'libunicorn.so.2' };
const SYSTEM_FILE = '/usr/lib/x86_64-linux-gnu/libunicorn.so.2';

/** A fake probe: each candidate's version, or why it does not load; records what was probed. */
function fakeProbe(table: Map<UnicornCandidate, string>): {
  probe: (c: UnicornCandidate) => UnicornProbe<string>;
  probed: string[];
} {
  const probed: string[] = [];
  const probe = (c: UnicornCandidate): UnicornProbe<string> => {
    probed.push(c.source);
    const entry = table.get(c) ?? 'missing';
    if (entry === 'missing') return { loaded: false, reason: 'no such file', missing: true };
    if (entry.startsWith('broken')) return { loaded: false, reason: 'cannot load: wrong ELF class' };
    return {
      loaded: true,
      library: `${c.source}-lib`,
      version: v(entry),
      path: c.source === 'system' ? SYSTEM_FILE : c.path,
    };
  };
  return { probe, probed };
}

test('uc_version words decode for Unicorn 2 and 1', (t) => {
  t.deepEqual(decodeUnicornVersion(0x020101ff), v('2.1.1'));
  t.deepEqual(decodeUnicornVersion(0x020001ff), v('2.0.1'));
  t.deepEqual(decodeUnicornVersion(0x0100), v('1.0.0'));
});

test('candidates: JITC_LIBUNICORN first, then the cache, then the system library', (t) => {
  t.deepEqual(unicornCandidates({ JITC_LIBUNICORN: '/x/libunicorn.so.2' }, '/p'), [
    { source: 'env', path: '/x/libunicorn.so.2' },
    { source: 'cache', path: `/p/${UNICORN_CACHE_PATH}` },
    { source: 'system', path: 'libunicorn.so.2' },
  ]);
  t.deepEqual(
    unicornCandidates({ JITC_LIBUNICORN: '' }, '/p').map((c) => c.source),
    ['cache', 'system'],
  );
});

test('the project root is the folder of jitc package.json', (t) => {
  t.is(findProjectRoot(), REPO.replace(/\/$/, ''));
});

test('the first library of 2.1 or newer wins, and later ones are not loaded', (t) => {
  const { probe, probed } = fakeProbe(
    new Map([
      [CACHE, '2.1.1'],
      [SYSTEM, '2.0.1'],
    ]),
  );
  const choice = chooseUnicorn([ENV, CACHE, SYSTEM], probe);
  t.is(choice.library, 'cache-lib');
  t.deepEqual(probed, ['env', 'cache']);
});

test('an older library earlier in the order loses to a newer one', (t) => {
  const { probe } = fakeProbe(
    new Map([
      [ENV, '2.0.1'],
      [CACHE, '2.1.1'],
      [SYSTEM, '2.0.1'],
    ]),
  );
  const choice = chooseUnicorn([ENV, CACHE, SYSTEM], probe, { probeAll: true });
  t.is(choice.library, 'cache-lib');
  t.deepEqual(formatUnicornChoice(choice), [
    `unicorn 2.1.1 (${CACHE.path}; from cache)`,
    `unicorn 2.0.1 (${ENV.path}; from env) not used: older than 2.1`,
    `unicorn 2.0.1 (${SYSTEM_FILE}; from system) not used: older than 2.1`,
  ]);
});

test('a library older than 2.1 is used when nothing newer loads, and the report says why', (t) => {
  const { probe } = fakeProbe(
    new Map([
      [ENV, 'broken'],
      [SYSTEM, '2.0.1'],
    ]),
  );
  const choice = chooseUnicorn([ENV, CACHE, SYSTEM], probe, { probeAll: true });
  t.is(choice.library, 'system-lib');
  const lines = formatUnicornChoice(choice);
  t.is(lines[0], `unicorn 2.0.1 (${SYSTEM_FILE}; from system)`);
  t.regex(lines[1]!, /older than 2\.1: guest stores are slow; scripts\/setup\.sh fetches 2\.1/);
  t.is(lines[2], `unicorn (${ENV.path}; from env) not used: cannot load: wrong ELF class`);
  t.is(lines[3], `unicorn (${CACHE.path}; from cache) not used: no such file`);
});

test('with two new libraries the earlier one wins; a missing cache is not worth a line then', (t) => {
  const { probe } = fakeProbe(
    new Map([
      [ENV, '2.1.2'],
      [SYSTEM, '2.1.1'],
    ]),
  );
  const lines = formatUnicornChoice(chooseUnicorn([ENV, CACHE, SYSTEM], probe, { probeAll: true }));
  t.deepEqual(lines, [
    `unicorn 2.1.2 (${ENV.path}; from env)`,
    `unicorn 2.1.1 (${SYSTEM_FILE}; from system) not used: the env library comes first`,
  ]);
});

test('no library at all is said plainly', (t) => {
  const { probe } = fakeProbe(new Map());
  const choice = chooseUnicorn([CACHE, SYSTEM], probe, { probeAll: true });
  t.is(choice.library, undefined);
  t.regex(formatUnicornChoice(choice)[0]!, /^unicorn: none found \(the interpreter works without it/);
});
