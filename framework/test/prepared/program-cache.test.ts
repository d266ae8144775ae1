import test from 'ava';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepareModule } from '../../src/driver.ts';
import { Module } from '../../src/ir/module.ts';
import { parseModule } from '../../src/ir/text/parser.ts';
import { printModule } from '../../src/ir/text/printer.ts';
import { corePasses } from '../../src/opt/passes/index.ts';
import { ImageCache } from '../../src/prepared/image-cache.ts';
import { ProgramCache } from '../../src/prepared/program-cache.ts';
import { arenaCollector } from '../../src/testing/index.ts';

// A program prepared from the cache must be the very module a fresh preparation gives
// (declarations the lowering added included); a damaged entry, another program, another
// build or another setting must be prepared afresh.

const PROGRAM = (k: number): string => `
type :box = struct { v: ref, n: i32 }
global @count: i32 = 0
func @bump(%x: i32) -> i32 {
^e:
  %one = iconst 1
  %y = iadd %x, %one
  %c = gget @count
  %c1 = iadd %c, %one
  gset @count, %c1
  ret %y
}
func @main() -> i32 {
^e:
  %b = new :box
  %k = iconst ${k}
  %n = call @bump(%k)
  set :box.n, %b, %n
  %m = get :box.n, %b
  ret %m
}
`;

const SETTING = 'O2 lowered:arena';

/** Prepares PROGRAM(k) through `cache`; says whether the cache answered and how often the
 *  optimizer ran. */
function prepared(cache: ProgramCache, k = 41, setting = SETTING): { module: Module; hit: boolean; ran: number } {
  const module = parseModule(PROGRAM(k), 'program.jir');
  let ran = 0;
  const hit = cache.prepare(module, new Set(), setting, () => {
    ran++;
    prepareModule(module, { optLevel: 2, passes: corePasses(), lowerWith: arenaCollector() });
  });
  return { module, hit, ran };
}

function withDir(run: (dir: string) => void): void {
  const dir = mkdtempSync(join(tmpdir(), 'jitc-program-cache-'));
  try {
    run(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const programFiles = (dir: string): string[] => readdirSync(dir).filter((f) => f.startsWith('program-'));

test('a program prepared again comes from the cache, equal to a fresh preparation', (t) => {
  withDir((dir) => {
    const first = prepared(new ProgramCache(new ImageCache(dir), 'build-1'));
    t.false(first.hit);
    t.is(first.ran, 1);
    t.true(first.module.lowered);
    // A new process: nothing in memory, the entry read from the disk.
    const second = prepared(new ProgramCache(new ImageCache(dir), 'build-1'));
    t.true(second.hit);
    t.is(second.ran, 0);
    t.true(second.module.lowered);
    t.is(printModule(second.module), printModule(first.module));
    t.is(programFiles(dir).length, 1);
  });
});

test('another program, build or setting is prepared afresh', (t) => {
  withDir((dir) => {
    const images = new ImageCache(dir);
    prepared(new ProgramCache(images, 'build-1'));
    t.is(prepared(new ProgramCache(images, 'build-1'), 42).ran, 1);
    t.is(prepared(new ProgramCache(images, 'build-2')).ran, 1);
    t.is(prepared(new ProgramCache(images, 'build-1'), 41, 'O1 lowered:arena').ran, 1);
    t.is(prepared(new ProgramCache(images, 'build-1')).ran, 0);
  });
});

test('a damaged entry is prepared afresh and left the module as a fresh preparation', (t) => {
  withDir((dir) => {
    const fresh = prepared(new ProgramCache(new ImageCache(dir), 'build-1'));
    const [file] = programFiles(dir);
    const bytes = readFileSync(join(dir, file!));
    // The function texts are last: damage the end of the last one.
    bytes.write('XXXX', bytes.length - 6, 'latin1');
    writeFileSync(join(dir, file!), bytes);
    const again = prepared(new ProgramCache(new ImageCache(dir), 'build-1'));
    t.false(again.hit);
    t.is(again.ran, 1);
    t.is(printModule(again.module), printModule(fresh.module));
  });
});

test('a deferred program is found by its source; a hit makes its functions without compiling it', (t) => {
  withDir((dir) => {
    const run = (sourceKey: string, k: number) => {
      const module = new Module();
      let compiled = 0;
      let ran = 0;
      const deferred = {
        sourceKey,
        compile(): void {
          compiled++;
          const program = parseModule(PROGRAM(k), 'program.jir');
          module.types.push(...program.types);
          module.globals.push(...program.globals);
          module.funcs.push(...program.funcs);
        },
      };
      const cache = new ProgramCache(new ImageCache(dir), 'build-1');
      const hit = cache.prepare(
        module,
        new Set(),
        SETTING,
        () => {
          ran++;
          prepareModule(module, { optLevel: 2, passes: corePasses(), lowerWith: arenaCollector() });
        },
        deferred,
      );
      return { module, hit, compiled, ran };
    };
    const first = run('source 1', 41);
    t.deepEqual([first.hit, first.compiled, first.ran], [false, 1, 1]);
    const second = run('source 1', 41);
    t.deepEqual([second.hit, second.compiled, second.ran], [true, 0, 0]);
    t.is(printModule(second.module), printModule(first.module));
    t.deepEqual(
      second.module.funcs.map((f) => f.name),
      ['bump', 'main'],
    );
    const other = run('source 2', 42);
    t.deepEqual([other.hit, other.compiled, other.ran], [false, 1, 1]);
  });
});

test('a program with a huge function is prepared every time and not kept', (t) => {
  withDir((dir) => {
    const body = Array.from({ length: 20_001 }, (_, i) => `  %k${i} = iconst ${i}\n`).join('');
    const text = `func @huge() -> i32 {\n^e:\n${body}  ret %k0\n}\n`;
    const cache = new ProgramCache(new ImageCache(dir), 'build-1');
    for (let round = 0; round < 2; round++) {
      const module = parseModule(text, 'huge.jir');
      let ran = 0;
      t.false(cache.prepare(module, new Set(), SETTING, () => void ran++));
      t.is(ran, 1);
    }
    t.deepEqual(programFiles(dir), []);
  });
});

test('the disk keeps the newest programs only', (t) => {
  withDir((dir) => {
    const images = new ImageCache(dir);
    const image = { decls: '', funcs: [], meta: null };
    for (let i = 0; i < 5; i++) images.put('program', `key ${i}`, image, 3);
    t.is(programFiles(dir).length, 3);
    t.true(programFiles(dir).includes(images.file('program', 'key 4').slice(dir.length + 1)));
  });
});
