import {
  ElementStoreFacts,
  LoweringWriter,
  lowerRefElementAddress,
  MEMORY_ERROR_GLOBAL,
  OBJECT_ALIGN,
  TYPE_ID_SHIFT,
  TypeTable,
  type Func,
  type GlobalAddressOf,
  type Inst,
  type Module,
  type Signature,
  type TypeLayout,
} from '#framework';
import { CARD_SHIFT } from './card-table.ts';
import { CARD_BIAS_WORD, FREE_WORD, LIMIT_WORD, MAX_INLINE_BYTES, NURSERY_BASE_WORD } from './nursery-words.ts';

export const ALLOC = 'generational.alloc';
export const ALLOC_ARRAY = 'generational.alloc_array';
const ALLOC_SIG: Signature = { params: ['i32'], result: 'ref' };
const ALLOC_ARRAY_SIG: Signature = { params: ['i32', 'i32'], result: 'ref' };

/**
 * The generational collector's lowering:
 *   %r = new :T / new_array :T, %n  →  bump FREE in line when the object fits under LIMIT
 *       (the nursery is zeroed ahead, so only the header and an array's length are written),
 *       else call the heap's allocator
 *   set :T.f, %o, %v (ref) / aset  →  the store, then the filtering barrier: when the holder
 *       is old (below NURSERY_BASE) and the value may be young (at or above it), a cold
 *       block marks the holder's card (a byte store, no call; static holders have cards
 *       too, which no collection reads). Elided for a holder allocated in the same block with no
 *       instruction that may collect in between: it is still young.
 *   gset @g, %v (ref)              →  a raw store: globals are roots at every collection
 */
export function lowerForGenerational(module: Module, globalAddress: GlobalAddressOf, funcs?: readonly Func[]): void {
  if (module.lowered && !funcs) return;
  const types = TypeTable.forModule(module);
  const used = { alloc: false, allocArray: false };
  for (const func of funcs ?? module.funcs) new FuncLowering(module, func, types, globalAddress, used).run();
  const raises = module.global(MEMORY_ERROR_GLOBAL) !== undefined;
  if (used.alloc) declare(module, ALLOC, ALLOC_SIG, true, raises);
  if (used.allocArray) declare(module, ALLOC_ARRAY, ALLOC_ARRAY_SIG, true, raises);
  module.lowered = true;
}

/**
 * The instructions a pending barrier waits across, to be shared with the next ref stores
 * into the same holder: the stores themselves and what fills an object field by field.
 * Anything else emits it first; in particular a compare, whose branch would otherwise lose
 * its fused compare-and-branch to the barrier's branches in between, every instruction
 * that may collect, and the block's terminator.
 */
const COALESCES_BARRIERS = new Set(['set', 'aset', 'iconst', 'get', 'aget']);

class FuncLowering {
  private readonly out: LoweringWriter;
  private readonly facts: ElementStoreFacts;
  private readonly constants: ReadonlyMap<number, number>;
  /** Objects allocated in the current block since its last instruction that may collect:
   *  still young, or large, placed in the old generation with their card already marked
   *  (GenerationalHeap.place), so a store into one needs no barrier either way. */
  private readonly fresh = new Set<number>();
  /** Where each value of the function is defined, to tell stored values that are no
   *  young object (see notYoung). */
  private readonly defs = new Map<number, Inst>();
  /** Ref stores since the last instruction that may collect whose barrier is still to be
   *  emitted, by holder: its bits and the values stored into it. */
  private readonly pending = new Map<number, { bits: number; values: number[] }>();

  constructor(
    private readonly module: Module,
    private readonly func: Func,
    private readonly types: TypeTable,
    private readonly globalAddress: GlobalAddressOf,
    private readonly used: { alloc: boolean; allocArray: boolean },
  ) {
    this.out = new LoweringWriter(func);
    this.facts = new ElementStoreFacts(func);
    this.constants = this.facts.constants;
    for (const block of func.blocks)
      for (const inst of block.insts) if (inst.result >= 0) this.defs.set(inst.result, inst);
  }

  /**
   * Whether a stored ref is certainly no young object, from its definition: a ref made of
   * a constant (null, an atom, a static object's address) or of bits or-ed with a tag
   * (a tagged integer: its low bits say it is no pointer), or a static object (gaddr).
   */
  private notYoung(value: number): boolean {
    const def = this.defs.get(value);
    if (def?.op.name === 'gaddr') return true;
    if (def?.op.name !== 'ref.from_bits') return false;
    const bits = def.args[0]!;
    if (this.constants.has(bits)) return true;
    const tagged = this.defs.get(bits);
    if (tagged?.op.name !== 'ior') return false;
    return tagged.args.some((a) => ((this.constants.get(a) ?? 0) & 3) !== 0);
  }

