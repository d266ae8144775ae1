// Runs the INRIA ISO conformance suite (the data in /work/shared/iso-suite/inriasuite, read in
// place, never copied) on jitc and on swipl and prints the pass count of each, per file and
// in total. Each data file becomes one generated Prolog program (in a temporary directory)
// whose clauses `c(I, [Goal, Expected])` are judged by a small harness in Prolog: success,
// failure, an error's formal term, or the list of answer substitutions (compared by
// unification after findall copied each answer). A program that does not finish in time is
// run again one case at a time, so one looping case costs only itself.
// Usage: npx tsx bench/iso-suite.ts [--backend interp|armv7|x86-ref] [--suite DIR] [--only file,file]
//        [--jitc-only] [--verbose]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string): string => {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1]! : dflt;
};
const suite = opt('--suite', '/work/shared/iso-suite/inriasuite');
const backend = opt('--backend', 'interp');
const only = opt('--only', '');
const jitcOnly = args.includes('--jitc-only');
const verbose = args.includes('--verbose');
const root = new URL('..', import.meta.url).pathname;
const TIMEOUT_MS = 20_000;

const HARNESS = `
:- op(700, xfx, <--).
main :- forall(c(N, C), run(N, C)).
run(N, C) :- ( catch(judge(C), _, fail) -> R = pass ; R = fail ), write(r(N, R)), nl.
judge([G, success]) :- !, catch((call(G) -> R = yes ; R = no), _, R = err), R == yes.
judge([G, failure]) :- !, catch((call(G) -> R = yes ; R = no), _, R = err), R == no.
judge([G, E]) :- is_list(E), !, C = c(G, E), catch(findall(C, call(G), L), _, fail), same_answers(L, 1).
judge([G, E]) :- catch((call(G) -> R = yes ; R = no), Ball, R = ball(Ball)), nonvar(R), R = ball(error(F, _)), \\+ \\+ F = E.
same_answers(L, _) :- L == [], !.
same_answers([c(_, E)|T], I) :- length(E, N), N >= I, nth1(I, E, Subs), \\+ \\+ all_equal(Subs), I1 is I + 1,
  length(T, Rest), Rest =:= N - I, same_answers(T, I1).
all_equal([]).
all_equal([A <-- B|T]) :- A = B, all_equal(T).
`;

/** The file's top-level terms as text, each without its end dot. */
function splitTerms(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i]!;
    if (c === '%') {
      while (i < n && text[i] !== '\n') i++;
      continue;
    }
    if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? n : end + 2;
      continue;
    }
    if (c === '0' && text[i + 1] === "'" && !/[\w]/.test(text[i - 1] ?? ' ')) {
      i += text[i + 2] === '\\' || text[i + 2] === "'" ? 4 : 3;
      continue;
    }
    if (c === "'" || c === '"' || c === '`') {
      i++;
      while (i < n && text[i] !== c) i += text[i] === '\\' ? 2 : 1;
      i++;
      continue;
    }
    if (c === '.' && (i + 1 >= n || /\s|%/.test(text[i + 1]!)) && !/[#$&*+\-./:<=>?@^~\\]/.test(text[i - 1] ?? ' ')) {
      const t = stripComments(text.slice(start, i)).trim();
      if (t !== '') out.push(t);
      start = i + 1;
    }
    i++;
  }
  return out;
}

function stripComments(t: string): string {
  return t.replace(/\/\*[\s\S]*?\*\//g, ' ');
}

function program(cases: readonly string[], indices: readonly number[]): string {
  return `${HARNESS}\n${indices.map((i) => `c(${i}, ${cases[i]}).`).join('\n')}\n`;
}

function runOne(cmd: string[], file: string): { passed: Set<number>; done: Set<number>; timedOut: boolean } {
  const r = spawnSync(cmd[0]!, [...cmd.slice(1), file], {
    encoding: 'utf8',
    timeout: TIMEOUT_MS,
    input: '',
    maxBuffer: 1 << 26,
  });
  const passed = new Set<number>();
  const done = new Set<number>();
  for (const m of (r.stdout ?? '').matchAll(/^r\((\d+),(pass|fail)\)$/gm)) {
    done.add(Number(m[1]));
    if (m[2] === 'pass') passed.add(Number(m[1]));
  }
  return { passed, done, timedOut: r.error !== undefined || r.signal !== null };
}

function runFile(cmd: string[], dir: string, name: string, cases: readonly string[]): Set<number> {
  const all = cases.map((_, i) => i);
  const path = join(dir, `${name}.pl`);
  writeFileSync(path, program(cases, all));
  const first = runOne(cmd, path);
  if (!first.timedOut && first.done.size === cases.length) return first.passed;
  // Something looped or the program died: each case on its own.
  const passed = new Set<number>();
  for (const i of all) {
    const p = join(dir, `${name}-${i}.pl`);
    writeFileSync(p, program(cases, [i]));
    if (runOne(cmd, p).passed.has(i)) passed.add(i);
  }
  return passed;
}

const files = (only !== '' ? only.split(',') : readdirSync(suite)).filter((f) => !f.startsWith('.')).sort();
const dir = mkdtempSync(join(tmpdir(), 'iso-suite-'));
const jitc = ['node', join(root, 'bin/jitc.js'), '--backend', backend, '-g', 'main'];
const swipl = ['swipl', '-q', '-g', 'main', '-t', 'halt'];
let totalCases = 0;
let totalJitc = 0;
let totalSwipl = 0;
try {
  console.log(`| file | cases | jitc (${backend}) | ${jitcOnly ? '' : 'swipl |'}`);
  console.log(`|---|---|---|${jitcOnly ? '' : '---|'}`);
  for (const f of files) {
    const cases = splitTerms(readFileSync(join(suite, f), 'latin1'));
    const safe = f.replace(/[^\w]/g, '_');
    const j = runFile(jitc, dir, `j_${safe}`, cases);
    const s = jitcOnly ? new Set<number>() : runFile(swipl, dir, `s_${safe}`, cases);
    totalCases += cases.length;
    totalJitc += j.size;
    totalSwipl += s.size;
    console.log(`| ${f} | ${cases.length} | ${j.size} | ${jitcOnly ? '' : `${s.size} |`}`);
    if (verbose)
      for (let i = 0; i < cases.length; i++)
        if (!j.has(i) && (jitcOnly || s.has(i))) console.log(`    miss ${f}#${i}: ${cases[i]!.replace(/\s+/g, ' ')}`);
  }
  console.log(`| total | ${totalCases} | ${totalJitc} | ${jitcOnly ? '' : `${totalSwipl} |`}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
