import test from 'ava';
import fc from 'fast-check';
import { a32 } from '../../src/encoder/a32.ts';
import {
  branchOffsetOf,
  branchOffsetWords,
  isBranchInRange,
  isRelativeBranch,
  withBranchOffset,
} from '../../src/encoder/branch-patch.ts';
import { AL, COND } from '../../src/encoder/operands.ts';

test('offsets count words from the branch address + 8', (t) => {
  t.is(branchOffsetWords(0x1000, 0x1008), 0);
  t.is(branchOffsetWords(0x1000, 0x2000), 0x3fe);
  t.is(branchOffsetWords(0x100c, 0x1004), -4);
  t.throws(() => branchOffsetWords(0, 0x1002), { instanceOf: RangeError });
  t.throws(() => branchOffsetWords(0, 0x2000008), { instanceOf: RangeError });
  t.true(isBranchInRange(0, 0x2000004));
  t.false(isBranchInRange(0, 0x2000008));
});

test('patching keeps the condition and the link bit', (t) => {
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: AL }),
      fc.boolean(),
      fc.integer({ min: -(1 << 23), max: (1 << 23) - 1 }),
      fc.integer({ min: -(1 << 23), max: (1 << 23) - 1 }),
      (cond, link, first, second) => {
        const word = link ? a32.bl(cond, first) : a32.b(cond, first);
        t.true(isRelativeBranch(word));
        t.is(branchOffsetOf(word), first);
        const patched = withBranchOffset(word, second);
        t.is(patched, link ? a32.bl(cond, second) : a32.b(cond, second));
      },
    ),
  );
  t.false(isRelativeBranch(a32.bx(COND.eq, 14)));
  t.throws(() => withBranchOffset(a32.nop(AL), 0), { instanceOf: RangeError });
});