  run(): void {
    const out = this.out;
    for (const block of [...this.func.blocks]) {
      out.begin(block);
      this.fresh.clear();
      for (const inst of block.insts) {
        if (!COALESCES_BARRIERS.has(inst.op.name)) this.flushBarriers();
        if (!this.rewrite(inst)) out.keep(inst);
        if (this.mayCollect(inst)) this.fresh.clear();
        if (inst.op.name === 'new' || inst.op.name === 'new_array') this.fresh.add(inst.result);
      }
    }
    out.finish();
  }

  private rewrite(inst: Inst): boolean {
    const out = this.out;
    switch (inst.op.name) {
      case 'new': {
        const type = this.types.get(inst.sym);
        this.used.alloc = true;
        if (type.size > MAX_INLINE_BYTES) {
          out.callInto(inst.result, ALLOC, [out.iconst(type.id, 'gc.type_id')]);
          return true;
        }
        this.bump(inst.result, out.iconst(type.size, 'gc.size'), type.id << TYPE_ID_SHIFT, null, () => [
          out.iconst(type.id, 'gc.type_id'),
        ]);
        return true;
      }
      case 'new_array': {
        const type = this.types.get(inst.sym);
        const length = inst.args[0]!;
        this.used.allocArray = true;
        const slowArgs = (): number[] => [out.iconst(type.id, 'gc.type_id'), length];
        const known = this.constants.get(length);
        if (known !== undefined) {
          if (known < 0 || TypeTable.arrayBytes(type, known) > MAX_INLINE_BYTES) {
            out.callInto(inst.result, ALLOC_ARRAY, slowArgs());
            return true;
          }
          const size = out.iconst(TypeTable.arrayBytes(type, known), 'gc.size');
          this.bump(inst.result, size, type.id << TYPE_ID_SHIFT, length, slowArgs);
          return true;
        }
        this.bumpArray(inst.result, type, length, slowArgs);
        return true;
      }
      case 'set': {
        const field = this.types.field(inst.sym, inst.field);
        if (field.kind !== 'ref') return false;
        const [object, value] = inst.args as [number, number];
        const bits = out.emit('ref.bits', [object], 'i32', 'gc.obj');
        out.store('ref', bits, field.offset, value);
        this.deferBarrier(object, bits, value);
        return true;
      }
      case 'aset': {
        const type = this.types.get(inst.sym);
        if (type.elem !== 'ref') return false;
        const [array, index, value] = inst.args as [number, number, number];
        const at = lowerRefElementAddress(out, this.facts, inst.sym, type.elemOffset, array, index);
        out.store('ref', at.address, at.offset, value);
        this.deferBarrier(array, at.arrayBits, value);
        return true;
      }
      case 'gset':
        if (this.module.global(inst.sym)?.type !== 'ref') return false;
        out.store('ref', out.iconst(this.globalAddress(inst.sym), 'gc.global'), 0, inst.args[0]!);
        return true;
      default:
        return false;
    }
  }

  /**
   *     %free = load FREE; %end = iadd %free, %size; %limit = load LIMIT
   *     brif (icmp.ugt %end, %limit), ^slow, ^fast
   *   ^fast: store FREE, %end; store header (and length); br ^join(ref.from_bits %free)
   *   ^slow: (cold) %r = call <allocator>; br ^join(%r)
   *   ^join(%result: ref): the instructions after the allocation
   */
  private bump(result: number, size: number, header: number, length: number | null, slowArgs: () => number[]): void {
    const out = this.out;
    const fast = out.newBlock('alloc.fast');
    const slow = out.newBlock('alloc.slow', [], true);
    const join = out.newBlock('alloc.join', [result]);
    const freeWord = out.iconst(FREE_WORD, 'gc.free_word');
    const free = out.load(freeWord, 0, 'gc.free');
    const end = out.emit('iadd', [free, size], 'i32', 'gc.end');
    const limit = out.load(out.iconst(LIMIT_WORD, 'gc.limit_word'), 0, 'gc.limit');
    out.brif(out.emit('icmp.ugt', [end, limit], 'i32', 'gc.full'), slow, fast);
    out.continueIn(fast);
    out.store('i32', freeWord, 0, end);
    out.store('i32', free, 0, out.iconst(header, 'gc.header'));
    if (length !== null) out.store('i32', free, 4, length);
    out.br(join, [out.emit('ref.from_bits', [free], 'ref', 'gc.new')]);
    out.continueIn(slow);
    const called = out.newValue('ref', 'gc.slow');
    out.callInto(called, length === null ? ALLOC : ALLOC_ARRAY, slowArgs());
    out.br(join, [called]);
    out.continueIn(join);
  }

