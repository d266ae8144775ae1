import test from 'ava';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliEntry, currentBuild, ensureBuilt, fingerprint, PROJECT_ROOT } from '../../scripts/build-dist.mjs';

// The `jitc` command runs dist/<fingerprint>/; these check that a changed source is never
// run from an older build. A tiny project in a temporary directory stands in for jitc.

function tinyProject(): string {
  const root = mkdtempSync(join(tmpdir(), 'jitc-dist-'));
  mkdirSync(join(root, 'framework/src'), { recursive: true });
  mkdirSync(join(root, 'plugins/p/src'), { recursive: true });
  writeFileSync(
    join(root, 'package.json'),
    JSON.stringify({
      name: 'tiny',
      version: '1.2.3',
      type: 'module',
      imports: { '#framework': './framework/src/index.ts' },
    }),
  );
  writeFileSync(join(root, 'tsconfig.json'), readFileSync(join(PROJECT_ROOT, 'tsconfig.json')));
  writeFileSync(join(root, 'tsconfig.build.json'), readFileSync(join(PROJECT_ROOT, 'tsconfig.build.json')));
  symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(root, 'node_modules'));
  writeFileSync(join(root, 'framework/src/index.ts'), "export const word: string = 'one';\n");
  writeFileSync(
    join(root, 'plugins/p/src/main.ts'),
    [
      "import { word } from '#framework';",
      "import { readFileSync } from 'node:fs';",
      "console.log(word, readFileSync(new URL('./data.txt', import.meta.url), 'utf8'));",
      '',
    ].join('\n'),
  );
  writeFileSync(join(root, 'plugins/p/src/data.txt'), 'asset');
  // The command's entry, which the build also bundles (scripts/bundle-dist.mjs).
  mkdirSync(join(root, 'cli/src'), { recursive: true });
  writeFileSync(join(root, 'cli/src/bin.ts'), "await import('../../plugins/p/src/main.ts');\n");
  return root;
}

const runBuilt = (dir: string): string =>
  spawnSync(process.execPath, [join(dir, 'plugins/p/src/main.js')], { encoding: 'utf8' }).stdout.trim();
/** The bundled command: its modules must still read their assets next to their own files. */
const runBundle = (dir: string): string =>
  spawnSync(process.execPath, [cliEntry(dir)], { encoding: 'utf8' }).stdout.trim();

test('the fingerprint changes when a source is edited, touched, added or removed, and only then', (t) => {
  const root = tinyProject();
  try {
    const first = fingerprint(root);
    t.is(fingerprint(root), first);
    const src = join(root, 'framework/src/index.ts');
    const later = new Date(Date.now() + 5000);
    utimesSync(src, later, later);
    const touched = fingerprint(root);
    t.not(touched, first);
    writeFileSync(join(root, 'plugins/p/src/extra.ts'), 'export {};\n');
    const added = fingerprint(root);
    t.not(added, touched);
    rmSync(join(root, 'plugins/p/src/extra.ts'));
    t.not(fingerprint(root), added);
    // An older mtime is a change too (a file restored from a backup), not only a newer one.
    const earlier = new Date(Date.now() - 86_400_000);
    utimesSync(src, earlier, earlier);
    t.not(fingerprint(root), touched);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('a stale build is not current; ensureBuilt builds the new sources and assets', (t) => {
  const root = tinyProject();
  try {
    t.is(currentBuild(root), null);
    const dir = ensureBuilt(root);
    t.is(currentBuild(root), dir);
    t.is(runBuilt(dir), 'one asset');
    t.is(cliEntry(dir), join(dir, 'bundle/bin.js'));
    t.is(runBundle(dir), 'one asset');
    t.is(JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).imports['#framework'], './framework/src/index.js');

    writeFileSync(join(root, 'framework/src/index.ts'), "export const word: string = 'two';\n");
    const later = new Date(Date.now() + 5000);
    utimesSync(join(root, 'framework/src/index.ts'), later, later);
    t.is(currentBuild(root), null, 'the old build must not be taken for the edited sources');
    const rebuilt = ensureBuilt(root);
    t.not(rebuilt, dir);
    t.is(runBuilt(rebuilt), 'two asset');
    t.is(runBundle(rebuilt), 'two asset');
    t.is(ensureBuilt(root), rebuilt, 'a current build is reused');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("the project's own build is current after ensureBuilt", (t) => {
  const dir = ensureBuilt(PROJECT_ROOT);
  t.is(currentBuild(PROJECT_ROOT), dir);
});

test('code running from the build finds the project, not the build', (t) => {
  const dir = ensureBuilt(PROJECT_ROOT);
  const found = spawnSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `import(${JSON.stringify(join(dir, 'framework/src/project-root.js'))}).then((m) => console.log(m.projectRoot()))`,
    ],
    { encoding: 'utf8' },
  );
  t.is(found.stdout.trim().replace(/\/$/, ''), PROJECT_ROOT);
  // Code that walks up to jitc's package.json (the Unicorn cache lookup) must pass the build's.
  t.not(JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).name, 'jitc');
});
