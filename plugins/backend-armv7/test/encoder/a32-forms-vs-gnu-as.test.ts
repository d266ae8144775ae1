// Property: for random valid operands, every form encodes to the bytes GNU as
// produces for its toAsm text. All cases go through one `as` run.
import test from 'ava';
import fc from 'fast-check';
import { spawnSync } from 'node:child_process';
import { A32_FORMS } from '../../src/encoder/a32-forms.ts';
import { encodeChecked, type A32Form } from '../../src/encoder/form.ts';
import type { Operands } from '../../src/encoder/operands.ts';
import { ARM_AS, assembleLines, type AssembledLine } from './gnu-as.ts';
import { operandsArbitrary } from './operand-arbitraries.ts';

const CASES_PER_FORM = Number(process.env['A32_CASES'] ?? 120);
/** Set A32_SEED to replay a failing run. */
const SEED = Number(process.env['A32_SEED'] ?? Date.now() % 0x7fffffff);

interface Case {
  readonly ops: Operands;
  readonly asm: string;
  readonly word: number | Error;
}

function casesFor(form: A32Form, formIndex: number): Case[] {
  return fc.sample(operandsArbitrary(form), { numRuns: CASES_PER_FORM, seed: SEED + formIndex }).map((ops) => {
    let word: number | Error;
    try {
      word = encodeChecked(form, ops);
    } catch (error) {
      word = error as Error;
    }
    return { ops, asm: form.toAsm(ops), word };
  });
}

const hasAssembler = spawnSync(ARM_AS, ['--version']).status === 0;
const formTest = hasAssembler ? test : test.skip;

const casesByForm = A32_FORMS.map(casesFor);
let assembled: Promise<AssembledLine[]> | undefined;

function assembledResults(): Promise<AssembledLine[]> {
  assembled ??= assembleLines(casesByForm.flat().map((c) => c.asm));
  return assembled;
}

const hex = (word: number): string => `0x${word.toString(16).padStart(8, '0')}`;

let offset = 0;
for (const [formIndex, form] of A32_FORMS.entries()) {
  const cases = casesByForm[formIndex]!;
  const start = offset;
  offset += cases.length;
  formTest(`${form.name} encodes like GNU as`, async (t) => {
    const results = (await assembledResults()).slice(start, start + cases.length);
    const failures: string[] = [];
    cases.forEach((c, i) => {
      const expected = results[i]!;
      if (c.word instanceof Error) failures.push(`${c.asm}: encoder threw ${c.word.message}`);
      else if ('error' in expected) failures.push(`${c.asm}: GNU as rejected it: ${expected.error}`);
      else if (c.word !== expected.word)
        failures.push(`${c.asm}: encoder ${hex(c.word)}, GNU as ${hex(expected.word)}`);
    });
    t.deepEqual(failures.slice(0, 10), [], `seed ${SEED} (rerun with A32_SEED=${SEED})`);
    t.true(cases.length > 0);
  });
}
