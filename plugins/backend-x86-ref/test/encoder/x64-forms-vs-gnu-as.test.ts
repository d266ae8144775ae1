// Property: for random valid operands, every form of the table encodes to the bytes GNU as
// produces for its Intel-syntax line. All cases go through one `as --64` run.
import test from 'ava';
import fc from 'fast-check';
import { spawnSync } from 'node:child_process';
import { X64_FORMS } from '../../src/encoder/forms.ts';
import { assembleLines, X86_AS } from './gnu-as.ts';
import { operandsArbitrary } from './operand-arbitraries.ts';

const CASES_PER_FORM = Number(process.env['X64_CASES'] ?? 100);
/** Set X64_SEED to replay a failing run. */
const SEED = Number(process.env['X64_SEED'] ?? Date.now() % 0x7fffffff);

const hasAssembler = spawnSync(X86_AS, ['--version']).status === 0;
const formTest = hasAssembler ? test : test.skip;

const cases = X64_FORMS.map((form, formIndex) =>
  fc.sample(operandsArbitrary(form), { numRuns: CASES_PER_FORM, seed: SEED + formIndex }).map((ops) => ({
    asm: form.toAsm(ops),
    bytes: form.encode(ops),
  })),
);
let assembled: Promise<number[][]> | undefined;
const assembledResults = (): Promise<number[][]> => (assembled ??= assembleLines(cases.flat().map((c) => c.asm)));
const hex = (bytes: readonly number[]): string => bytes.map((b) => b.toString(16).padStart(2, '0')).join(' ');

let offset = 0;
for (const [formIndex, form] of X64_FORMS.entries()) {
  const formCases = cases[formIndex]!;
  const start = offset;
  offset += formCases.length;
  formTest(`${form.name} encodes like GNU as`, async (t) => {
    const results = (await assembledResults()).slice(start, start + formCases.length);
    const failures: string[] = [];
    formCases.forEach((c, i) => {
      if (hex(c.bytes) !== hex(results[i]!))
        failures.push(`${c.asm}: encoder ${hex(c.bytes)}, GNU as ${hex(results[i]!)}`);
    });
    t.deepEqual(failures.slice(0, 10), [], `seed ${SEED} (rerun with X64_SEED=${SEED})`);
    t.true(formCases.length > 0);
  });
}
