import { buildCfg } from '../../ir/cfg.ts';
import { computeDominators } from '../../ir/dominators.ts';
import type { Func, Inst } from '../../ir/module.ts';
import { functionPass, type Pass } from '../pass.ts';
import { walkDominatorTree } from './support/dom-walk.ts';
import { Substitution } from './support/substitution.ts';

/**
 * Global value numbering over the dominator tree (a scoped hash table): an instruction
 * computing what a dominating one computed is replaced by that one's result. Covers pure
 * ops (constants, arithmetic, compares, tag tests, selects) and reads of what never
 * changes once an object exists: `alen` and `ref.type_id` (the dominating read already
 * trapped if the ref was null), and integer divisions (`sdiv` … `urem`: a dominating twin with
 * the same operands trapped already or did not). Memory reads (`get`, `aget`, `gget`) are numbered within
 * a block only, forgotten at a store that may reach them or at a call.
 *
 * `ref.bits` (and `ref.from_bits`) get numbers but are never replaced: a pointer's bits
 * may not live across an instruction that may collect (a moving collector would leave them
 * stale), so each stays where it was taken; what is computed from them (a tag) is an
 * integer and is shared.
 */
export const gvn: Pass = functionPass(
  'gvn',
  'replaces pure computations, array lengths, type ids and repeated in-block loads by dominating equal ones',
  (f) => numberFunction(f),
);

const COMMUTATIVE = new Set(['iadd', 'imul', 'iand', 'ior', 'ixor', 'icmp.eq', 'icmp.ne']);
/** Not pure (they may trap), but a dominating twin with the same operands decided: it trapped or gave the result. */
const DECIDED_BY_TWIN = new Set(['alen', 'ref.type_id', 'sdiv', 'srem', 'udiv', 'urem']);
const UNSHARED = new Set(['ref.bits', 'ref.from_bits']);
/** Address arithmetic on a pointer's bits is a pointer too (see derived-pointers.ts). */
const KEEPS_ADDRESS = new Set(['iadd', 'isub']);

function numberFunction(f: Func): boolean {
  if (f.blocks.length === 0) return false;
  const cfg = buildCfg(f);
  const dom = computeDominators(cfg);
  const subst = new Substitution();
  /** Value → its number's representative (for keys only; may differ from what uses see). */
  const number = new Map<number, number>();
  const vn = (v: number): number => number.get(subst.resolve(v)) ?? subst.resolve(v);
  const derived = new Set<number>();
  const table = new Map<string, number>();
  const scopes: string[][] = [];
  const redundant = new Set<Inst>();
  let changed = false;

  walkDominatorTree(
    dom,
    (bi) => {
      const added: string[] = [];
      scopes.push(added);
      const loads = new Map<string, number>();
      for (const inst of cfg.blocks[bi]!.insts) {
        forgetClobberedLoads(inst, loads);
        if (inst.result < 0 || inst.isTerminator) continue;
        const memory = isLoad(inst);
        if (!memory && !inst.op.pure && !DECIDED_BY_TWIN.has(inst.op.name)) continue;
        const key = keyOf(inst, vn);
        const scope = memory ? loads : table;
        const leader = scope.get(key);
        if (UNSHARED.has(inst.op.name) || isDerived(inst, derived, vn)) {
          derived.add(inst.result);
          if (leader === undefined) {
            scope.set(key, inst.result);
            if (!memory) added.push(key);
          } else number.set(inst.result, leader);
          continue;
        }
        if (leader !== undefined) {
          // Removed here: DCE keeps `alen`, `get` and the like (they may trap), and this one
          // cannot, its dominating twin having run.
          subst.replace(inst.result, leader);
          redundant.add(inst);
          changed = true;
        } else {
          scope.set(key, inst.result);
          if (!memory) added.push(key);
        }
      }
    },
    () => {
      for (const key of scopes.pop()!) table.delete(key);
    },
  );
  if (!changed) return false;
  for (const b of f.blocks)
    if (b.insts.some((i) => redundant.has(i))) b.insts = b.insts.filter((i) => !redundant.has(i));
  subst.applyTo(f);
  return true;
}

function isDerived(inst: Inst, derived: Set<number>, vn: (v: number) => number): boolean {
  return KEEPS_ADDRESS.has(inst.op.name) && inst.args.some((a) => derived.has(a) || derived.has(vn(a)));
}

function isLoad(inst: Inst): boolean {
  const n = inst.op.name;
  return n === 'get' || n === 'aget' || n === 'gget';
}

/** Drops the remembered loads `inst` may change. */
function forgetClobberedLoads(inst: Inst, loads: Map<string, number>): void {
  if (loads.size === 0) return;
  const n = inst.op.name;
  if (n === 'set') forgetPrefix(loads, `get ${inst.sym}.${inst.field} `);
  else if (n === 'aset') forgetPrefix(loads, `aget ${inst.sym} `);
  else if (n === 'gset') forgetPrefix(loads, `gget ${inst.sym} `);
  else if (inst.op.category === 'call' || inst.op.category === 'raw') loads.clear();
}

function forgetPrefix(loads: Map<string, number>, prefix: string): void {
  for (const key of [...loads.keys()]) if (key.startsWith(prefix)) loads.delete(key);
}

function keyOf(inst: Inst, vn: (v: number) => number): string {
  const args = inst.args.map(vn);
  if (COMMUTATIVE.has(inst.op.name) && args[0]! > args[1]!) args.reverse();
  const imm = Object.is(inst.imm, -0) ? '-0' : String(inst.imm);
  const place = inst.op.name === 'get' ? `${inst.sym}.${inst.field}` : inst.sym;
  return `${inst.op.name} ${place} ${imm} ${args.join(',')}`;
}