  /** An array of run-time length: in line when 0 <= length <= the inline maximum. */
  private bumpArray(result: number, type: TypeLayout, length: number, slowArgs: () => number[]): void {
    const out = this.out;
    const maxLength = Math.floor((MAX_INLINE_BYTES - type.elemOffset) / type.elemSize);
    const sized = out.newBlock('alloc.sized');
    const slow = out.newBlock('alloc.big', [], true);
    const join = out.newBlock('alloc.big_join', [result]);
    out.brif(out.emit('icmp.ule', [length, out.iconst(maxLength, 'gc.max')], 'i32', 'gc.fits'), sized, slow);
    out.continueIn(slow);
    const called = out.newValue('ref', 'gc.slow');
    out.callInto(called, ALLOC_ARRAY, slowArgs());
    out.br(join, [called]);
    out.continueIn(sized);
    const bytes = out.emit('imul', [length, out.iconst(type.elemSize, 'gc.elem_size')], 'i32', 'gc.bytes');
    const unrounded = out.emit(
      'iadd',
      [bytes, out.iconst(type.elemOffset + OBJECT_ALIGN - 1, 'gc.pad')],
      'i32',
      'gc.raw',
    );
    const size = out.emit('iand', [unrounded, out.iconst(-OBJECT_ALIGN, 'gc.align')], 'i32', 'gc.size');
    const inner = out.newValue('ref', 'gc.arr');
    this.bump(inner, size, type.id << TYPE_ID_SHIFT, length, slowArgs);
    out.br(join, [inner]);
    out.continueIn(join);
  }

  /** Records a ref store's barrier: stores into one holder share one barrier, emitted
   *  before the next instruction not in COALESCES_BARRIERS (no collection can see the
   *  card in between, and traps end the run). */
  private deferBarrier(holder: number, holderBits: number, value: number): void {
    if (this.fresh.has(holder) || this.notYoung(value)) return;
    const entry = this.pending.get(holder);
    if (entry) entry.values.push(value);
    else this.pending.set(holder, { bits: holderBits, values: [value] });
  }

  private flushBarriers(): void {
    for (const { bits, values } of this.pending.values()) this.barrier(bits, values);
    this.pending.clear();
  }

  /**
   * The barrier of the ref stores into one holder: when it is old and one of the values
   * may be young, mark its card. The marking blocks are cold and hold no call, so values
   * stay in their registers across the barrier (a call there, even cold, made the register
   * allocator shuffle registers on hot paths).
   *     %nursery = load NURSERY_BASE; brif (icmp.ult %holder, %nursery), ^value, ^done
   *   ^value: brif (icmp.uge %value, %nursery), ^card, ^value.1   (one test per value)
   *   ^card (cold): store.i8 (load CARD_BIAS) + (%holder >>> CARD_SHIFT), 1; br ^done
   */
  private barrier(holderBits: number, values: readonly number[]): void {
    const out = this.out;
    const checks = values.map(() => out.newBlock('barrier.value'));
    const card = out.newBlock('barrier.card', [], true);
    const done = out.newBlock('barrier.done');
    const nurseryBase = out.load(out.iconst(NURSERY_BASE_WORD, 'gc.nursery_word'), 0, 'gc.nursery');
    out.brif(out.emit('icmp.ult', [holderBits, nurseryBase], 'i32', 'gc.old'), checks[0]!, done);
    values.forEach((value, i) => {
      out.continueIn(checks[i]!);
      const valueBits = out.emit('ref.bits', [value], 'i32', 'gc.val');
      const young = out.emit('icmp.uge', [valueBits, nurseryBase], 'i32', 'gc.young');
      out.brif(young, card, checks[i + 1] ?? done);
    });
    out.continueIn(card);
    const bias = out.load(out.iconst(CARD_BIAS_WORD, 'gc.cards_word'), 0, 'gc.cards');
    const index = out.emit('ishr', [holderBits, out.iconst(CARD_SHIFT, 'gc.card_shift')], 'i32', 'gc.card');
    const slot = out.emit('iadd', [bias, index], 'i32', 'gc.card_at');
    out.store('i8', slot, 0, out.iconst(1, 'gc.dirty'));
    out.br(done, []);
    out.continueIn(done);
  }

  private mayCollect(inst: Inst): boolean {
    if (!inst.op.collects) return false;
    const ext = inst.op.name === 'call' ? this.module.extern(inst.sym) : undefined;
    return ext ? ext.collects : true;
  }
}

function declare(module: Module, name: string, sig: Signature, collects: boolean, raises: boolean): void {
  if (module.extern(name)) return;
  module.externs.push({ name, sig, collects, raises });
}
