import test from 'ava';
import type { Func } from '../../src/ir/module.ts';
import { parseModule } from '../../src/ir/text/parser.ts';
import { branchfold } from '../../src/opt/passes/branchfold.ts';
import { constfold } from '../../src/opt/passes/constfold.ts';
import { dce } from '../../src/opt/passes/dce.ts';
import { globalloads } from '../../src/opt/passes/global-loads.ts';
import { checkPassPreserves } from '../helpers/pass-check.ts';
import { funcOf } from '../helpers/run-module.ts';

const TEXT = `
global @top: i32 = 5

func @bump() {
^entry:
  %t = gget @top
  %one = iconst 1
  %t1 = iadd %t, %one
  gset @top, %t1
  ret
}

; Neither path changes @top: the second read is the first, and the compare folds.
func @untouched(%x: i32) -> i32 {
^entry:
  %t0 = gget @top
  brif %x, ^a, ^b
^a:
  br ^join
^b:
  %two = iconst 2
  %y = iadd %x, %two
  br ^join
^join:
  %t1 = gget @top
  %moved = icmp.ne %t1, %t0
  ret %moved
}

; One path calls a function that changes @top: the second read stays.
func @maybe_bumped(%x: i32) -> i32 {
^entry:
  %t0 = gget @top
  brif %x, ^a, ^b
^a:
  call @bump()
  br ^join
^b:
  br ^join
^join:
  %t1 = gget @top
  %moved = icmp.ne %t1, %t0
  ret %moved
}

; A write is what a later read sees, through a loop that does not write it.
func @written(%n: i32) -> i32 {
^entry:
  gset @top, %n
  %zero = iconst 0
  br ^loop(%zero)
^loop(%i: i32):
  %t = gget @top
  %more = icmp.slt %i, %t
  %one = iconst 1
  %i1 = iadd %i, %one
  brif %more, ^loop(%i1), ^done
^done:
  ret %i
}
`;

const reads = (f: Func): number => f.blocks.reduce((n, b) => n + b.insts.filter((i) => i.op.name === 'gget').length, 0);

test('a global read on every path with no call between is forwarded, and what it guarded folds', (t) => {
  const m = checkPassPreserves(
    t,
    () => parseModule(TEXT),
    [globalloads, constfold, branchfold, dce],
    [
      ['untouched', [0]],
      ['untouched', [1]],
      ['maybe_bumped', [0]],
      ['maybe_bumped', [1]],
      ['written', [0]],
      ['written', [3]],
    ],
  );
  t.is(reads(funcOf(m, 'untouched')), 0, 'both reads gone: the compare is known false');
  t.is(reads(funcOf(m, 'maybe_bumped')), 2);
  t.is(reads(funcOf(m, 'written')), 0);
});
