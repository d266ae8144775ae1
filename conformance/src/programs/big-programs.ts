/**
 * Generated programs for robustness tests and the compile-scaling bench: big (a fact table,
 * a long module) and deep (nested terms, nested parentheses). Each carries the output it
 * must print, computed here independently of jitc, so a test checks answers, not timing.
 */

export interface GeneratedProgram {
  source: string;
  expected: string;
}

/** `fact(N, abcdefghij_N, "strN").` for N in 1..clauses, then lookups, a count and a sum. */
export function prologFactTable(clauses: number): GeneratedProgram {
  const parts: string[] = [':- initialization(main).\n'];
  for (let n = 1; n <= clauses; n++) parts.push(`fact(${n}, abcdefghij_${n}, "str${n}").\n`);
  const probe = Math.max(1, Math.floor(clauses / 2));
  parts.push(
    'main :-\n',
    `    fact(${probe}, A, _), write(A), nl,\n`,
    '    fact(K, abcdefghij_1, _), write(K), nl,\n',
    '    findall(N, fact(N, _, _), Ns), length(Ns, Count), sum_list(Ns, Sum),\n',
    '    write(Count-Sum), nl, halt.\n',
  );
  const sum = (BigInt(clauses) * BigInt(clauses + 1)) / 2n;
  return { source: parts.join(''), expected: `abcdefghij_${probe}\n1\n${clauses}-${sum}\n` };
}

/** Prolog lines of code as close to `bytes` as whole clauses allow. */
export function prologFactClausesFor(bytes: number): number {
  // A clause whose N has d digits is 28 + 3d bytes long; 5-6 digit numbers dominate big files.
  return Math.ceil(bytes / 43);
}

/**
 * A module of `lines` lines alternating an assignment to a fresh global and an addition to
 * a running total, then prints the total and one global.
 */
export function pythonAssignments(lines: number): GeneratedProgram {
  const pairs = Math.max(1, Math.floor(lines / 2));
  const parts: string[] = ['total = 0\n'];
  let total = 0n;
  for (let i = 0; i < pairs; i++) {
    parts.push(`value_${i} = (${i} * 7 + 3) % 1009\n`, `total = total + value_${i}\n`);
    total += BigInt((i * 7 + 3) % 1009);
  }
  const probe = Math.floor(pairs / 2);
  parts.push('print(total)\n', `print(value_${probe})\n`);
  return { source: parts.join(''), expected: `${total}\n${(probe * 7 + 3) % 1009}\n` };
}

/** Python lines as close to `bytes` as whole line pairs allow. */
export function pythonLinesFor(bytes: number): number {
  return 2 * Math.ceil(bytes / 65);
}

/** `X = f(f(...f(a)...))` `depth` deep, then its depth counted by the program. */
export function prologNestedTerm(depth: number): GeneratedProgram {
  const term = 'f('.repeat(depth) + 'a' + ')'.repeat(depth);
  const source = [
    ':- initialization(main).\n',
    'depth(a, 0).\n',
    'depth(f(X), D) :- depth(X, D0), D is D0 + 1.\n',
    `main :- X = ${term}, depth(X, D), write(D), nl, ` +
      'copy_term(X, Y), (X == Y -> write(same) ; write(differ)), nl, halt.\n',
  ].join('');
  return { source, expected: `${depth}\nsame\n` };
}

/** A list literal of `length` integers, then its length and sum printed. */
export function prologLongList(length: number): GeneratedProgram {
  const items = Array.from({ length }, (_, i) => String(i + 1)).join(', ');
  const source = [
    ':- initialization(main).\n',
    `main :- L = [${items}], length(L, N), sum_list(L, S), write(N-S), nl, last(L, E), write(E), nl, halt.\n`,
  ].join('');
  const sum = (BigInt(length) * BigInt(length + 1)) / 2n;
  return { source, expected: `${length}-${sum}\n${length}\n` };
}

/** `print(((...(1)...)))` with `depth` pairs of parentheses. */
export function pythonNestedParens(depth: number): string {
  return `print(${'('.repeat(depth)}1${')'.repeat(depth)})\n`;
}

/**
 * `clauses` small predicates `r1 … rN`, each a rule that does some arithmetic and calls the
 * next (a last call), then prints what the chain computed from 0.
 */
export function prologRules(clauses: number): GeneratedProgram {
  const n = Math.max(1, clauses);
  const parts: string[] = [':- initialization(main).\n'];
  let x = 0;
  for (let i = 1; i <= n; i++) {
    parts.push(`r${i}(X, Y) :- X1 is (X * 3 + ${i}) mod 1000003, r${i + 1}(X1, Y).\n`);
    x = (x * 3 + i) % 1000003;
  }
  parts.push(`r${n + 1}(X, X).\n`, `main :- r1(0, Y), write(Y), nl, halt.\n`);
  return { source: parts.join(''), expected: `${x}\n` };
}

/**
 * A module of about `lines` lines: small functions, each defined and then called once on a
 * running value (three lines each), then the value printed.
 */
export function pythonFunctions(lines: number): GeneratedProgram {
  const count = Math.max(1, Math.floor(lines / 3));
  const parts: string[] = ['x = 0\n'];
  let x = 0;
  for (let i = 0; i < count; i++) {
    parts.push(`def f_${i}(v):\n`, `    return (v * 3 + ${i}) % 1000003\n`, `x = f_${i}(x)\n`);
    x = (x * 3 + i) % 1000003;
  }
  parts.push('print(x)\n');
  return { source: parts.join(''), expected: `${x}\n` };
}
