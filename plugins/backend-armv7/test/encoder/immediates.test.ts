import test from 'ava';
import fc from 'fast-check';
import {
  decodeModifiedImmediate,
  encodeModifiedImmediate,
  isModifiedImmediate,
} from '../../src/encoder/modified-immediate.ts';
import {
  decodeVfpImmediate,
  encodeVfpImmediate,
  isVfpImmediate,
  vfpImmediateValues,
} from '../../src/encoder/vfp-immediate.ts';

/** All 32-bit values some rotation of some byte produces (the definition, by brute force). */
const MODIFIED_IMMEDIATES = new Set<number>();
for (let rotation = 0; rotation < 32; rotation += 2) {
  for (let imm8 = 0; imm8 < 256; imm8++)
    MODIFIED_IMMEDIATES.add(((imm8 >>> rotation) | (imm8 << (32 - rotation))) >>> 0);
}

test('modified immediates: encodable exactly when some even rotation of a byte gives the value', (t) => {
  fc.assert(
    fc.property(fc.oneof(fc.integer({ min: 0, max: 0xffffffff }), fc.constantFrom(...MODIFIED_IMMEDIATES)), (value) => {
      t.is(isModifiedImmediate(value), MODIFIED_IMMEDIATES.has(value));
      const field = encodeModifiedImmediate(value);
      if (field !== undefined) t.is(decodeModifiedImmediate(field), value);
    }),
    { numRuns: 2000 },
  );
});

test('modified immediates: signed values count as their 32-bit pattern; the smallest rotation wins', (t) => {
  t.false(isModifiedImmediate(-256)); // 0xffffff00: that takes mvn #0xff
  t.true(isModifiedImmediate(0xff000000));
  t.true(isModifiedImmediate(-0x1000000));
  t.false(isModifiedImmediate(0x101));
  t.false(isModifiedImmediate(1.5));
  t.is(encodeModifiedImmediate(4), 4); // not 0xf01 (1 ror 30)
  t.is(encodeModifiedImmediate(0x3fc), 0xfff);
});

test('VFP immediates: 256 distinct doubles, ±(16+m)/16 × 2^e for e in -3..4', (t) => {
  const values = vfpImmediateValues();
  t.is(new Set(values).size, 256);
  t.is(decodeVfpImmediate(0x70), 1);
  t.is(decodeVfpImmediate(0x00), 2);
  t.is(encodeVfpImmediate(0.125), 0x40);
  t.is(encodeVfpImmediate(31), 0x3f);
  t.is(encodeVfpImmediate(-1.5), 0xf8);
  t.false(isVfpImmediate(0));
  t.false(isVfpImmediate(0.1));
  t.false(isVfpImmediate(32));
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 15 }), fc.integer({ min: -3, max: 4 }), fc.boolean(), (m, e, negative) => {
      const value = (negative ? -1 : 1) * ((16 + m) / 16) * 2 ** e;
      t.true(isVfpImmediate(value));
      t.is(decodeVfpImmediate(encodeVfpImmediate(value)!), value);
    }),
  );
});
