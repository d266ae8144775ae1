import type { DomTree } from '../../../ir/dominators.ts';

/**
 * Visits the dominator tree in preorder, calling `enter` on the way down and `leave` on
 * the way up, without host recursion (a chain of 100 000 blocks is a tree that deep).
 * Scoped tables (GVN's, branch facts) push entries in `enter` and pop them in `leave`.
 */
export function walkDominatorTree(dom: DomTree, enter: (b: number) => void, leave: (b: number) => void): void {
  if (dom.rpo.length === 0) return;
  const stack: number[] = [0];
  const next: number[] = [0];
  enter(0);
  while (stack.length > 0) {
    const top = stack.length - 1;
    const b = stack[top]!;
    const kids = dom.childIndices(b);
    const k = next[top]!;
    if (k < kids.length) {
      next[top] = k + 1;
      const c = kids[k]!;
      enter(c);
      stack.push(c);
      next.push(0);
    } else {
      leave(b);
      stack.pop();
      next.pop();
    }
  }
}
