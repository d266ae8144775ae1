import { buildCfg } from '../../ir/cfg.ts';
import { computeDominators } from '../../ir/dominators.ts';
import type { Block, Func, Inst, Module } from '../../ir/module.ts';
import { MEMORY_ERROR_GLOBAL } from '../../ir/memory-error-global.ts';
import { derivedValues } from '../../ir/verify/derived-pointers.ts';
import type { Pass, PassHints } from '../pass.ts';
import { BlockNamer } from './support/block-names.ts';
import { naturalLoops } from './support/loops.ts';
import { bottomUpComponents } from './support/call-graph.ts';
import { spliceCall } from './inline-splice.ts';

/** A callee of at most this many instructions is copied into its callers. Code outside
 *  loops mostly runs a few times (a module body, start-up), so only what is about as small
 *  as the call sequence itself goes there; in a loop, or when the interpreter found the
 *  callee hot (see PassHints.heat), callees may be bigger. */
export const INLINE_CALLEE_INSTS = 16;
export const INLINE_HOT_CALLEE_INSTS = 64;
/** A caller grows by at most this factor of its own size (plus one small callee): the
 *  optimizer's work stays linear in the program's size. */
const GROWTH_FACTOR = 2;

/**
 * The inliner. Functions are visited callees first (strongly connected components of the
 * call graph, Tarjan's order), so a callee has had its own calls inlined before it is
 * copied; a call within one component (recursion, direct or mutual) is never inlined, so
 * nothing is inlined into itself. Calls inside loops go first, then the rest, while the
 * caller's budget lasts.
 *
 * A callee qualifies when it is not `replaceable`, it is small, and its body is valid
 * unlowered IR (a prepared library or a function read earlier may be GC-lowered already;
 * raw memory operations in it would be wrong in a caller that is lowered later). At a
 * fused call site, whose handler must see every exception, a callee that allocates is
 * refused when the module raises a memory error from allocations (`@memory_error`): an
 * allocation cannot unwind to a handler. See inline-splice.ts for how exceptions and tail calls
 * keep their meaning.
 *
 * A callee whose body is not read yet (Func.deferBody) is read when its text is small
 * enough to qualify. Reading prepares it, a recursion over the call graph on the host that
 * only small bodies extend; what gets inlined then depends on the program alone, not on
 * which bodies earlier work happened to read.
 */
export const inline: Pass = {
  name: 'inline',
  description: 'copies small non-recursive callees into their callers, calls in loops first',
  run(m, funcs = m.funcs, hints = {}) {
    const { order, component } = bottomUpComponents(m, funcs);
    const policy = new InlinePolicy(m, hints);
    let changed = false;
    for (const caller of order) {
      if (caller.blocks.length === 0) continue;
      const sameComponent = (g: Func): boolean => component.get(g) === component.get(caller);
      if (inlineInto(m, caller, policy, sameComponent)) {
        changed = true;
        policy.forget(caller);
      }
    }
    return changed;
  },
};

function inlineInto(m: Module, caller: Func, policy: InlinePolicy, sameComponent: (g: Func) => boolean): boolean {
  // Most functions call nothing worth copying: they cost one scan, no dominator tree.
  const any = caller.blocks.some((b) => b.insts.some((i) => policy.inlinable(caller, i, sameComponent, true)));
  if (!any) return false;
  let budget = GROWTH_FACTOR * policy.size(caller) + INLINE_CALLEE_INSTS;
  const inLoop = loopBlocks(caller);
  const copied = new Set<Block>();
  const names = new BlockNamer(caller);
  let changed = false;
  const sweep = (blocks: readonly Block[]): void => {
    for (const block of blocks) {
      if (copied.has(block)) continue;
      // From the end: a splice moves only the instructions after the call.
      for (let i = block.insts.length - 1; i >= 0 && budget > 0; i--) {
        const call = block.insts[i]!;
        const callee = policy.inlinable(caller, call, sameComponent, inLoop.has(block));
        if (!callee) continue;
        const size = policy.size(callee);
        if (size > budget) continue;
        budget -= size;
        for (const b of spliceCall(m, caller, { block, index: i }, callee, names)) copied.add(b);
        changed = true;
      }
    }
  };
  sweep(caller.blocks.filter((b) => inLoop.has(b)));
  sweep([...caller.blocks]);
  return changed;
}

