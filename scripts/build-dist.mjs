// The ahead-of-time build of the `jitc` command, and the check that it is current.
//
// The build is named by a fingerprint of its inputs (path, size and mtime of every file
// under framework/src, plugins/*/src, cli/src and conformance/src, plus the configs and this file): it lives in
// dist/<fingerprint>/ with its own package.json (for the `#framework` import). So "is the
// build current?" is one walk over the sources and one existsSync, a stale build is never
// found under the current name, and a process keeps running the build it started from
// (Node resolves the modules it imports later inside that same directory).
//
//   node scripts/build-dist.mjs          build unless current; print the build directory
//
// Plain JavaScript: bin/jitc.js imports it before anything can load TypeScript.
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '');

/** Directories whose every file is a build input; `*` matches one level of plugin folders. */
const SOURCE_DIRS = ['framework/src', 'plugins/*/src', 'cli/src', 'conformance/src'];
const CONFIG_FILES = [
  'package.json',
  'tsconfig.json',
  'tsconfig.build.json',
  'scripts/build-dist.mjs',
  'scripts/bundle-dist.mjs',
];
/** Builds kept besides the current one, for processes still running an older one. */
const KEEP_OLD_BUILDS = 2;
/** A lock older than this belongs to a build that died. */
const STALE_LOCK_MS = 120_000;

