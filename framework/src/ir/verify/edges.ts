import type { Inst, Target } from '../module.ts';
import type { AltEdge } from '../opcodes.ts';
import { reportAt, valueType, type FuncContext, type InstSite } from './context.ts';

/** What an edge is for: a plain `target` slot or switch case, or one of a fused form's edges. */
type EdgeRole = 'plain' | 'to' | AltEdge;

/** Whether the instruction carries a fused form's `to` and alt edges (always the last two). */
export function hasFusedEdges(inst: Inst): boolean {
  return inst.op.alt !== undefined && (inst.fused || inst.op.terminator === true);
}

/** Checks the `fused` flag against the opcode, then every target: that it is a block of
 *  this function and that its arguments fit the block's parameters. */
export function checkEdges(ctx: FuncContext, site: InstSite): void {
  const { inst } = site;
  const { op } = inst;
  if (inst.fused && op.alt === undefined) reportAt(ctx, site, `is marked fused, but ${op.name} has no fused form`);
  if (!inst.fused && op.alt !== undefined && op.terminator === true)
    reportAt(ctx, site, `must be written fused (to ... ${op.alt} ...)`);
  if (op.terminator === false && inst.targets.length === 0) return;

  const targetSlots = countTargetSlots(inst);
  const plain = targetSlots + (op.slots.includes('cases') ? inst.cases.length : 0);
  const fused = hasFusedEdges(inst);
  const expected = plain + (fused ? 2 : 0);
  if (inst.targets.length !== expected) {
    const caseTargets = inst.targets.length - targetSlots - (fused ? 2 : 0);
    const message = op.slots.includes('cases')
      ? `has ${inst.cases.length} case value(s) but ${caseTargets} case target(s)`
      : `has ${inst.targets.length} target(s), expected ${expected}`;
    reportAt(ctx, site, message);
    return;
  }
  for (let i = 0; i < expected; i++) {
    const role: EdgeRole = i < plain ? 'plain' : i === plain ? 'to' : op.alt!;
    checkTarget(ctx, site, inst.targets[i]!, role);
  }
}

function countTargetSlots(inst: Inst): number {
  let n = 0;
  for (const s of inst.op.slots) if (s === 'target') n++;
  return n;
}

function checkTarget(ctx: FuncContext, site: InstSite, t: Target, role: EdgeRole): void {
  const { f } = ctx;
  if (!ctx.blocks.has(t.block)) {
    reportAt(ctx, site, `target ^${t.block.name} is not a block of @${f.name}`);
    return;
  }
  const params = t.block.params;
  // An unwind handler's first parameter receives the exception; the explicit arguments fill the rest.
  const skip = role === 'unwind' ? 1 : 0;
  if (skip === 1 && (params.length === 0 || valueType(f, params[0]!) !== 'ref')) {
    reportAt(ctx, site, `unwind handler ^${t.block.name} must take the exception as its first parameter, a ref`);
    return;
  }
  if (t.args.length !== params.length - skip) {
    const what = skip === 1 ? `unwind handler ^${t.block.name} (after the exception)` : `^${t.block.name}`;
    reportAt(ctx, site, `${what} takes ${params.length - skip} argument(s), got ${t.args.length}`);
    return;
  }
  for (let i = 0; i < t.args.length; i++) {
    const actual = valueType(f, t.args[i]!);
    const wanted = valueType(f, params[i + skip]!);
    if (actual !== undefined && wanted !== undefined && actual !== wanted) {
      reportAt(ctx, site, `^${t.block.name} argument ${i + 1} has type ${actual}, expected ${wanted}`);
    }
  }
}
