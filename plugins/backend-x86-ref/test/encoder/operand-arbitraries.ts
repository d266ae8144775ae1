// Random valid operands for every operand kind of the table of forms.
import fc from 'fast-check';
import type { OperandSpec, OperandValue, X64Form } from '../../src/encoder/forms.ts';
import { mem, type Mem } from '../../src/encoder/x64.ts';

const RSP = 4;

const gpr = (exclude: readonly number[] = []): fc.Arbitrary<number> =>
  fc.integer({ min: 0, max: 15 }).filter((r) => !exclude.includes(r));

/** Displacements of every size class: none, 8-bit, 32-bit. */
const disp = fc.oneof(
  fc.constant(0),
  fc.integer({ min: -128, max: 127 }),
  fc.integer({ min: -0x80000000, max: 0x7fffffff }),
);

const memory: fc.Arbitrary<Mem> = fc.oneof(
  fc.record({ base: gpr(), d: disp }).map(({ base, d }) => mem(base, d)),
  fc
    .record({ base: gpr(), index: gpr([RSP]), scale: fc.constantFrom(1, 2, 4, 8 as const), d: disp })
    .map(({ base, index, scale, d }) => mem(base, d, index, scale as Mem['scale'])),
  // No base: an absolute address, or an index scaled by at least 2 (GAS turns a lone
  // index scaled by 1 into a base).
  fc.integer({ min: 0, max: 0x7fffffff }).map((d) => mem(null, d)),
  fc
    .record({ index: gpr([RSP]), scale: fc.constantFrom(2, 4, 8 as const), d: fc.integer({ min: 0, max: 0x7fffffff }) })
    .map(({ index, scale, d }) => mem(null, d, index, scale as Mem['scale'])),
);

function arbitraryFor(name: string, spec: OperandSpec, formName: string): fc.Arbitrary<OperandValue> {
  switch (spec.kind) {
    case 'gpr':
      return gpr(spec.exclude);
    case 'xmm':
      return fc.integer({ min: 0, max: 15 });
    case 'cc':
      return fc.integer({ min: 0, max: 15 });
    case 'imm64':
      return fc.bigInt({ min: -(1n << 63n), max: (1n << 64n) - 1n });
    case 'mem':
      return memory;
    case 'imm':
      // A rel32 branch whose displacement fits 8 bits is relaxed to rel8 by GAS.
      if (name === 'rel' && formName.endsWith('rel32'))
        return fc.oneof(fc.integer({ min: spec.min, max: -200 }), fc.integer({ min: 200, max: spec.max }));
      return fc.oneof(
        fc.integer({ min: spec.min, max: spec.max }),
        fc.integer({ min: Math.max(spec.min, -128), max: Math.min(spec.max, 127) }),
      );
  }
}

export function operandsArbitrary(form: X64Form): fc.Arbitrary<Record<string, OperandValue>> {
  const record: Record<string, fc.Arbitrary<OperandValue>> = {};
  for (const [name, spec] of Object.entries(form.operands)) record[name] = arbitraryFor(name, spec, form.name);
  return fc.record(record);
}
