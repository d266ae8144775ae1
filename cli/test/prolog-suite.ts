import { readdirSync, readFileSync } from 'node:fs';
import { REPO } from './cli-harness.ts';
import type { ProgramSuite } from './program-suite.ts';

// The Prolog programs: each programs/X.pl runs as `jitc X.pl -g main`; stdout and the exit
// status must equal what `swipl -q -g main -t halt X.pl` gave (X.out, X.status).
const PROGRAMS = `${REPO}plugins/frontend-prolog/test/programs/`;

export const prologSuite: ProgramSuite = {
  label: 'Prolog',
  atLeast: 132,
  programs: readdirSync(PROGRAMS)
    .filter((f) => f.endsWith('.pl'))
    .map((f) => f.slice(0, -3))
    .sort(),
  argsOf: (name) => [`${PROGRAMS}${name}.pl`, '-g', 'main'],
  expected: (name) => ({
    stdout: readFileSync(`${PROGRAMS}${name}.out`, 'utf8'),
    status: Number(readFileSync(`${PROGRAMS}${name}.status`, 'utf8').trim()),
  }),
  // Host code building error terms and code compiled at run time must keep everything they
  // hold rooted: these collect at every allocation on semispace.
  stressedEveryAllocation: new Set([
    'univ_lists',
    'db_hot_compiled',
    'db_hot_backtrack',
    'exceptions_errors',
    'iso_errors',
    'arith_big',
    'univ_functor',
    'head_compound',
    'fact_table',
    'str_term_text',
    'str_db',
  ]),
};
