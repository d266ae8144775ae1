import test from 'ava';
import type { Func } from '../../src/ir/module.ts';
import { parseModule } from '../../src/ir/text/parser.ts';
import { constfold } from '../../src/opt/passes/constfold.ts';
import { dce } from '../../src/opt/passes/dce.ts';
import { knownbits } from '../../src/opt/passes/known-bits-fold.ts';
import { simplifycfg } from '../../src/opt/passes/simplifycfg.ts';
import { checkPassPreserves } from '../helpers/pass-check.ts';
import { funcOf } from '../helpers/run-module.ts';

const TEXT = `
; A tagged int is (n << 1) | 1. The sum of two, less one tag, is tagged again, so the
; "both small ints?" test of the sum and a counter folds to yes, and the other path dies.
func @tagged_sum(%n: i32, %m: i32) -> i32 {
^entry:
  %one = iconst 1
  %a0 = ishl %n, %one
  %a = ior %a0, %one
  %b0 = ishl %m, %one
  %b = ior %b0, %one
  %ra = ref.from_bits %a
  %bits = ref.bits %ra
  %a1 = isub %bits, %one
  %s = iadd %a1, %b
  %both = iand %s, %a
  %tag = iand %both, %one
  brif %tag, ^int, ^other
^int:
  %r = isar %s, %one
  ret %r
^other:
  %p = ref.is_ptr %ra
  %minus = iconst -1
  %q = iadd %p, %minus
  ret %q
}

; A loop parameter knows only what every incoming value knows: the back edge's is not
; known when the header is reached, so nothing is assumed about %i.
func @loop_param(%n: i32) -> i32 {
^entry:
  %one = iconst 1
  %three = iconst 3
  br ^loop(%three)
^loop(%i: i32):
  %low = iand %i, %one
  %more = icmp.slt %i, %n
  %i2 = ishl %i, %one
  brif %more, ^loop(%i2), ^done
^done:
  ret %low
}

; A branch on a value with a bit known 1 goes one way; eq with a contradicting bit is 0.
func @known_one(%x: i32) -> i32 {
^entry:
  %four = iconst 4
  %c = ior %x, %four
  %one = iconst 1
  %odd = ior %x, %one
  %zero = iconst 0
  %iszero = icmp.eq %odd, %zero
  brif %c, ^yes(%iszero), ^no
^yes(%v: i32):
  ret %v
^no:
  %m = iconst 9
  ret %m
}
`;

const count = (f: Func, op: string): number =>
  f.blocks.reduce((n, b) => n + b.insts.filter((i) => i.op.name === op).length, 0);

test('tag tests of values known to be tagged fold, and their other paths die', (t) => {
  const m = checkPassPreserves(
    t,
    () => parseModule(TEXT),
    [knownbits, constfold, dce, simplifycfg],
    [
      ['tagged_sum', [3, 4]],
      ['tagged_sum', [-5, 2]],
      ['loop_param', [0]],
      ['loop_param', [100]],
      ['known_one', [0]],
      ['known_one', [-1]],
    ],
  );
  t.is(count(funcOf(m, 'tagged_sum'), 'brif'), 0);
  t.is(count(funcOf(m, 'tagged_sum'), 'ref.is_ptr'), 0);
  t.is(count(funcOf(m, 'loop_param'), 'brif'), 1, 'the loop stays');
  t.is(count(funcOf(m, 'loop_param'), 'iand'), 1, "the parameter's low bit is not assumed");
  t.is(count(funcOf(m, 'known_one'), 'brif'), 0);
  t.is(count(funcOf(m, 'known_one'), 'icmp.eq'), 0);
});
