import type { Block, Func, Inst } from '../../ir/module.ts';
import { Inst as Instruction } from '../../ir/module.ts';
import { functionPass, type Pass } from '../pass.ts';

/**
 * Gives each branch its own copy of a condition computed in another block: an integer
 * compare, a tag test or a mask test (`icmp.*`, `ref.is_ptr`, `iand` with a constant). GVN makes equal tests one value so that
 * branchfold can decide a dominated one; where the tests survive, the one value must be
 * kept as a truth value in a register across the blocks between, which costs more than
 * testing again (on ARM, `tst r, #3; bne` against a five-instruction `moveq/movne/cmp/moveq/mov` to make the
 * truth value, then a `cmp` to test it). The copy sits right before the branch, where
 * instruction selection fuses it into the branch; the original goes when nothing else
 * uses it. Runs once, after the repeated passes (GVN would merge the copies again).
 *
 * A pointer's bits (`ref.bits`) under the condition are taken again from the ref: the copy
 * must not keep them live up to the branch, across whatever may collect in between. A
 * condition over an address computed from them (a sum) is left alone.
 */
export const sinkconditions: Pass = functionPass(
  'sinkconditions',
  'copies a compare or tag test computed in another block to the branch that tests it',
  (f) => sinkFunction(f),
);

/** A compare, a tag test, or a mask test (`iand` with a constant: ARM's `tst`). */
function isCondition(inst: Inst, definedIn: ReadonlyMap<number, { inst: Inst }>): boolean {
  const name = inst.op.name;
  if (name === 'iand') return inst.args.some((a) => definedIn.get(a)?.inst.op.name === 'iconst');
  return name.startsWith('icmp.') || name === 'ref.is_ptr';
}

function sinkFunction(f: Func): boolean {
  const definedIn = new Map<number, { inst: Inst; block: Block }>();
  for (const b of f.blocks)
    for (const inst of b.insts) if (inst.result >= 0) definedIn.set(inst.result, { inst, block: b });
  const addresses = addressValues(definedIn);
  let changed = false;
  for (const b of f.blocks) {
    const branch = b.terminator;
    if (!branch || branch.op.name !== 'brif') continue;
    const condition = branch.args[0]!;
    const def = definedIn.get(condition);
    if (!def || def.block === b || !isCondition(def.inst, definedIn)) continue;
    // A pointer's bits are taken again from the ref, which may live across a collection.
    const bitsOf = (a: number): Inst | undefined => {
      const d = definedIn.get(a)?.inst;
      return d?.op.name === 'ref.bits' ? d : undefined;
    };
    if (def.inst.args.some((a) => addresses.has(a) && !bitsOf(a))) continue;
    const copies: Inst[] = [];
    const copyOf = (inst: Inst, args: number[]): Inst => {
      const copy = new Instruction(inst.op);
      copy.args = args;
      copy.imm = inst.imm;
      copy.result = f.newValue(f.typeOf(inst.result));
      copies.push(copy);
      return copy;
    };
    const args = def.inst.args.map((a) => {
      const bits = bitsOf(a);
      return bits ? copyOf(bits, [...bits.args]).result : a;
    });
    const test = copyOf(def.inst, args);
    b.insts.splice(b.insts.length - 1, 0, ...copies);
    branch.args[0] = test.result;
    changed = true;
  }
  return changed;
}

/** Values that are addresses: `ref.bits` results and sums and differences with one. */
function addressValues(definedIn: Map<number, { inst: Inst; block: Block }>): Set<number> {
  const addresses = new Set<number>();
  for (let grew = true; grew; ) {
    grew = false;
    for (const [v, { inst }] of definedIn) {
      if (addresses.has(v)) continue;
      const name = inst.op.name;
      const isAddress =
        name === 'ref.bits' || ((name === 'iadd' || name === 'isub') && inst.args.some((a) => addresses.has(a)));
      if (isAddress) {
        addresses.add(v);
        grew = true;
      }
    }
  }
  return addresses;
}
