import test from 'ava';
import type { Func } from '../../src/ir/module.ts';
import { parseModule } from '../../src/ir/text/parser.ts';
import { dce } from '../../src/opt/passes/dce.ts';
import { sinkconditions } from '../../src/opt/passes/sink-conditions.ts';
import { checkPassPreserves } from '../helpers/pass-check.ts';
import { funcOf } from '../helpers/run-module.ts';

const TEXT = `
func @f(%x: i32, %n: i32) -> i32 {
^entry:
  %one = iconst 1
  %m = iand %x, %one
  %c = icmp.slt %x, %n
  brif %c, ^a, ^b
^a:
  brif %m, ^odd, ^even
^b:
  brif %c, ^odd, ^even
^odd:
  ret %one
^even:
  %z = iconst 0
  ret %z
}

func @g(%r: ref) -> i32 {
^entry:
  %one = iconst 1
  %bits = ref.bits %r
  %m = iand %bits, %one
  brif %m, ^again, ^no
^again:
  brif %m, ^yes, ^no
^yes:
  ret %one
^no:
  %z = iconst 0
  ret %z
}

func @h(%r: ref) -> i32 {
^entry:
  %four = iconst 4
  %x = ref.bits %r
  %sum = iadd %x, %four
  %c = icmp.eq %sum, %four
  brif %c, ^next, ^no
^next:
  brif %c, ^yes, ^no
^yes:
  ret %four
^no:
  ret %x
}
`;

/** The block defining each brif's condition, by the branching block's name. */
function conditionHomes(f: Func): Record<string, string> {
  const home = new Map<number, string>();
  for (const b of f.blocks) for (const i of b.insts) if (i.result >= 0) home.set(i.result, b.name);
  const homes: Record<string, string> = {};
  for (const b of f.blocks) {
    const t = b.terminator;
    if (t?.op.name === 'brif') homes[b.name] = home.get(t.args[0]!) ?? 'param';
  }
  return homes;
}

test('each branch tests its own copy of a compare or mask test made in another block', (t) => {
  const m = checkPassPreserves(
    t,
    () => parseModule(TEXT),
    [sinkconditions, dce],
    [
      ['f', [3, 5]],
      ['f', [2, 5]],
      ['f', [3, 1]],
      ['f', [2, 1]],
      ['g', [7]],
      ['g', [6]],
    ],
  );
  t.deepEqual(conditionHomes(funcOf(m, 'f')), { entry: 'entry', a: 'a', b: 'b' });
  const g = funcOf(m, 'g');
  t.deepEqual(conditionHomes(g), { entry: 'entry', again: 'again' });
  // The pointer's bits are taken again where they are tested, not kept live up to there.
  const again = g.blocks.find((b) => b.name === 'again')!;
  t.deepEqual(
    again.insts.map((i) => i.op.name),
    ['ref.bits', 'iand', 'brif'],
  );
});

test('a compare over an address computed from pointer bits stays where it was', (t) => {
  const m = checkPassPreserves(
    t,
    () => parseModule(TEXT),
    [sinkconditions],
    [
      ['h', [0]],
      ['h', [3]],
    ],
  );
  t.deepEqual(conditionHomes(funcOf(m, 'h')), { entry: 'entry', next: 'entry' });
});
