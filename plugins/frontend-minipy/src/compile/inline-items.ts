import { typeId } from '../runtime/library.ts';
import type { FunctionCompiler } from './function-compiler.ts';

// `list[i]` and `list[i] = v` with a small int index in range, in line (issue 16): the
// runtime's @py.getitem does the same tests, but as a call it clobbers every register. Any
// other object, index or an index out of range calls the runtime as before (which raises
// CPython's errors).

type Block = ReturnType<FunctionCompiler['newBlock']>;

/** Jumps to `slow` unless `o` is a list and `i` a small int within it; returns the element
 *  index and the items array, in the block where both are valid. */
function listSlot(fc: FunctionCompiler, o: number, i: number, slow: Block): { items: number; k: number } {
  const b = fc.b;
  const x = b.emit('ref.bits', [i]);
  const one = b.iconst(1);
  const zero = b.iconst(0);
  const ptr = fc.newBlock('item.ptr');
  const typed = fc.newBlock('item.typed');
  const list = fc.newBlock('item.list');
  const hit = fc.newBlock('item.hit');
  fc.branch(b.emit('iand', [x, one]), ptr, slow);
  fc.enter(ptr);
  fc.branch(b.emit('ref.is_ptr', [o]), typed, slow);
  fc.enter(typed);
  fc.branch(b.emit('icmp.eq', [b.emit('ref.type_id', [o]), b.iconst(typeId('list'))]), list, slow);
  fc.enter(list);
  const n = b.emit('isar', [x, one]);
  const len = b.emit('get', [o], { sym: 'list', field: 'len' });
  // A negative index counts from the end; one still out of range fails the unsigned test.
  const k = b.emit('iadd', [n, b.emit('select', [b.emit('icmp.slt', [n, zero]), len, zero])]);
  fc.branch(b.emit('icmp.ult', [k, len]), hit, slow);
  fc.enter(hit);
  return { items: b.emit('get', [o], { sym: 'list', field: 'items' }), k };
}

/** `o[i]` (not a slice). */
export function inlineGetitem(fc: FunctionCompiler, o: number, i: number): number {
  const slow = fc.newBlock('item.slow');
  const join = fc.newBlock('item.done', ['ref']);
  const { items, k } = listSlot(fc, o, i, slow);
  fc.jump(join, [fc.b.emit('aget', [items, k], { sym: 'refs' })]);
  fc.enter(slow);
  fc.jump(join, [fc.call('py.getitem', [o, i])]);
  fc.enter(join);
  return join.params[0]!;
}

/** `o[i] = v` (not a slice). */
export function inlineSetitem(fc: FunctionCompiler, o: number, i: number, v: number): void {
  const slow = fc.newBlock('item.slow');
  const join = fc.newBlock('item.done');
  const { items, k } = listSlot(fc, o, i, slow);
  fc.b.emit('aset', [items, k, v], { sym: 'refs' });
  fc.jump(join);
  fc.enter(slow);
  fc.call('py.setitem', [o, i, v], null);
  fc.jump(join);
  fc.enter(join);
}
