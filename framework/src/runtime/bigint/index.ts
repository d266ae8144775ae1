/**
 * Unbounded integers shared by the frontends (Prolog, mini-Python).
 *
 * Representation. An *integer ref* is either
 *   - a small int: a `ref` with low bit 1, value `bits >> 1`, range [-2^30, 2^30-1]; or
 *   - a pointer to a `:bigint` object, `type :bigint = array i32` (BIGINT_TYPE; each
 *     frontend adds it to its module, e.g. with declareBigintRuntime): element 0 is the
 *     sign (0 non-negative, 1 negative), elements 1.. the magnitude as 32-bit
 *     little-endian limbs (unsigned bit patterns in the i32 slots), without leading zero
 *     limbs. A value that fits a small int is ALWAYS a small int: one canonical form, so
 *     two integer refs are equal iff their bits are equal or both are bigints with equal
 *     limbs (a small int never equals a bigint object). Static bigint literals are
 *     `:bigint` consts made with bigintConstValues().
 *
 * TypeScript helpers: readInteger(ctx, ref) → bigint (host_error trap for a non-integer
 * ref), makeInteger(ctx, value) → ref (allocates only when the value does not fit; may
 * collect, so read every input ref first, and root each result before making the next),
 * integerToString(ctx, ref) (decimal),
 * isSmallInt / smallIntValue / toSmallIntRef.
 *
 * Host functions (bigintHostFunctions(); externs from bigintExterns() or
 * declareBigintRuntime(module)), all `raises: false`, all taking integer refs:
 *   (ref, ref) -> ref   int.add sub mul floordiv floormod truncdiv truncrem pow
 *                       and or xor shl shr gcd
 *   (ref) -> ref        int.neg abs not msb bit_length
 *   (ref, ref) -> i32   int.cmp (-1/0/1), int.eq (0/1)
 *   (ref) -> f64        int.to_f64        (f64) -> ref   int.from_f64
 * Everything that can allocate is `collects: true`; cmp, eq and to_f64 never allocate and
 * are `collects: false` (no safepoint needed around them).
 * Semantics, as Python and Prolog on unbounded integers:
 *   - floordiv/floormod round toward -inf (Python // %, Prolog div mod); truncdiv/truncrem
 *     toward zero (Prolog // rem). A zero divisor traps div_by_zero: a frontend that needs
 *     a language-level error (ZeroDivisionError, evaluation_error(zero_divisor)) tests the
 *     divisor before the call (the inline fast path tests it anyway).
 *   - pow: exponent >= 0; a negative exponent traps host_error (the frontend handles it:
 *     Python makes a float, Prolog raises or gives 1/-1 per its flags).
 *   - and/or/xor/not: two's complement on infinitely sign-extended values.
 *   - shl/shr: arithmetic (shr rounds toward -inf); a negative count shifts the other way
 *     (SWI-Prolog; Python must reject negative counts itself).
 *   - bit_length: bits of |x| (Python int.bit_length, 0 for 0); msb = bit_length - 1
 *     (Prolog msb/1 for x > 0; the frontend rejects x <= 0).
 *   - to_f64: correctly rounded, ties to even (Python float(int)); too large gives ±inf —
 *     Python's frontend checks for inf and raises OverflowError.
 *   - from_f64: truncates toward zero; NaN/±inf trap host_error (frontends check first).
 *   - results that could never fit the heap (shl, pow) trap out_of_memory up front.
 *
 * Inline fast paths (ir-helpers.ts: emitIntAdd/Sub/Mul, emitIntCompare) build on the
 * tagged-bits identities X = 2x+1:
 *   both small:  (X & Y & 1) == 1
 *   add:  iadd_ovf (X - 1), Y            = 2(x+y)+1; overflow ⇔ x+y leaves the 31-bit range
 *   sub:  isub_ovf X, Y  then  ior 1      (2(x-y) fits i32 ⇔ x-y fits 31 bits)
 *   mul:  imul_ovf (X - 1), (Y isar 1)  then  ior 1
 *   compare: icmp.<cond> X, Y (tagging is monotonic); eq/ne when (X | Y) & 1 (canonical form)
 * and fall back to the `int.*` host call on a bigint operand or on overflow.
 */
export * from './representation.ts';
export * from './convert.ts';
export * as integerOps from './operations.ts';
export * from './host-functions.ts';
export * from './declarations.ts';
export * from './ir-helpers.ts';
