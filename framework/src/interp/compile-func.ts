import type { Block, Func, Inst, Module, Target } from '../ir/module.ts';
import type { Program } from '../runtime/program.ts';
import {
  END_BRANCH,
  END_CALL,
  END_CALL_HOST,
  END_CALL_INDIRECT,
  END_JUMP,
  END_OVF,
  END_RAISE,
  END_RETURN,
  END_SWITCH,
  END_TAIL_CALL,
  END_TAIL_CALL_INDIRECT,
  END_UNREACHABLE,
  newEnd,
  type CompiledFunc,
  type Edge,
  type End,
  type Op,
  type Segment,
} from './compiled.ts';
import { fuseBranchSegment, fuseOps } from './fuse-ops.ts';
import { compileOp } from './ops.ts';

export interface FuncResolver {
  func(name: string): CompiledFunc;
  index(name: string): number;
}

/** A call that does not end its block splits it: the segment after it resumes on return. */
function endsSegment(inst: Inst): boolean {
  return inst.isTerminator || inst.op.name === 'call' || inst.op.name === 'call_indirect';
}

/** Compiles a function's blocks into segments of straight-line ops, each with one End. */
export function compileFunc(cf: CompiledFunc, m: Module, p: Program, R: Float64Array, resolve: FuncResolver): void {
  const f = cf.func;
  const refSlots: number[] = [];
  f.values.forEach((v, i) => v.type === 'ref' && refSlots.push(i));
  cf.nregs = f.values.length;
  cf.params = Int32Array.from(f.blocks[0]?.params ?? []);
  cf.refSlots = Int32Array.from(refSlots);
  const firstSeg = new Map<Block, number>();
  let n = 0;
  for (const b of f.blocks) {
    firstSeg.set(b, n);
    for (const inst of b.insts) if (endsSegment(inst)) n++;
  }
  const edge = (t: Target, exceptionFirst = false): Edge => {
    const params = exceptionFirst ? t.block.params.slice(1) : t.block.params;
    const seg = firstSeg.get(t.block)!;
    const exc = exceptionFirst ? t.block.params[0]! : -1;
    if (t.args.length === 0) return { seg, src: NO_REGS, dst: NO_REGS, viaTemp: false, exc };
    return { seg, src: Int32Array.from(t.args), dst: Int32Array.from(params), viaTemp: overlaps(t.args, params), exc };
  };
  const segs: Segment[] = [];
  for (const b of f.blocks) {
    let ops: Segment['ops'] = [];
    let straight: Inst[] = [];
    let cost = 0;
    for (const inst of b.insts) {
      cost++;
      if (!endsSegment(inst)) {
        ops.push(compileOp(inst, m, p, R, (name) => resolve.index(name)));
        straight.push(inst);
        continue;
      }

      const end = compileEnd(inst, f, m, p, resolve, edge);
      if (end.kind === END_CALL || end.kind === END_CALL_INDIRECT || end.kind === END_CALL_HOST) {
        if (!end.fused) end.edges = [{ seg: segs.length + 1, src: NO_REGS, dst: NO_REGS, viaTemp: false, exc: -1 }];
      }
      const seg: Segment = { ops, run: null, cost, end, block: b.name };
      if (end.kind === END_JUMP || end.kind === END_BRANCH) seg.run = branchUntilHot(seg, straight, R);
      else if (ops.length > 1) seg.ops = [opsUntilHot(seg, straight, ops, R)];
      segs.push(seg);
      ops = [];
      straight = [];
      cost = 0;
    }
  }
  cf.segs = segs;
  cf.compiled = true;
}

const NO_REGS = new Int32Array(0);

/** Whether a parallel move reads a register that it writes before reading it. */
function overlaps(src: readonly number[], dst: readonly number[]): boolean {
  if (src.length <= 8) {
    for (let i = 0; i < src.length; i++) {
      for (let j = 0; j < dst.length; j++) if (dst[j] === src[i] && j !== i) return true;
    }
    return false;
  }
  const dsts = new Set(dst);
  return src.some((s, i) => dsts.has(s) && s !== dst[i]);
}

/**
 * Generating and compiling JS for a segment (fuse-ops.ts) costs far more than running its
 * closures a few times, and most code of a big program (a module body, a fact table,
 * initialisation) runs once: segments run as closures until they have run this often.
 */
const FUSE_AFTER = 16;

