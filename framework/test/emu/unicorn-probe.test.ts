// Probing real libraries: what is on this machine decides which tests run.
import { existsSync, realpathSync } from 'node:fs';
import test from 'ava';
import { dirname } from 'node:path';
import { findSystemLibrary } from '../../src/emu/system-library-path.ts';
import { unicornCandidates } from '../../src/emu/unicorn-candidates.ts';
import { compareVersions, FAST_STORES_UNICORN, formatVersion } from '../../src/emu/unicorn-choice.ts';
import { probeUnicornLibrary, unicornReport } from '../../src/emu/unicorn-probe.ts';

const system = probeUnicornLibrary({ source: 'system', path: 'libunicorn.so.2' });
const cacheCandidate = unicornCandidates({}).find((c) => c.source === 'cache');
const cache = cacheCandidate === undefined ? undefined : probeUnicornLibrary(cacheCandidate);
const systemIsOld = system.loaded && compareVersions(system.version, FAST_STORES_UNICORN) < 0;
const cacheIsNew = cache?.loaded === true && compareVersions(cache.version, FAST_STORES_UNICORN) >= 0;

(system.loaded ? test : test.skip)('the system library is reported by its file, not its name', (t) => {
  if (!system.loaded) return;
  t.true(system.path.startsWith('/'), system.path);
  t.true(existsSync(system.path));
});

(cache?.loaded === true ? test : test.skip)(
  'the system library is looked up as the loader would, LD_LIBRARY_PATH first',
  (t) => {
    if (cache?.loaded !== true) return;
    // dlopen by name would answer with the already loaded cache library whatever the path says.
    // Real paths on both sides: the cache folder may be a link (a worktree sharing another's).
    const found = findSystemLibrary('libunicorn.so.2', { LD_LIBRARY_PATH: `/nonexistent:${dirname(cache.path)}` });
    t.is(found && realpathSync(found), realpathSync(cache.path));
    t.is(findSystemLibrary('libunicorn-that-does-not-exist.so.9', {}), undefined);
  },
);

test('JITC_LIBUNICORN naming a missing file is reported and the next candidate used', (t) => {
  const plain = unicornReport({});
  const lines = unicornReport({ JITC_LIBUNICORN: '/nonexistent/libunicorn.so.2' });
  t.is(lines[0], plain[0]);
  t.true(lines.includes('unicorn (/nonexistent/libunicorn.so.2; from env) not used: no such file'), lines.join('\n'));
});

test('JITC_LIBUNICORN naming a library that is not Unicorn is reported', (t) => {
  const libc = '/lib/x86_64-linux-gnu/libc.so.6';
  if (!existsSync(libc)) return t.pass('no glibc at the Debian amd64 path');
  const lines = unicornReport({ JITC_LIBUNICORN: libc });
  t.true(
    lines.includes(`unicorn (${libc}; from env) not used: not a Unicorn library (no uc_version)`),
    lines.join('\n'),
  );
});

(systemIsOld && cacheIsNew ? test : test.skip)('JITC_LIBUNICORN naming a 2.0 library loses to the cached 2.1', (t) => {
  if (!system.loaded || cache?.loaded !== true) return;
  const lines = unicornReport({ JITC_LIBUNICORN: system.path });
  t.is(lines[0], `unicorn ${formatVersion(cache.version)} (${cache.path}; from cache)`);
  t.true(
    lines.includes(`unicorn ${formatVersion(system.version)} (${system.path}; from env) not used: older than 2.1`),
    lines.join('\n'),
  );
});
