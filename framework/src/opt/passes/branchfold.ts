import { buildCfg, type Cfg } from '../../ir/cfg.ts';
import { computeDominators } from '../../ir/dominators.ts';
import type { Block, Func, Inst } from '../../ir/module.ts';
import { functionPass, type Pass } from '../pass.ts';
import { walkDominatorTree } from './support/dom-walk.ts';
import { constantInst } from './support/make-inst.ts';

/**
 * Branch folding on facts known on a path: a block entered only from one edge of a
 * `brif %c` knows %c (0 on the second edge; 1 on the first when %c is a truth value, such
 * as a compare or a tag bit: any other non-zero %c stays unknown), and a block entered only from
 * one case of a `switch %v` knows %v. So does everything it dominates. Uses of such a value
 * there are replaced by a constant (defined at the top of the block that learned it), and
 * constfold then folds the repeated test: a tag test dominated by the same test (GVN has
 * made them one value) costs nothing the second time. `icmp.eq %x, K` known true (or
 * `icmp.ne` known false) also teaches %x = K.
 */
export const branchfold: Pass = functionPass(
  'branchfold',
  'replaces a tested value by the constant it must be on the paths where a dominating branch decided it',
  (f) => foldFunction(f),
);

interface Fact {
  value: number;
  known: number;
}

function foldFunction(f: Func): boolean {
  if (f.blocks.length < 2) return false;
  const cfg = buildCfg(f);
  const dom = computeDominators(cfg);
  const definers = new Map<number, Inst>();
  const intConsts = new Map<number, number>();
  for (const b of f.blocks)
    for (const inst of b.insts) {
      if (inst.result >= 0) definers.set(inst.result, inst);
      if (inst.op.name === 'iconst') intConsts.set(inst.result, inst.imm);
    }
  /** Value → the constant that replaces it in the current subtree. */
  const known = new Map<number, Inst>();
  const placed: { block: Block; inst: Inst }[] = [];
  const used = new Set<Inst>();
  const undo: number[][] = [];
  let changed = false;

  walkDominatorTree(
    dom,
    (bi) => {
      const block = cfg.blocks[bi]!;
      const learned: number[] = [];
      undo.push(learned);
      const consts: Inst[] = [];
      for (const fact of factsOnEntry(cfg, bi, definers, intConsts)) {
        if (known.has(fact.value) || f.typeOf(fact.value) !== 'i32') continue;
        const k = constantInst(f.newValue('i32', 'known'), 'i32', fact.known)!;
        consts.push(k);
        known.set(fact.value, k);
        placed.push({ block, inst: k });
        learned.push(fact.value);
      }
      if (known.size > 0)
        for (const inst of block.insts) {
          if (replaceKnown(inst.args, known, used)) changed = true;
          for (const t of inst.targets) if (replaceKnown(t.args, known, used)) changed = true;
        }
      if (consts.length > 0) block.insts.unshift(...consts);
    },
    () => {
      for (const v of undo.pop()!) known.delete(v);
    },
  );
  // A fact nothing used leaves no constant behind (else every round would add one).
  for (const { block, inst } of placed) if (!used.has(inst)) block.insts.splice(block.insts.indexOf(inst), 1);
  return changed;
}

function replaceKnown(list: number[], known: Map<number, Inst>, used: Set<Inst>): boolean {
  let changed = false;
  for (let i = 0; i < list.length; i++) {
    const k = known.get(list[i]!);
    if (k !== undefined) {
      list[i] = k.result;
      used.add(k);
      changed = true;
    }
  }
  return changed;
}

/** What a block learns from the one edge it is entered by, if it has just one. */
function factsOnEntry(cfg: Cfg, bi: number, definers: Map<number, Inst>, intConsts: Map<number, number>): Fact[] {
  const preds = cfg.preds[bi]!;
  if (preds.length !== 1) return [];
  const block = cfg.blocks[bi]!;
  const branch = cfg.blocks[preds[0]!]!.terminator;
  if (!branch) return [];
  const edges = branch.targets.filter((t) => t.block === block).length;
  if (edges !== 1) return [];
  if (branch.op.name === 'brif') {
    const c = branch.args[0]!;
    const value = branch.targets[0]!.block === block ? 1 : 0;
    // The taken edge says only that %c is not 0; it is 1 when %c is a truth value.
    const facts = value === 0 || isTruthValue(definers.get(c), intConsts) ? [{ value: c, known: value }] : [];
    return [...facts, ...implied(c, value, definers, intConsts)];
  }
  if (branch.op.name === 'switch') {
    const at = branch.targets.findIndex((t: { block: Block }) => t.block === block);
    if (at <= 0) return [];
    return [{ value: branch.args[0]!, known: branch.cases[at - 1]! | 0 }];
  }
  return [];
}

/** Whether `def` computes 0 or 1: a compare, `ref.is_ptr`, or a mask with 1. */
function isTruthValue(def: Inst | undefined, intConsts: Map<number, number>): boolean {
  if (!def) return false;
  if (def.op.category === 'compare' || def.op.name === 'ref.is_ptr') return true;
  return def.op.name === 'iand' && def.args.some((a) => intConsts.get(a) === 1);
}

/** `icmp.eq %x, K` true (or `icmp.ne %x, K` false) means %x = K. */
function implied(c: number, value: number, definers: Map<number, Inst>, intConsts: Map<number, number>): Fact[] {
  const def = definers.get(c);
  if (!def) return [];
  const equal = (def.op.name === 'icmp.eq' && value === 1) || (def.op.name === 'icmp.ne' && value === 0);
  if (!equal) return [];
  const [a, b] = def.args as [number, number];
  const kb = intConsts.get(b);
  if (kb !== undefined && !intConsts.has(a)) return [{ value: a, known: kb }];
  const ka = intConsts.get(a);
  if (ka !== undefined && !intConsts.has(b)) return [{ value: b, known: ka }];
  return [];
}