/** A `br`/`brif` segment's `run` until it is hot: its ops, then the edge's parallel move
 *  (as the interpreter does); then it replaces itself with the fused function. */
function branchUntilHot(seg: Segment, insts: readonly Inst[], R: Float64Array): (fp: number) => number {
  const ops = seg.ops;
  const end = seg.end;
  let left = FUSE_AFTER;
  const temp: number[] = [];
  return (fp) => {
    if (--left <= 0) {
      const fused = fuseBranchSegment(insts, ops, end, R);
      seg.run = fused;
      return fused(fp);
    }
    for (let i = 0; i < ops.length; i++) ops[i]!(fp);
    const e = end.kind === END_JUMP || R[fp + end.a] !== 0 ? end.edges[0]! : end.edges[1]!;
    const src = e.src,
      dst = e.dst;
    for (let i = 0; i < src.length; i++) temp[i] = R[fp + src[i]!]!;
    for (let i = 0; i < src.length; i++) R[fp + dst[i]!] = temp[i]!;
    return e.seg;
  };
}

/** A segment's ops as one op that runs them until hot, then puts the fused op in its place. */
function opsUntilHot(seg: Segment, insts: readonly Inst[], ops: readonly Op[], R: Float64Array): Op {
  let left = FUSE_AFTER;
  return (fp) => {
    if (--left <= 0) seg.ops = [fuseOps(insts, ops, R)];
    for (let i = 0; i < ops.length; i++) ops[i]!(fp);
  };
}

function compileEnd(
  inst: Inst,
  f: Func,
  m: Module,
  p: Program,
  resolve: FuncResolver,
  edge: (t: Target, exceptionFirst?: boolean) => Edge,
): End {
  const name = inst.op.name;
  const argsOf = (): Int32Array => Int32Array.from(inst.op.slots[0] === 'v' ? inst.args.slice(1) : inst.args);
  const withEdges = (e: End): End => {
    if (inst.fused) {
      e.fused = true;
      e.edges = [
        edge(inst.targets[0]!),
        inst.op.alt === 'unwind' ? edge(inst.targets[1]!, true) : edge(inst.targets[1]!),
      ];
    }
    e.dst = inst.result;
    return e;
  };
  switch (name) {
    case 'br': {
      const e = newEnd(END_JUMP);
      e.edges = [edge(inst.targets[0]!)];
      return e;
    }
    case 'brif': {
      const e = newEnd(END_BRANCH);
      e.a = inst.args[0]!;
      e.edges = inst.targets.map((t) => edge(t));
      return e;
    }
    case 'switch': {
      const e = newEnd(END_SWITCH);
      e.a = inst.args[0]!;
      e.edges = inst.targets.map((t) => edge(t));
      e.cases = new Map(inst.cases.map((c, i) => [c | 0, i + 1]));
      return e;
    }
    case 'ret': {
      const e = newEnd(END_RETURN);
      e.a = inst.args[0] ?? -1;
      return e;
    }
    case 'raise': {
      const e = newEnd(END_RAISE);
      e.a = inst.args[0]!;
      return e;
    }
    case 'unreachable':
      return newEnd(END_UNREACHABLE);
    case 'iadd_ovf':
    case 'isub_ovf':
    case 'imul_ovf': {
      const e = newEnd(END_OVF);
      e.a = inst.args[0]!;
      e.b = inst.args[1]!;
      e.checked = inst.op.evaluateChecked!;
      e.dst = inst.result;
      e.edges = [edge(inst.targets[0]!), edge(inst.targets[1]!)];
      return e;
    }
    case 'call':
    case 'tail_call': {
      const tail = name === 'tail_call';
      const callee = m.func(inst.sym);
      const e = newEnd(callee ? (tail ? END_TAIL_CALL : END_CALL) : END_CALL_HOST);
      e.args = argsOf();
      if (callee) e.callee = resolve.func(inst.sym);
      else e.host = p.bindExtern(inst.sym);
      if (tail && !callee) throw new Error(`@${f.name}: tail_call to extern @${inst.sym}`);
      return withEdges(e);
    }
    case 'call_indirect':
    case 'tail_call_indirect': {
      const e = newEnd(name === 'call_indirect' ? END_CALL_INDIRECT : END_TAIL_CALL_INDIRECT);
      e.a = inst.args[0]!;
      e.args = argsOf();
      e.sigId = p.image.signatureId(inst.sig!);
      return withEdges(e);
    }
  }
  throw new Error(`interpreter: '${name}' cannot end a block`);
}
