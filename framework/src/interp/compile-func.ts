import type { Block, Func, Inst, Module, Target } from '../ir/module.ts';
import type { Program } from '../runtime/program.ts';
import {
  END_BRANCH, END_CALL, END_CALL_HOST, END_CALL_INDIRECT, END_JUMP, END_OVF, END_RAISE, END_RETURN, END_SWITCH,
  END_TAIL_CALL, END_TAIL_CALL_INDIRECT, END_UNREACHABLE, newEnd,
  type CompiledFunc, type Edge, type End, type Segment,
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
    const src = Int32Array.from(t.args);
    const dst = Int32Array.from(params);
    const dsts = new Set(params);
    const viaTemp = t.args.some((s, i) => dsts.has(s) && s !== params[i]);
    return { seg: firstSeg.get(t.block)!, src, dst, viaTemp, exc: exceptionFirst ? t.block.params[0]! : -1 };
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
      const run = end.kind === END_JUMP || end.kind === END_BRANCH ? fuseBranchSegment(straight, ops, end, R) : null;
      if (ops.length > 1) ops = [fuseOps(straight, ops, R)];
      if (end.kind === END_CALL || end.kind === END_CALL_INDIRECT || end.kind === END_CALL_HOST) {
        if (!end.fused) end.edges = [{ seg: segs.length + 1, src: new Int32Array(0), dst: new Int32Array(0), viaTemp: false, exc: -1 }];
      }
      segs.push({ ops, run, cost, end, block: b.name });
      ops = [];
      straight = [];
      cost = 0;
    }
  }
  cf.segs = segs;
  cf.compiled = true;
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
      e.edges = [edge(inst.targets[0]!), inst.op.alt === 'unwind' ? edge(inst.targets[1]!, true) : edge(inst.targets[1]!)];
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
