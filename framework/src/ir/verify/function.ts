import { buildCfg } from '../cfg.ts';
import { computeDominators } from '../dominators.ts';
import type { Func, Module } from '../module.ts';
import { checkCall } from './calls.ts';
import { checkDerivedPointers } from './derived-pointers.ts';
import type { FuncContext, InstSite } from './context.ts';
import { checkEdges } from './edges.ts';
import type { ErrorSink } from './errors.ts';
import { checkOperands } from './operands.ts';
import { checkPhase } from './phase.ts';
import { checkResult } from './results.ts';
import { checkSlots } from './slots.ts';
import { checkSsa } from './ssa.ts';
import { checkStructure } from './structure.ts';
import type { SymbolIndex } from './symbols.ts';

/** Per-instruction checks, each independent of the others' success. */
const INSTRUCTION_CHECKS: readonly ((ctx: FuncContext, site: InstSite) => void)[] = [
  checkPhase,
  checkSlots,
  checkOperands,
  checkResult,
  checkCall,
  checkEdges,
];

export function verifyFunctionInto(m: Module, syms: SymbolIndex, f: Func, sink: ErrorSink, lowered = m.lowered): void {
  if (f.blocks.length === 0) {
    sink.func(f, 'function has no blocks');
    return;
  }
  if (f.unlowered && !m.lowered) sink.func(f, "'unlowered' only marks a function of a GC-lowered module");
  // A function the lowering left unlowered keeps the unlowered form's rules.
  const ctx: FuncContext = { m, syms, f, sink, blocks: new Set(f.blocks), lowered: lowered && !f.unlowered };
  checkStructure(ctx);
  for (const block of f.blocks) {
    for (let index = 0; index < block.insts.length; index++) {
      const site: InstSite = { block, index, inst: block.insts[index]! };
      for (const check of INSTRUCTION_CHECKS) check(ctx, site);
    }
  }
  const cfg = buildCfg(f);
  checkSsa(ctx, cfg, computeDominators(cfg));
  checkDerivedPointers(ctx, cfg);
}