/** Every input file of the build, as paths relative to `root`, sorted. */
export function buildInputs(root = PROJECT_ROOT) {
  const files = [];
  const walk = (rel) => {
    let entries;
    try {
      entries = readdirSync(`${root}/${rel}`, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const path = `${rel}/${e.name}`;
      if (e.isDirectory()) walk(path);
      else if (e.isFile()) files.push(path);
    }
  };
  for (const dir of SOURCE_DIRS) {
    const star = dir.indexOf('/*/');
    if (star < 0) {
      walk(dir);
      continue;
    }
    const parent = dir.slice(0, star);
    let names = [];
    try {
      names = readdirSync(join(root, parent), { withFileTypes: true })
        .filter((e) => e.isDirectory())
        .map((e) => e.name);
    } catch {
      // no plugins folder: nothing to add
    }
    for (const name of names) walk(`${parent}/${name}${dir.slice(star + 2)}`);
  }
  for (const f of CONFIG_FILES) if (existsSync(join(root, f))) files.push(f);
  return files.sort();
}

/** Names the current state of the inputs: any file added, removed, resized or touched
 *  gives a new name. mtime and size, not contents: a check must cost milliseconds. */
export function fingerprint(root = PROJECT_ROOT) {
  let text = '';
  for (const f of buildInputs(root)) {
    // String concatenation, not path.join: cold, join costs as much as the stat calls.
    const s = statSync(`${root}/${f}`);
    text += `${f}\0${s.size}\0${s.mtimeMs}\n`;
  }
  return hash64(text);
}

/** Two 32-bit FNV-1a hashes with different seeds, as 16 hex digits. Not node:crypto: importing
 *  it costs more than the whole check, and a build name needs no cryptographic strength. */
function hash64(text) {
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 15);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

export function distDir(root = PROJECT_ROOT) {
  return join(root, 'dist');
}

/** The entry module of the build for these sources, or null when there is none. */
export function currentBuild(root = PROJECT_ROOT) {
  const dir = join(distDir(root), fingerprint(root));
  return existsSync(join(dir, 'package.json')) ? dir : null;
}

/** The CLI's entry point inside a build directory: the bundle (scripts/bundle-dist.mjs) when
 *  the build has one, unless `unbundled`; the tree of modules tsc wrote otherwise. */
export function cliEntry(buildDir, { unbundled = false } = {}) {
  const bundle = join(buildDir, 'bundle/bin.js');
  return !unbundled && existsSync(bundle) ? bundle : join(buildDir, 'cli/src/bin.js');
}

/**
 * Builds the current sources unless already built; returns the build directory. One
 * process builds while others wait for it (a lock directory); the build is written to a
 * temporary directory and renamed into place, so a half-written build is never found.
 * Throws when the TypeScript compiler is missing or fails.
 */
export function ensureBuilt(root = PROJECT_ROOT, log = () => {}) {
  const fp = fingerprint(root);
  const dist = distDir(root);
  const dir = join(dist, fp);
  if (existsSync(join(dir, 'package.json'))) return dir;
  mkdirSync(dist, { recursive: true });
  const lock = `${dir}.lock`;
  while (!tryLock(lock)) {
    sleep(50);
    if (existsSync(join(dir, 'package.json'))) return dir;
  }
  try {
    if (existsSync(join(dir, 'package.json'))) return dir;
    log(`building ${relative(root, dir)}`);
    const tmp = `${dir}.tmp-${process.pid}`;
    rmSync(tmp, { recursive: true, force: true });
    compile(root, tmp);
    copyAssets(root, tmp);
    // Before bundling: the bundler resolves `#framework` through the build's package.json.
    writeFileSync(join(tmp, 'package.json'), `${JSON.stringify(buildPackageJson(root, fp), null, 2)}\n`);
    bundle(root, tmp, log);
    try {
      renameSync(tmp, dir);
    } catch (e) {
      // Only a build that took over a lock it thought dead gets here: keep the other's.
      rmSync(tmp, { recursive: true, force: true });
      if (!existsSync(join(dir, 'package.json'))) throw e;
    }
    removeOldBuilds(dist, fp);
    return dir;
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

function tryLock(lock) {
  try {
    mkdirSync(lock);
    return true;
  } catch (e) {
    if (e.code !== 'EEXIST') throw e;
    try {
      if (Date.now() - statSync(lock).mtimeMs > STALE_LOCK_MS) rmSync(lock, { recursive: true, force: true });
    } catch {
      // released meanwhile
    }
    return false;
  }
}

function sleep(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** The project's own TypeScript compiler; type errors are the typecheck's job, not this one's. */
function compile(root, outDir) {
  const require = createRequire(join(root, 'package.json'));
  const tsc = join(dirname(require.resolve('typescript/package.json')), 'bin/tsc');
  // Required here, not imported at the top: loading it costs the launcher ~6 ms, and only a
  // build needs it.
  const { spawnSync } = require('node:child_process');
  const r = spawnSync(
    process.execPath,
    [tsc, '-p', join(root, 'tsconfig.build.json'), '--outDir', outDir, '--noCheck'],
    { cwd: root, encoding: 'utf8' },
  );
  if (r.status !== 0)
    throw new Error(
      `tsc failed (status ${r.status ?? r.signal}):\n${r.stdout}${r.stderr}${r.error ? String(r.error) : ''}`,
    );
}

/** Bundles the build's CLI in a child process. Without esbuild (an install without dev
 *  dependencies) the build stays a tree of modules, which runs the same, only slower to start. */
function bundle(root, outDir, log) {
  if (!existsSync(join(outDir, 'cli/src/bin.js'))) return;
  const require = createRequire(join(root, 'package.json'));
  try {
    require.resolve('esbuild');
  } catch {
    log('esbuild is not installed: the command runs unbundled');
    return;
  }
  const { spawnSync } = require('node:child_process');
  const script = fileURLToPath(new URL('./bundle-dist.mjs', import.meta.url));
  const r = spawnSync(process.execPath, [script, outDir], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0)
    throw new Error(`bundling failed (status ${r.status ?? r.signal}):\n${r.stdout}${r.stderr}${r.error ?? ''}`);
}

/** Files read at run time through import.meta.url (.jir, .pl) go next to the modules reading them. */
function copyAssets(root, outDir) {
  for (const f of buildInputs(root)) {
    if (f.endsWith('.ts') || CONFIG_FILES.includes(f)) continue;
    mkdirSync(dirname(join(outDir, f)), { recursive: true });
    copyFileSync(join(root, f), join(outDir, f));
  }
}

/** The build's package.json: the version, the `#framework` imports pointing at the
 *  JavaScript, and the fingerprint, which names caches made by this build (framework/src/build-id.ts).
 *  Its name is not jitc's: code that finds the project by walking up to jitc's package.json
 *  must pass over the build's (framework/src/project-root.ts finds it from the fingerprint). */
function buildPackageJson(root, fp) {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const imports = {};
  for (const [k, v] of Object.entries(pkg.imports ?? {})) imports[k] = String(v).replace(/\.ts$/, '.js');
  return { name: `${pkg.name}-build`, version: pkg.version, private: true, type: 'module', imports, jitcBuild: fp };
}

/** Keeps the newest few older builds; drops the rest, and temporary directories of builds
 *  that died. */
function removeOldBuilds(dist, current) {
  const entries = readdirSync(dist, { withFileTypes: true })
    .filter((e) => e.isDirectory() && e.name !== current)
    .map((e) => ({ name: e.name, mtime: statSync(join(dist, e.name)).mtimeMs }));
  const builds = entries.filter((e) => /^[0-9a-f]{16}$/.test(e.name)).sort((a, b) => b.mtime - a.mtime);
  const deadTemps = entries.filter((e) => e.name.includes('.tmp-') && Date.now() - e.mtime > STALE_LOCK_MS);
  for (const b of [...builds.slice(KEEP_OLD_BUILDS), ...deadTemps])
    rmSync(join(dist, b.name), { recursive: true, force: true });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = ensureBuilt(PROJECT_ROOT, (m) => process.stderr.write(`build-dist: ${m}\n`));
  process.stdout.write(`${dir}\n`);
}
