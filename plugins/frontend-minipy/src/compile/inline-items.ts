import { typeId } from '../runtime/library.ts';
import type { Expr } from '../syntax/ast.ts';
import type { FunctionCompiler } from './function-compiler.ts';

// `list[i]` and `list[i] = v` with a small int index in range, in line (issue 16): the
// runtime's @py.getitem does the same tests, but as a call it clobbers every register. Any
// other object, index or an index out of range calls the runtime as before (which raises
// CPython's errors).

type Block = ReturnType<FunctionCompiler['newBlock']>;

/** Jumps to `slow` unless `o` is a list and `i` a small int within it; returns the element
 *  index and the items array, in the block where both are valid. `fromStart`: the index is
 *  a literal, not negative. */
function listSlot(
  fc: FunctionCompiler,
  o: number,
  i: number,
  fromStart: boolean,
  slow: Block,
): { items: number; k: number } {
  const b = fc.b;
  const x = b.emit('ref.bits', [i]);
  const one = b.iconst(1);
  const ptr = fc.newBlock('item.ptr');
  const typed = fc.newBlock('item.typed');
  const list = fc.newBlock('item.list');
  fc.branch(b.emit('iand', [x, one]), ptr, slow);
  fc.enter(ptr);
  fc.branch(b.emit('ref.is_ptr', [o]), typed, slow);
  fc.enter(typed);
  fc.branch(b.emit('icmp.eq', [b.emit('ref.type_id', [o]), b.iconst(typeId('list'))]), list, slow);
  fc.enter(list);
  const n = b.emit('isar', [x, one]);
  const len = b.emit('get', [o], { sym: 'list', field: 'len' });
  let k = n;
  if (fromStart) {
    const hit = fc.newBlock('item.hit');
    fc.branch(b.emit('icmp.ult', [n, len]), hit, slow);
    fc.enter(hit);
  } else {
    // An index in range passes the unsigned test at once. A negative one counts from the
    // end: n + len, in range only then (a positive n past the end stays past it, and small
    // ints and lengths are far from overflowing).
    const fromEnd = fc.newBlock('item.from_end');
    const hit = fc.newBlock('item.hit', ['i32']);
    fc.branch(b.emit('icmp.ult', [n, len]), hit, fromEnd, [n]);
    fc.enter(fromEnd);
    const back = b.emit('iadd', [n, len]);
    fc.branch(b.emit('icmp.ult', [back, len]), hit, slow, [back]);
    fc.enter(hit);
    k = hit.params[0]!;
  }
  return { items: b.emit('get', [o], { sym: 'list', field: 'items' }), k };
}

/** Whether the index expression is a literal that is not negative: no count from the end. */
export function literalFromStart(index: Expr): boolean {
  return index.kind === 'int' && index.value >= 0n;
}

/** `o[i]` (not a slice). */
export function inlineGetitem(fc: FunctionCompiler, o: number, i: number, fromStart = false): number {
  const slow = fc.newBlock('item.slow');
  const join = fc.newBlock('item.done', ['ref']);
  const { items, k } = listSlot(fc, o, i, fromStart, slow);
  fc.jump(join, [fc.b.emit('aget', [items, k], { sym: 'refs' })]);
  fc.enter(slow);
  fc.jump(join, [fc.call('py.getitem', [o, i])]);
  fc.enter(join);
  return join.params[0]!;
}

/** `o[i] = v` (not a slice). */
export function inlineSetitem(fc: FunctionCompiler, o: number, i: number, v: number, fromStart = false): void {
  const slow = fc.newBlock('item.slow');
  const join = fc.newBlock('item.done');
  const { items, k } = listSlot(fc, o, i, fromStart, slow);
  fc.b.emit('aset', [items, k, v], { sym: 'refs' });
  fc.jump(join);
  fc.enter(slow);
  fc.call('py.setitem', [o, i, v], null);
  fc.jump(join);
  fc.enter(join);
}
