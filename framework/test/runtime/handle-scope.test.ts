import test from 'ava';
import { HandleScope } from '../../src/runtime/handle-scope.ts';

/** Adds 0x100 to every root, as a collector moving each object would. */
const move = (scope: HandleScope): void => scope.visitRoots((ref) => ref + 0x100);

test('a held array stays held when a mark taken after it is released', (t) => {
  const scope = new HandleScope();
  const outer = scope.mark();
  const args = [0x1000, 7];
  scope.holdArray(args, [0]);
  const inner = scope.mark();
  const h = scope.hold(0x2000);
  scope.release(inner);
  move(scope);
  t.is(args[0], 0x1100);
  t.is(args[1], 7);
  t.is(scope.get(h), 0x2000, 'the released handle is no longer a root');
  scope.release(outer);
  move(scope);
  t.is(args[0], 0x1100, 'released with its own mark');
});
