import { readdirSync, readFileSync } from 'node:fs';
import { REPO } from './cli-harness.ts';
import type { Expected, ProgramSuite } from './program-suite.ts';

// The mini-Python programs: each programs/X.py against CPython's recorded output.
const PROGRAMS = `${REPO}plugins/frontend-minipy/test/programs/`;

/** `<name>.expected` is CPython's stdout plus a `# exit N: <last stderr line>` trailer. */
function readExpected(name: string): Expected & { lastLine: string } {
  const text = readFileSync(`${PROGRAMS}${name}.expected`, 'utf8');
  const at = text.lastIndexOf('# exit ');
  const m = /^# exit (\d+):\s?(.*)$/.exec(text.slice(at).trimEnd())!;
  return { stdout: text.slice(0, at), status: Number(m[1]), lastLine: m[2]! };
}

const rejected = (name: string): boolean => readExpected(name).lastLine.startsWith('SyntaxError');

export const minipySuite: ProgramSuite = {
  label: 'mini-Python',
  atLeast: 100,
  programs: readdirSync(PROGRAMS)
    .filter((f) => f.endsWith('.py'))
    .map((f) => f.slice(0, -3))
    .sort(),
  argsOf: (name) => [`${PROGRAMS}${name}.py`],
  expected(name) {
    const { stdout, status, lastLine } = readExpected(name);
    // A SyntaxError's line is CPython's own wording around a caret: only the status counts.
    return status !== 0 && !rejected(name) ? { stdout, status, lastStderrLine: lastLine } : { stdout, status };
  },
  // A program CPython rejects never runs: there is nothing to collect.
  runs: (name) => !rejected(name),
};
