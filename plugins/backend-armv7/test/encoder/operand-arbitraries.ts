// fast-check generators for the operands an A32 form declares, so every form in
// the table can be tested without writing a generator per form.
import fc from 'fast-check';
import type { A32Form } from '../../src/encoder/form.ts';
import { AL, type OperandSpec, type OperandValue, type Operands } from '../../src/encoder/operands.ts';
import { decodeModifiedImmediate } from '../../src/encoder/modified-immediate.ts';
import { vfpImmediateValues } from '../../src/encoder/vfp-immediate.ts';

const VFP_IMMEDIATES = vfpImmediateValues();

/** A generator for values satisfying `operandSpec`; throws for kinds it does not know. */
export function operandArbitrary(operandSpec: OperandSpec): fc.Arbitrary<OperandValue> {
  switch (operandSpec.kind) {
    case 'cond':
      // Bias toward AL, the condition most code uses.
      return operandSpec.always === true ? fc.constant(AL) : fc.oneof(fc.constant(AL), fc.integer({ min: 0, max: AL }));
    case 'reg':
      return fc.constantFrom(...operandSpec.allowed);
    case 'dreg':
      return fc.integer({ min: 0, max: 15 });
    case 'sreg':
      return fc.integer({ min: 0, max: 31 });
    case 'int': {
      const step = operandSpec.multipleOf ?? 1;
      return fc
        .integer({ min: Math.ceil(operandSpec.min / step), max: Math.floor(operandSpec.max / step) })
        .map((n) => n * step);
    }
    case 'flag':
      return fc.boolean();
    case 'modimm':
      // Any 12-bit field is a valid encoding of some value; present it as the value, sometimes signed.
      return fc
        .tuple(fc.integer({ min: 0, max: 0xfff }), fc.boolean())
        .map(([field, signed]) => (signed ? decodeModifiedImmediate(field) | 0 : decodeModifiedImmediate(field)));
    case 'vfpimm':
      return fc.constantFrom(...VFP_IMMEDIATES);
    case 'reglist': {
      const allowed = operandSpec.allowed;
      return fc
        .uniqueArray(fc.constantFrom(...allowed), { minLength: 1, maxLength: operandSpec.maxLength ?? allowed.length })
        .map((regs) => [...regs].sort((a, b) => a - b));
    }
  }
}

/** Operands for `form` that pass its constraint. */
export function operandsArbitrary(form: A32Form): fc.Arbitrary<Operands> {
  const fields: Record<string, fc.Arbitrary<OperandValue>> = {};
  for (const [name, operandSpec] of Object.entries(form.operands)) fields[name] = operandArbitrary(operandSpec);
  return fc.record(fields).filter((ops) => form.constraint?.(ops) === undefined);
}
