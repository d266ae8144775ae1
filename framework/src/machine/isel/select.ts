import type { Func, Inst } from '../../ir/module.ts';
import { IrFacts } from './ir-facts.ts';
import type { IselRule, PatternCounts, Selection } from './rule.ts';

/** The selection of one function: a chosen pattern per root, and the instructions that
 *  emit nothing because every use of their value is folded into a pattern. */
export interface FunctionSelection {
  selectionFor(ir: Inst): Selection | undefined;
  isFolded(ir: Inst): boolean;
}

/**
 * Chooses a pattern for every instruction that one matches (the first in table order).
 * Users are visited before their definitions (blocks in reverse of a reverse postorder,
 * instructions backwards), so by the time a pure instruction is reached every use of its
 * value has been matched and it is known whether any use still needs it in a register.
 */
export function selectFunction<L>(
  func: Func,
  rules: readonly IselRule<L>[],
  lower: L,
  counts?: PatternCounts,
): FunctionSelection {
  const byRoot = new Map<string, IselRule<L>[]>();
  for (const r of rules) for (const op of r.roots) byRoot.set(op, [...(byRoot.get(op) ?? []), r]);
  const facts = new IrFacts(func);
  const users = usersByValue(func);
  const foldedBy = new Map<number, Set<Inst>>();
  const chosen = new Map<Inst, Selection>();
  const folded = new Set<Inst>();

  for (const b of reversePostorder(func).reverse()) {
    for (let i = b.insts.length - 1; i >= 0; i--) {
      const ir = b.insts[i]!;
      if (ir.op.pure && ir.result >= 0) {
        const us = users.get(ir.result);
        const by = foldedBy.get(ir.result);
        if (us !== undefined && by !== undefined && [...us].every((u) => by.has(u))) {
          folded.add(ir);
          continue;
        }
      }
      // Emitted after all: the patterns of its users that read its operands as part of
      // theirs (through it) do not spare those operands; only its own pattern may.
      for (const v of ir.args) foldedBy.get(v)?.delete(ir);
      for (const rule of byRoot.get(ir.op.name) ?? []) {
        const sel = rule.match(ir, facts, lower);
        if (!sel) continue;
        chosen.set(ir, sel);
        counts?.add(rule.name);
        for (const f of sel.folds) {
          // A value the user reads twice may still be read in a register by the other use.
          if (usesOf(f.user, f.value) !== 1) continue;
          let set = foldedBy.get(f.value);
          if (!set) foldedBy.set(f.value, (set = new Set()));
          set.add(f.user);
        }
        break;
      }
    }
  }
  return { selectionFor: (ir) => chosen.get(ir), isFolded: (ir) => folded.has(ir) };
}

function usesOf(ir: Inst, v: number): number {
  let n = 0;
  for (const a of ir.args) if (a === v) n++;
  for (const t of ir.targets) for (const a of t.args) if (a === v) n++;
  return n;
}

/** The instructions using each value (as an operand or an edge argument). */
function usersByValue(func: Func): Map<number, Set<Inst>> {
  const users = new Map<number, Set<Inst>>();
  const add = (v: number, ir: Inst): void => {
    let set = users.get(v);
    if (!set) users.set(v, (set = new Set()));
    set.add(ir);
  };
  for (const b of func.blocks) {
    for (const ir of b.insts) {
      for (const v of ir.args) add(v, ir);
      for (const t of ir.targets) for (const v of t.args) add(v, ir);
    }
  }
  return users;
}

/** Reachable blocks in reverse postorder, then the unreachable ones. */
function reversePostorder(func: Func): Func['blocks'] {
  const seen = new Set<Func['blocks'][number]>();
  const post: Func['blocks'] = [];
  type Frame = { block: Func['blocks'][number]; succ: Func['blocks']; next: number };
  const frame = (block: Frame['block']): Frame => ({
    block,
    succ: block.insts.flatMap((ir) => ir.targets.map((t) => t.block)),
    next: 0,
  });
  const stack: Frame[] = [];
  if (func.blocks.length > 0) {
    seen.add(func.entry);
    stack.push(frame(func.entry));
  }
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    if (top.next < top.succ.length) {
      const n = top.succ[top.next++]!;
      if (!seen.has(n)) {
        seen.add(n);
        stack.push(frame(n));
      }
      continue;
    }
    post.push(top.block);
    stack.pop();
  }
  const order = post.reverse();
  for (const b of func.blocks) if (!seen.has(b)) order.push(b);
  return order;
}
