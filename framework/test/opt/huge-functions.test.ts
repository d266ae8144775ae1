import test from 'ava';
import { prepareModule } from '../../src/driver.ts';
import { parseModule } from '../../src/ir/text/parser.ts';
import { HUGE_FUNCTION_INSTS } from '../../src/opt/huge-functions.ts';
import { corePasses } from '../../src/opt/passes/index.ts';
import { runModule } from '../helpers/run-module.ts';

/** A function summing `adds` folded constants: the optimizer turns its body into one `ret`. */
function sumOfConstants(name: string, adds: number): string {
  const lines = [`func @${name}() -> i32 {`, '^entry:', '  %v0 = iconst 0', '  %one = iconst 1'];
  for (let i = 1; i <= adds; i++) lines.push(`  %v${i} = iadd %v${i - 1}, %one`);
  lines.push(`  ret %v${adds}`, '}');
  return lines.join('\n');
}

test('the optimizer leaves a huge function as it is and optimizes the rest', (t) => {
  const m = parseModule([sumOfConstants('small', 100), sumOfConstants('huge', HUGE_FUNCTION_INSTS)].join('\n'));
  prepareModule(m, { optLevel: 1, passes: corePasses(), lowerWith: null });
  const size = (name: string): number => m.func(name)!.blocks.reduce((n, b) => n + b.insts.length, 0);
  t.true(size('small') <= 2);
  t.is(size('huge'), HUGE_FUNCTION_INSTS + 3);
  t.is(runModule(m, 'huge').value, HUGE_FUNCTION_INSTS);
  t.is(runModule(m, 'small').value, 100);
});
