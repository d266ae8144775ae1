import type { Func, Inst } from '../../ir/module.ts';
import { functionPass, type Pass } from '../pass.ts';
import { computeKnownBits, isFullyKnown, type KnownBits } from './support/known-bits.ts';
import { constantInst, jumpInst } from './support/make-inst.ts';
import { Substitution } from './support/substitution.ts';

/**
 * Folds i32 values whose every bit is known though their operands are not constants
 * (support/known-bits.ts), and branches on a value with a bit known to be 1.
 *
 * Why: a dynamically typed frontend tests tags. `(a & b) & 1` asks "are both small ints?";
 * where a is a re-tagged loop counter and b the result of an earlier int fast path, the
 * answer is known and the generic path (float unboxing, boxing, the runtime call) is dead.
 * constfold sees only constants; a tagged int is never one.
 */
export const knownbits: Pass = functionPass(
  'knownbits',
  'replaces i32 values whose bits are all known (tag tests of values known to be tagged) by constants',
  (f) => foldKnownBits(f),
);

function foldKnownBits(f: Func): boolean {
  const facts = computeKnownBits(f);
  if (facts.size === 0) return false;
  const used = usedValues(f);
  const definers = new Map<number, Inst>();
  for (const b of f.blocks) for (const inst of b.insts) if (inst.result >= 0) definers.set(inst.result, inst);
  const subst = new Substitution();
  let changed = false;
  for (const block of f.blocks) {
    const constants = [];
    for (const p of block.params) {
      const k = facts.get(p);
      if (!k || !isFullyKnown(k) || f.typeOf(p) !== 'i32' || !used.has(p)) continue;
      const c = constantInst(f.newValue('i32', 'known'), 'i32', k.ones)!;
      constants.push(c);
      subst.replace(p, c.result);
    }
    for (let i = 0; i < block.insts.length; i++) {
      const inst = block.insts[i]!;
      if (inst.op.name === 'brif') {
        const k = facts.get(inst.args[0]!);
        if (k && k.ones !== 0) {
          block.insts[i] = jumpInst(inst.targets[0]!);
          changed = true;
        }
        continue;
      }
      const unwrapped = inst.op.name === 'ref.bits' ? tagBitsRoundTrip(inst, definers, facts) : undefined;
      if (unwrapped !== undefined) {
        subst.replace(inst.result, unwrapped);
        block.insts.splice(i--, 1);
        changed = true;
        continue;
      }
      if (inst.isTerminator || inst.result < 0 || !inst.op.pure || inst.op.name === 'iconst') continue;
      if (f.typeOf(inst.result) !== 'i32') continue;
      const k = facts.get(inst.result);
      if (!k || !isFullyKnown(k)) continue;
      block.insts[i] = constantInst(inst.result, 'i32', k.ones)!;
      changed = true;
    }
    if (constants.length > 0) {
      block.insts.unshift(...constants);
      changed = true;
    }
  }
  subst.applyTo(f);
  return changed;
}

/**
 * `ref.bits (ref.from_bits %x)` is %x when %x is surely not a pointer (a tag bit is known
 * 1): no collector moves it in between. Unwrapped, the bits are a plain integer rather than
 * pointer bits, which the verifier forbids to live across a safepoint (a select on a folded
 * `ref.is_ptr` may otherwise leave them there).
 */
function tagBitsRoundTrip(inst: Inst, definers: Map<number, Inst>, facts: Map<number, KnownBits>): number | undefined {
  const def = definers.get(inst.args[0]!);
  if (def?.op.name !== 'ref.from_bits') return undefined;
  const x = def.args[0]!;
  return ((facts.get(x)?.ones ?? 0) & 3) !== 0 ? x : undefined;
}

function usedValues(f: Func): Set<number> {
  const used = new Set<number>();
  for (const b of f.blocks)
    for (const inst of b.insts) {
      for (const a of inst.args) used.add(a);
      for (const t of inst.targets) for (const a of t.args) used.add(a);
    }
  return used;
}
