import { TYPE_ID_SHIFT, TypeTable, type TypeLayout } from '#framework';
import { chainHeadAddress, headByGranulesAddress } from './free-list-words.ts';
import type { LoweringWriter } from '#framework';
import { FREE_LINK_OFFSET } from './small-space.ts';
import { GRANULE_SHIFT, MAX_SMALL_BYTES, sizeClassOf } from './size-classes.ts';

/** What the slow path calls: the host allocator, which also refills the chain. Its
 *  arguments are emitted in the slow block, so the fast path does not compute them. */
export interface SlowPath {
  callee: string;
  args: (out: LoweringWriter) => number[];
}

/**
 * Allocation in guest code: pop a cell off the size class's free chain, whose cells the
 * heap zeroed except for the link word; the link word becomes 0 (struct) or the length
 * (array) and the header is written last. An empty chain (0) takes the slow path, a host
 * call that allocates, may collect, and refills the chain.
 *
 *     %head = iconst <chain head word>          (or a table load for run-time lengths)
 *     %cell = load.i32 %head, 0
 *     brif %cell, ^fast, ^slow
 *   ^fast:
 *     %next = load.i32 %cell, 4 ; store.i32 %head, 0, %next
 *     store.i32 %cell, 4, <0 or length> ; store.i32 %cell, 0, <header>
 *     br ^join(ref.from_bits %cell)
 *   ^slow:                                     (placed at the end of the function)
 *     %r = call <slow path> ; br ^join(%r)
 *   ^join(%result: ref):                       the instructions after the allocation
 */
export function emitInlineAlloc(
  out: LoweringWriter,
  result: number,
  type: TypeLayout,
  slow: SlowPath,
  length: LengthOperand | null,
): void {
  const fast = out.newBlock('alloc.fast');
  const slowBlock = out.newBlock('alloc.slow', [], true);
  const join = out.newBlock('alloc.join', [result]);
  let head: number;
  if (length === null || length.constant !== undefined) {
    head = out.iconst(chainHeadAddress(sizeClassOf(objectBytes(type, length?.constant ?? 0))), 'alloc.head');
  } else {
    const sized = out.newBlock('alloc.sized');
    out.brif(
      out.emit('icmp.ule', [length.value, out.iconst(maxInlineLength(type), 'alloc.max')], 'i32', 'alloc.fits'),
      sized,
      slowBlock,
    );
    out.continueIn(sized);
    head = loadHeadForLength(out, type, length.value);
  }
  const cell = out.load(head, 0, 'alloc.cell');
  out.brif(cell, fast, slowBlock);

  out.continueIn(fast);
  out.store('i32', head, 0, out.load(cell, FREE_LINK_OFFSET, 'alloc.next'));
  const secondWord = length === null ? out.iconst(0, 'alloc.zero') : length.value;
  out.store('i32', cell, FREE_LINK_OFFSET, secondWord);
  out.store('i32', cell, 0, out.iconst(type.id << TYPE_ID_SHIFT, 'alloc.header'));
  out.br(join, [out.emit('ref.from_bits', [cell], 'ref', 'alloc.ref')]);

  out.continueIn(slowBlock);
  const slowResult = out.newValue('ref', 'alloc.slow');
  out.callInto(slowResult, slow.callee, slow.args(out));
  out.br(join, [slowResult]);

  out.continueIn(join);
}

export interface LengthOperand {
  value: number;
  /** The length when the operand is an `iconst`. */
  constant?: number;
}

/** True when compiled code can take an object of this type (and constant length) off a chain. */
export function canInline(type: TypeLayout, length: LengthOperand | null): boolean {
  if (length === null) return type.size <= MAX_SMALL_BYTES;
  if (length.constant === undefined) return maxInlineLength(type) >= 0;
  return length.constant >= 0 && length.constant <= maxInlineLength(type);
}

function objectBytes(type: TypeLayout, length: number): number {
  return type.kind === 'struct' ? type.size : TypeTable.arrayBytes(type, length);
}

/** The longest array of this type that is a small object. */
function maxInlineLength(type: TypeLayout): number {
  return Math.floor((MAX_SMALL_BYTES - type.elemOffset) / type.elemSize);
}

/** head = table[granules(elemOffset + length·elemSize)], with 4·granules = ((bytes + 7) >> 1) & ~3. */
function loadHeadForLength(out: LoweringWriter, type: TypeLayout, length: number): number {
  const shift = Math.log2(type.elemSize);
  const scaled =
    shift === 0 ? length : out.emit('ishl', [length, out.iconst(shift, 'alloc.shift')], 'i32', 'alloc.scaled');
  const rounded = out.emit(
    'iadd',
    [scaled, out.iconst(type.elemOffset + (1 << GRANULE_SHIFT) - 1, 'alloc.round')],
    'i32',
    'alloc.bytes',
  );
  const halved = out.emit('ishr', [rounded, out.iconst(GRANULE_SHIFT - 2, 'alloc.to_words')], 'i32', 'alloc.half');
  const offset = out.emit('iand', [halved, out.iconst(~3, 'alloc.align')], 'i32', 'alloc.entry');
  const entry = out.emit('iadd', [offset, out.iconst(headByGranulesAddress(), 'alloc.table')], 'i32', 'alloc.at');
  return out.load(entry, 0, 'alloc.head');
}
