import { buildCfg, type Cfg } from '../../ir/cfg.ts';
import { computeDominators } from '../../ir/dominators.ts';
import { Block, Inst, type Func } from '../../ir/module.ts';
import { opcode } from '../../ir/opcodes.ts';
import { functionPass, type Pass } from '../pass.ts';
import { BlockNamer } from './support/block-names.ts';
import { isUnwindEdge } from './support/edges.ts';
import { naturalLoops, type Loop } from './support/loops.ts';

/**
 * Loop-invariant code motion: a pure instruction in a loop whose operands are all defined
 * outside it (or are constants, or are hoisted themselves) moves to the loop's preheader,
 * which is made when the header has several ways in from outside. Pure instructions cannot
 * trap, so running one on a path that would have skipped it is harmless. Constants stay
 * in the loop (backends rematerialize them); a hoisted instruction gets its own copy.
 * Inner loops go first, so an instruction invariant in two nested loops moves out of both
 * over the pipeline's rounds. Pointer bits (`ref.bits` and address arithmetic on them)
 * stay: they may not live across the loop's calls (see gvn.ts).
 */
export const licm: Pass = functionPass('licm', 'moves pure loop-invariant instructions to the loop preheader', (f) =>
  hoistFunction(f),
);

const KEEPS_ADDRESS = new Set(['iadd', 'isub']);

function hoistFunction(f: Func): boolean {
  if (f.blocks.length < 2) return false;
  const cfg = buildCfg(f);
  const dom = computeDominators(cfg);
  const loops = naturalLoops(cfg, dom);
  if (loops.length === 0) return false;
  const defBlock = new Map<number, number>();
  const consts = new Map<number, Inst>();
  const derived = new Set<number>();
  cfg.blocks.forEach((b, bi) => {
    for (const p of b.params) defBlock.set(p, bi);
    for (const inst of b.insts) {
      if (inst.result < 0) continue;
      defBlock.set(inst.result, bi);
      if (inst.op.category === 'const') consts.set(inst.result, inst);
      if (inst.op.name === 'ref.bits' || (KEEPS_ADDRESS.has(inst.op.name) && inst.args.some((a) => derived.has(a))))
        derived.add(inst.result);
    }
  });
  let changed = false;
  const names = new BlockNamer(f);
  for (const loop of loops) if (hoistLoop(f, cfg, dom.rpo, loop, defBlock, consts, derived, names)) changed = true;
  return changed;
}

function hoistLoop(
  f: Func,
  cfg: Cfg,
  rpo: readonly number[],
  loop: Loop,
  defBlock: Map<number, number>,
  consts: Map<number, Inst>,
  derived: Set<number>,
  names: BlockNamer,
): boolean {
  const hoisted: Inst[] = [];
  const moved = new Set<number>();
  const invariant = (v: number): boolean => {
    const d = defBlock.get(v);
    return d === undefined || !loop.body.has(d) || moved.has(v) || consts.has(v);
  };
  for (const bi of rpo) {
    if (!loop.body.has(bi)) continue;
    const block = cfg.blocks[bi]!;
    for (const inst of block.insts) {
      if (!inst.op.pure || inst.result < 0 || inst.isTerminator || inst.op.category === 'const') continue;
      if (derived.has(inst.result) || inst.op.name === 'ref.from_bits') continue;
      if (!inst.args.every(invariant)) continue;
      hoisted.push(inst);
      moved.add(inst.result);
    }
  }
  if (hoisted.length === 0) return false;
  const preheader = preheaderOf(f, cfg, loop, names);
  if (!preheader) return false;
  const movedSet = new Set(hoisted);
  for (const b of loop.body) {
    const block = cfg.blocks[b]!;
    block.insts = block.insts.filter((i) => !movedSet.has(i));
  }
  const copies = new Map<number, number>();
  const out: Inst[] = [];
  for (const inst of hoisted) {
    inst.args = inst.args.map((a) => {
      const k = consts.get(a);
      if (!k || !loop.body.has(defBlock.get(a)!)) return a;
      let copy = copies.get(a);
      if (copy === undefined) {
        const c = new Inst(k.op);
        c.imm = k.imm;
        c.result = copy = f.newValue(f.typeOf(a), f.values[a]!.name);
        copies.set(a, copy);
        out.push(c);
      }
      return copy;
    });
    out.push(inst);
  }
  preheader.insts.splice(preheader.insts.length - 1, 0, ...out);
  // A new preheader is not in this CFG: for the enclosing loops, what moved counts as
  // defined at this loop's header (inside them), and moves out of them in a later round.
  for (const inst of out) defBlock.set(inst.result, loop.header);
  return true;
}

/**
 * The block before the loop header through which every way in from outside passes: the
 * one outside predecessor when it jumps only to the header, else a new block that the
 * outside edges are sent to (not when one of them is an unwind edge, whose exception
 * parameter a plain block cannot forward implicitly).
 */
function preheaderOf(f: Func, cfg: Cfg, loop: Loop, names: BlockNamer): Block | undefined {
  const header = cfg.blocks[loop.header]!;
  const outside = cfg.preds[loop.header]!.filter((p) => !loop.body.has(p));
  if (outside.length === 0) return undefined;
  if (outside.length === 1) {
    const p = cfg.blocks[outside[0]!]!;
    const t = p.terminator;
    if (t && t.op.name === 'br' && t.targets.length === 1) return p;
  }
  for (const pi of outside) {
    const t = cfg.blocks[pi]!.terminator!;
    if (t.targets.some((tg, i) => tg.block === header && isUnwindEdge(t, i))) return undefined;
  }
  const pre = new Block(names.fresh(`${header.name}.pre`));
  pre.params = header.params.map((p) => f.newValue(f.typeOf(p), f.values[p]!.name));
  const jump = new Inst(opcode('br'));
  jump.targets = [{ block: header, args: [...pre.params] }];
  pre.insts = [jump];
  for (const pi of outside) for (const t of cfg.blocks[pi]!.terminator!.targets) if (t.block === header) t.block = pre;
  f.blocks.push(pre);
  return pre;
}
