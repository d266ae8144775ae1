import test from 'ava';
import type { Func } from '../../src/ir/module.ts';
import { parseModule } from '../../src/ir/text/parser.ts';
import { dce } from '../../src/opt/passes/dce.ts';
import { gvn } from '../../src/opt/passes/gvn.ts';
import { checkPassPreserves } from '../helpers/pass-check.ts';
import { funcOf } from '../helpers/run-module.ts';

const TEXT = `
; The same remainder on both sides of a branch, and again after it: the dominating one
; decides (it trapped on a zero divisor or gave the result), so the later ones go.
func @remainders(%x: i32, %d: i32) -> i32 {
^entry:
  %r = srem %x, %d
  %zero = iconst 0
  %neg = icmp.slt %r, %zero
  brif %neg, ^fix, ^done(%r)
^fix:
  %r2 = srem %x, %d
  %s = iadd %r2, %d
  br ^done(%s)
^done(%v: i32):
  %r3 = srem %x, %d
  %q = udiv %x, %d
  %q2 = udiv %x, %d
  %t = iadd %v, %r3
  %u = iadd %q, %q2
  %w = iadd %t, %u
  ret %w
}

; A division on one path does not decide one on a path it does not dominate.
func @sibling(%x: i32, %d: i32, %c: i32) -> i32 {
^entry:
  brif %c, ^a, ^b
^a:
  %q = sdiv %x, %d
  br ^done(%q)
^b:
  %one = iconst 1
  br ^done(%one)
^done(%v: i32):
  %q2 = sdiv %x, %d
  %r = iadd %v, %q2
  ret %r
}
`;

const count = (f: Func, op: string): number =>
  f.blocks.reduce((n, b) => n + b.insts.filter((i) => i.op.name === op).length, 0);

test('a division dominated by its twin is replaced; traps stay where they were', (t) => {
  const m = checkPassPreserves(
    t,
    () => parseModule(TEXT),
    [gvn, dce],
    [
      ['remainders', [17, 5]],
      ['remainders', [-17, 5]],
      ['remainders', [-17, 0]],
      ['remainders', [-2147483648, -1]],
      ['sibling', [9, 3, 1]],
      ['sibling', [9, 0, 0]],
      ['sibling', [9, 0, 1]],
    ],
  );
  t.is(count(funcOf(m, 'remainders'), 'srem'), 1);
  t.is(count(funcOf(m, 'remainders'), 'udiv'), 1);
  t.is(count(funcOf(m, 'sibling'), 'sdiv'), 2, 'no dominating twin');
});