function loopBlocks(f: Func): Set<Block> {
  const cfg = buildCfg(f);
  const blocks = new Set<Block>();
  for (const loop of naturalLoops(cfg, computeDominators(cfg))) for (const b of loop.body) blocks.add(cfg.blocks[b]!);
  return blocks;
}

/** Whether an unread body's text has at most `limit` instructions: its indented lines (labels
 *  and the header are not indented; an indented comment counts, erring towards unread). */
function textWithin(text: string | undefined, limit: number): boolean {
  if (text === undefined) return false;
  let instructions = 0;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) {
    const c = text.charCodeAt(at + 1);
    if ((c === 32 || c === 9) && ++instructions > limit) return false;
  }
  return true;
}

class InlinePolicy {
  private readonly sizes = new Map<Func, number>();
  private readonly usable = new Map<Func, boolean>();
  private readonly allocating = new Map<Func, boolean>();
  private readonly memoryErrors: boolean;

  constructor(
    private readonly m: Module,
    private readonly hints: PassHints,
  ) {
    this.memoryErrors = m.global(MEMORY_ERROR_GLOBAL) !== undefined;
  }

  size(f: Func): number {
    let n = this.sizes.get(f);
    if (n === undefined) {
      n = 0;
      for (const b of f.blocks) n += b.insts.length;
      this.sizes.set(f, n);
    }
    return n;
  }

  /** A function changed: its size and contents are measured again when needed. */
  forget(f: Func): void {
    this.sizes.delete(f);
    this.usable.delete(f);
    this.allocating.delete(f);
  }

  /** The function `call` calls when it may be copied in its place, else undefined. */
  inlinable(caller: Func, call: Inst, sameComponent: (g: Func) => boolean, inLoop: boolean): Func | undefined {
    const name = call.op.name;
    if (name !== 'call' && name !== 'tail_call') return undefined;
    const callee = this.m.func(call.sym);
    if (!callee || callee === caller || callee.replaceable || callee.unlowered) return undefined;
    const heat = this.hints.heat?.(callee) ?? 0;
    const limit = inLoop || heat > 0 ? INLINE_HOT_CALLEE_INSTS : INLINE_CALLEE_INSTS;
    if (!callee.hasBody && !textWithin(callee.unreadText, limit)) return undefined;
    if (sameComponent(callee) || callee.blocks.length === 0) return undefined;
    if (this.size(callee) > limit) return undefined;
    if (!this.unlowered(callee)) return undefined;
    if (call.fused && this.memoryErrors && this.allocates(callee)) return undefined;
    return callee;
  }

  /** Unlowered, and returning no pointer bits: copied into the caller, a returned
   *  `ref.bits` would become a derived pointer there, which the caller may keep across a
   *  collection (the verifier rejects that), where a call's result is an integer. */
  private unlowered(f: Func): boolean {
    let ok = this.usable.get(f);
    if (ok === undefined) {
      ok = f.blocks.every((b) => b.insts.every((i) => i.op.phase !== 'lowered')) && !returnsBits(f);
      this.usable.set(f, ok);
    }
    return ok;
  }

  private allocates(f: Func): boolean {
    let yes = this.allocating.get(f);
    if (yes === undefined) {
      yes = f.blocks.some((b) => b.insts.some((i) => i.op.name === 'new' || i.op.name === 'new_array'));
      this.allocating.set(f, yes);
    }
    return yes;
  }
}

function returnsBits(f: Func): boolean {
  if (!f.blocks.some((b) => b.insts.some((i) => i.op.name === 'ref.bits'))) return false;
  const derived = derivedValues(f);
  return f.blocks.some((b) => b.insts.some((i) => i.op.name === 'ret' && i.args.some((a) => derived.has(a))));
}
