// The GNU as property test iterates X64_FORMS, so every form is covered by construction as
// long as its operands can be generated: check that here, and that the table holds every
// form the backend needs (what lowering and the stubs emit).
import test from 'ava';
import fc from 'fast-check';
import { X64_FORMS, X64_FORM_BY_NAME } from '../../src/encoder/forms.ts';
import { operandsArbitrary } from './operand-arbitraries.ts';

const REQUIRED_FORMS = [
  ...['add', 'or', 'and', 'sub', 'xor', 'cmp'].flatMap((op) =>
    ['rr', 'ri', 'r64i', 'rm', 'mi'].map((k) => `${op}.${k}`),
  ),
  ...['shl', 'shr', 'sar'].flatMap((op) => [`${op}.cl`, `${op}.ri`]),
  ...['addsd', 'subsd', 'mulsd', 'divsd', 'sqrtsd'],
  ...['test.rr', 'test.ri', 'and.rr8', 'imul.rr', 'neg', 'cdq', 'idiv', 'div', 'setcc', 'movzx.rr8', 'cmovcc'],
  ...['mov.rr', 'mov.r64r64', 'mov.ri', 'movabs', 'mov.load', 'mov.store', 'movzx.load8', 'mov.store8'],
  ...['jcc.rel32', 'jcc.rel8', 'jmp.rel32', 'jmp.rel8', 'call.rel32', 'call.r', 'jmp.r', 'ret', 'ud2', 'push', 'pop'],
  ...['btc', 'btr', 'ucomisd', 'xorpd', 'movapd', 'cvtsi2sd', 'cvttsd2si', 'movq.xr', 'movq.rx'],
  ...['movsd.load', 'movsd.store'],
];

test('the table has every form the backend emits, each once', (t) => {
  t.deepEqual(
    REQUIRED_FORMS.filter((name) => !X64_FORM_BY_NAME.has(name)),
    [],
  );
  t.is(X64_FORM_BY_NAME.size, X64_FORMS.length, 'form names are unique');
});

test('every form has generable operands and encodes them to 1..15 bytes', (t) => {
  for (const form of X64_FORMS) {
    const samples = fc.sample(operandsArbitrary(form), { numRuns: 20, seed: 7 });
    for (const ops of samples) {
      const bytes = form.encode(ops);
      t.true(bytes.length >= 1 && bytes.length <= 15, `${form.toAsm(ops)} took ${bytes.length} bytes`);
      t.true(
        bytes.every((b) => Number.isInteger(b) && b >= 0 && b <= 255),
        form.name,
      );
    }
  }
});
