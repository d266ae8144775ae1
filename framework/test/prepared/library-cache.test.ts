import test from 'ava';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { arenaCollector } from '../../src/testing/index.ts';
import { parseModule } from '../../src/ir/text/parser.ts';
import { printModule } from '../../src/ir/text/printer.ts';
import { corePasses } from '../../src/opt/passes/index.ts';
import { ImageCache } from '../../src/prepared/image-cache.ts';
import { decodeImage, encodeImage } from '../../src/prepared/image-file.ts';
import { CachingLinker } from '../../src/prepared/library-linker.ts';
import type { RuntimeLibrary } from '../../src/prepared/runtime-library.ts';

// A prepared library from the cache must be the very module a fresh preparation gives, and
// a damaged or foreign cache entry must be prepared again, never used.

const LIBRARY_TEXT = `
type :box = struct { v: ref, n: i32 }
global @count: i32 = 0
global @last: ref = 0
extern @note(i32) -> i32 raises
func @bump(%x: i32) -> i32 {
^e:
  %one = iconst 1
  %unused = iconst 99
  %y = iadd %x, %one
  %c = gget @count
  %c1 = iadd %c, %one
  gset @count, %c1
  ret %y
}
func @boxed(%r: ref) -> ref {
^e:
  %b = new :box
  set :box.v, %b, %r
  gset @last, %b
  %two = iconst 2
  %n = call @bump(%two)
  set :box.n, %b, %n
  ret %b
}
`;

interface ToyMeta {
  entry: string;
}

function toyLibrary(): RuntimeLibrary<ToyMeta> & { builds: number } {
  const lib = {
    name: 'toy-runtime',
    builds: 0,
    build() {
      lib.builds++;
      return { module: parseModule(LIBRARY_TEXT, 'toy.jir'), meta: { entry: 'boxed' } };
    },
    readMeta(json: unknown): ToyMeta {
      const m = json as { entry?: unknown } | null;
      if (!m || typeof m.entry !== 'string') throw new Error('not toy metadata');
      return { entry: m.entry };
    },
  };
  return lib;
}

function linker(dir: string, lowered: boolean, buildId = 'build-1'): CachingLinker {
  return new CachingLinker({
    optLevel: 1,
    passes: corePasses(),
    lowerWith: lowered ? arenaCollector() : null,
    cache: new ImageCache(dir),
    buildId,
  });
}

function withDir(run: (dir: string) => void): void {
  const dir = mkdtempSync(join(tmpdir(), 'jitc-cache-'));
  try {
    run(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

for (const lowered of [false, true]) {
  test(`a cache hit gives the module a miss gave (${lowered ? 'lowered' : 'unlowered'})`, (t) => {
    withDir((dir) => {
      const lib = toyLibrary();
      const miss = linker(dir, lowered).link(lib);
      t.is(lib.builds, 1);
      t.deepEqual(miss.meta, { entry: 'boxed' });
      t.is(miss.prepared.size, miss.module.funcs.length);
      t.false(
        miss.module.funcs.some((f) => f.hasBody),
        'bodies are read on first use only',
      );
      const missText = printModule(miss.module);
      t.is(miss.module.lowered, lowered);
      t.false(missText.includes('%unused'), 'the library was optimized');

      const hit = linker(dir, lowered).link(lib);
      t.is(lib.builds, 1, 'a second process reads the entry instead of preparing');
      t.deepEqual(hit.meta, miss.meta);
      t.is(printModule(hit.module), missText);
      t.not(hit.module, miss.module, 'each link gets a module of its own');
    });
  });
}

test('entries are kept apart by build, options and library', (t) => {
  withDir((dir) => {
    const lib = toyLibrary();
    linker(dir, false).link(lib);
    linker(dir, true).link(lib);
    linker(dir, false, 'build-2').link(lib);
    t.is(lib.builds, 3);
    t.is(readdirSync(dir).filter((f) => f.endsWith('.image')).length, 3);
  });
});

/** The key an entry was written under (its header line). */
const keyOf = (file: Buffer): string => (JSON.parse(file.toString('utf8', 0, file.indexOf(10))) as { key: string }).key;

const DAMAGE: Record<string, (file: Buffer) => Buffer | string> = {
  truncated: (file) => file.subarray(0, Math.floor(file.length / 2)),
  garbage: () => 'not a cache entry at all',
  empty: () => '',
  'changed declaration': (file) => file.toString('utf8').replace('global @count', 'global @cuont'),
  // Found only when the body is first read: the run goes on with the body made again.
  'changed function body': (file) => file.toString('utf8').replace('iadd', 'isub'),
  'foreign key': (file) => file.toString('utf8').replace(/"key":"[^"]*"/, '"key":"someone else"'),
  'foreign metadata': (file) => {
    const key = keyOf(file);
    const image = decodeImage(file, key, () => '')!;
    return encodeImage(key, { ...image, meta: { entry: 7 } });
  },
};

for (const [kind, damage] of Object.entries(DAMAGE)) {
  test(`a damaged cache entry (${kind}) is ignored and prepared again`, (t) => {
    withDir((dir) => {
      const lib = toyLibrary();
      const good = printModule(linker(dir, true).link(lib).module);
      const [entry] = readdirSync(dir).filter((f) => f.endsWith('.image'));
      const path = join(dir, entry!);
      writeFileSync(path, damage(readFileSync(path)));
      const again = linker(dir, true).link(lib);
      t.is(printModule(again.module), good);
      t.is(lib.builds, 2);
      t.is(printModule(linker(dir, true).link(lib).module), good, 'the entry was written again');
      t.is(lib.builds, 2);
    });
  });
}

test('a cache directory that cannot be written only costs the preparation', (t) => {
  withDir((dir) => {
    const file = join(dir, 'not-a-directory');
    writeFileSync(file, '');
    const lib = toyLibrary();
    const a = linker(file, false).link(lib);
    const b = linker(file, false).link(lib);
    t.is(lib.builds, 2);
    t.is(printModule(a.module), printModule(b.module));
  });
});
