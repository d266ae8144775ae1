// The GNU as property test iterates A32_FORMS, so every form is covered by
// construction as long as its operands can be generated: check that here, and
// that the table holds what an integer + float JIT backend needs.
import test from 'ava';
import fc from 'fast-check';
import { A32_FORMS, A32_FORM_BY_NAME } from '../../src/encoder/a32-forms.ts';
import { encodeChecked } from '../../src/encoder/form.ts';
import { operandsArbitrary } from './operand-arbitraries.ts';

const REQUIRED_FORMS = [
  ...['and', 'eor', 'sub', 'rsb', 'add', 'adc', 'sbc', 'orr', 'bic', 'mov', 'mvn'].flatMap((op) =>
    [op, `${op}s`].flatMap((base) => [
      `${base}.imm`,
      `${base}.reg`,
      ...['lsl', 'lsr', 'asr', 'ror'].flatMap((shift) => [`${base}.reg.${shift}`, `${base}.reg.${shift}.rs`]),
    ]),
  ),
  ...['cmp', 'cmn', 'tst', 'teq'].flatMap((op) => [`${op}.imm`, `${op}.reg`, `${op}.reg.lsl`]),
  'mul',
  'mla',
  'mls',
  'smull',
  'umull',
  'sdiv',
  'udiv',
  'clz',
  'movw',
  'movt',
  ...['ldr', 'str', 'ldrb', 'strb', 'ldrh', 'strh', 'ldrsb', 'ldrsh', 'ldrd', 'strd'].flatMap((op) => [
    `${op}.imm`,
    `${op}.imm.pre`,
    `${op}.imm.post`,
    `${op}.reg`,
  ]),
  'ldr.reg.lsl',
  'push',
  'pop',
  'ldm.ia.wb',
  'stm.db.wb',
  'b',
  'bl',
  'bx',
  'blx.reg',
  'nop',
  'udf',
  'svc',
  ...['vadd', 'vsub', 'vmul', 'vdiv', 'vsqrt', 'vneg', 'vabs', 'vcmp', 'vcmpe', 'vmov'].map((op) => `${op}.f64`),
  'vcmp.f64.zero',
  'vcmpe.f64.zero',
  'vmrs.apsr-nzcv',
  'vmrs.fpscr',
  'vmsr.fpscr',
  'vcvt.f64.s32',
  'vcvt.s32.f64',
  'vcvtr.s32.f64',
  'vmov.core-to-d',
  'vmov.d-to-core',
  'vmov.core-to-s',
  'vmov.s-to-core',
  'vmov.f64.imm',
  'vldr.f64',
  'vstr.f64',
  'vpush',
  'vpop',
];

test('the table holds every form the backend needs', (t) => {
  const missing = REQUIRED_FORMS.filter((name) => !A32_FORM_BY_NAME.has(name));
  t.deepEqual(missing, []);
  t.is(A32_FORM_BY_NAME.size, A32_FORMS.length, 'form names are unique');
});

test('every form has an operand generator that yields valid, encodable operands', (t) => {
  const uncovered: string[] = [];
  for (const form of A32_FORMS) {
    let cases: readonly Record<string, unknown>[] = [];
    try {
      cases = fc.sample(operandsArbitrary(form), { numRuns: 100, seed: 42 });
    } catch (error) {
      uncovered.push(`${form.name}: no generator (${(error as Error).message})`);
      continue;
    }
    const distinct = new Set(cases.map((ops) => JSON.stringify(ops)));
    // A form with only a condition operand has 15 distinct instances.
    if (cases.length < 100 || distinct.size < 10) uncovered.push(`${form.name}: too few distinct cases`);
    for (const ops of cases) {
      try {
        encodeChecked(form, ops as never);
        if (form.toAsm(ops as never).trim() === '') uncovered.push(`${form.name}: empty asm`);
      } catch (error) {
        uncovered.push(`${form.name}: generated operands rejected: ${(error as Error).message}`);
        break;
      }
    }
  }
  t.deepEqual(uncovered, []);
});
