import test from 'ava';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  prologFactClausesFor,
  prologFactTable,
  prologLongList,
  prologNestedTerm,
  type GeneratedProgram,
} from '#conformance';
import { landedBackendsOnBoehm, runJitc } from '#framework/testing';

// Big and deep Prolog programs (generated, with their expected output computed
// independently), run as `jitc FILE` on every landed backend with boehm: a 5 MB fact
// table, a 10 000-deep term, a 20 000-element list literal; the stack limit caught and
// uncaught; bytes that are not UTF-8.
const dir = mkdtempSync(join(tmpdir(), 'jitc-prolog-robust-'));

const write = (name: string, source: string | Buffer): string => {
  const path = join(dir, name);
  writeFileSync(path, source);
  return path;
};

const backends = (await landedBackendsOnBoehm()).map(({ backend, gc }): [string, string[]] => [
  `${backend} × ${gc}`,
  ['--backend', backend, '--gc', gc],
]);

const programs: [string, GeneratedProgram][] = [
  ['fact table of 5 MB', prologFactTable(prologFactClausesFor(5 * 1024 * 1024))],
  ['10 000-deep term', prologNestedTerm(10000)],
  ['20 000-element list', prologLongList(20000)],
];

for (const [what, program] of programs) {
  const file = write(`${what.replace(/\W+/g, '_')}.pl`, program.source);
  for (const [backend, flags] of backends) {
    test(`${backend}: ${what}`, async (t) => {
      const r = await runJitc([file, ...flags]);
      t.is(r.stderr, '');
      t.is(r.stdout, program.expected);
      t.is(r.code, 0);
      t.log(`${Math.round(r.millis)} ms`);
    });
  }
}

// `p :- p, q.` recurses without end, each call keeping a continuation: the stack limit
// stops it with SWI-Prolog's resource error, which catch/3 sees.
const endless = 'p :- p, q.\nq.\n';
const caught = write(
  'stack_caught.pl',
  `${endless}main :- catch(p, E, true), E = error(Formal, _), print(Formal), nl, ` +
    'catch(p, error(resource_error(_), _), (write(again), nl)).\n',
);
const uncaught = write('stack_uncaught.pl', `${endless}main :- p.\n`);
for (const [backend, flags] of backends) {
  test(`${backend}: stack limit caught`, async (t) => {
    const r = await runJitc([caught, '-g', 'main', ...flags]);
    t.is(r.stdout, 'resource_error(stack)\nagain\n');
    t.is(r.code, 0);
  });
  test(`${backend}: stack limit uncaught`, async (t) => {
    const r = await runJitc([uncaught, '-g', 'main', ...flags]);
    t.is(r.stdout, '');
    t.regex(
      r.stderr,
      /^ERROR: -g main: Stack limit \(1,000,000 frames\) exceeded\nERROR: {3}Probable infinite recursion\n$/,
    );
    t.is(r.code, 2);
  });
}

// Recursion through findall/3 and \+ runs each goal on a fresh continuation chain; its
// depth still counts on, so both stop at the stack limit (SWI-Prolog: resource_error(stack)
// too) instead of filling the heap.
const throughControl = write(
  'stack_through_control.pl',
  'q(X) :- findall(Y, q(Y), X).\nn :- \\+ n.\n' +
    'main :- catch(q(_), error(E1, _), true), print(E1), nl, catch(n, error(E2, _), true), print(E2), nl.\n',
);
for (const [backend, flags] of backends) {
  test(`${backend}: recursion through findall and \\+ reaches the stack limit`, async (t) => {
    const r = await runJitc([throughControl, '-g', 'main', ...flags]);
    t.is(r.stdout, 'resource_error(stack)\nresource_error(stack)\n');
    t.is(r.code, 0);
  });
}

// As swipl (its output for this file): a bad byte or a cut-short sequence in a quoted atom
// is read as one U+FFFD, with one warning per clause (the last bad sequence) at the
// clause's line and the position after it; one in a comment is reported with the clause
// read after it (here the end of the file).
test("interp: invalid UTF-8 is read as U+FFFD with SWI-Prolog's warnings", async (t) => {
  const bytes = Buffer.concat([
    Buffer.from(":- initialization(main).\nmain :- X = 'ab"),
    Buffer.from([0xff]),
    Buffer.from("cd', atom_length(X, L), write(L), nl, Y = 'e"),
    Buffer.from([0xe2, 0x82]),
    Buffer.from("', atom_length(Y, M), write(M), nl.\n% comment "),
    Buffer.from([0xfe]),
    Buffer.from(' here\n'),
  ]);
  const file = write('bad_utf8.pl', bytes);
  const r = await runJitc([file]);
  t.is(r.stdout, '5\n2\n');
  t.is(
    r.stderr,
    [
      `Warning: ${file}:2:`,
      `Warning:    '${file}':2:96: Illegal UTF-8 continuation`,
      `Warning: ${file}:4:`,
      `Warning:    '${file}':4:0: Illegal UTF-8 start`,
      '',
    ].join('\n'),
  );
});
