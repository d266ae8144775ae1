import test from 'ava';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { arenaCollector, runJitc } from '#framework/testing';
import { printModule } from '#framework';
import { corePasses } from '#framework';
import { ImageCache } from '#framework';
import { CachingLinker } from '#framework';
import { PROLOG_RUNTIME } from '../src/compiler/library.ts';

// The Prolog library is compiled once, apart from programs, and cached prepared: the
// cached module must be the one a fresh preparation gives, and programs must behave as
// they did when the library was compiled with each of them.

test('the prepared Prolog library from the cache is the module a fresh preparation gives', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'jitc-prolog-cache-'));
  try {
    const linker = (): CachingLinker =>
      new CachingLinker({
        optLevel: 1,
        passes: corePasses(),
        lowerWith: arenaCollector(),
        cache: new ImageCache(dir),
        buildId: 'test',
      });
    const miss = linker().link(PROLOG_RUNTIME);
    const hit = linker().link(PROLOG_RUNTIME);
    t.deepEqual(hit.meta, miss.meta);
    t.is(printModule(hit.module), printModule(miss.module));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

async function run(program: string, ...args: string[]): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'jitc-prolog-'));
  try {
    const file = join(dir, 'p.pl');
    writeFileSync(file, program);
    const r = await runJitc([file, '-g', 'main', ...args]);
    return `${r.stdout}${r.stderr}${r.code === 0 ? '' : `status ${r.code}\n`}`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

for (const backend of ['interp', 'armv7']) {
  test(`${backend}: library code calls the program's definition of a predicate it uses`, async (t) => {
    const program = `
member(X, [X|_]) :- write(user_member(X)), nl.
member(X, [_|T]) :- member(X, T).
main :- memberchk(b, [a,b]), write(done), nl, ( member(c, [a]) -> true ; write(no_c), nl ).
`;
    t.is(await run(program, '--backend', backend), 'user_member(b)\ndone\nno_c\n');
  });

  const dynamicTitle =
    `${backend}: library code calls a library predicate ` + 'the program declares dynamic through its slot';
  test(dynamicTitle, async (t) => {
    const program = `
:- dynamic(member/2).
member(x, anything).
main :- ( memberchk(x, [y]) -> write(yes) ; write(no) ), nl, findall(X-L, member(X, L), All), write(All), nl.
`;
    t.is(await run(program, '--backend', backend), 'no\n[x-anything]\n');
  });
}
