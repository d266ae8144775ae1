// Calls under the internal convention: arguments in r0–r3/d0–d7 then the stack; the
// result in r0/d0; after a callee that may raise, r1 ≠ 0 means "r0 holds an exception",
// tested right after the call (fused calls branch to their handler, plain ones propagate).
import { calleeSignature, fixedDef, fixedUse, use, type BranchTarget, type Inst, type Operand, type Signature, type ValType, type VReg } from '#framework';
import type { ArmData } from '../arm-data.ts';
import { R0, STATUS_REG } from '../arm-regs.ts';
import { assignArgs, MIN_ARG_AREA, resultReg } from '../convention.ts';
import { inst, returnAddressUse, type FunctionLowering } from './lower-util.ts';

/** Argument moves: stack arguments are stored now, register arguments become fixed uses. */
function passArgs(fl: FunctionLowering, types: readonly ValType[], args: readonly number[], area: 'out' | 'in'): Operand[] {
  const { ctx } = fl;
  const { locs, stackBytes } = assignArgs(types);
  if (area === 'out') ctx.reserveOutgoingArgs(Math.max(stackBytes, MIN_ARG_AREA));
  else if (stackBytes > Math.max(fl.incomingStackBytes, MIN_ARG_AREA)) {
    throw new Error(`@${ctx.func.name}: a tail call passing ${stackBytes} bytes of stack arguments does not fit the caller's ${fl.incomingStackBytes}`);
  }
  const uses: Operand[] = [];
  locs.forEach((loc, i) => {
    const v = ctx.vreg(args[i]!);
    if (loc.kind === 'reg') uses.push(fixedUse(v, loc.preg));
    else ctx.emit(inst({ op: 'storeArg', type: types[i]!, offset: loc.offset, area }, [use(v)]));
  });
  return uses;
}

export function lowerCall(fl: FunctionLowering, ir: Inst): void {
  const { ctx, env } = fl;
  const name = ir.op.name;
  if (name === 'tail_call' || name === 'tail_call_indirect') return lowerTailCall(fl, ir);
  const indirect = name === 'call_indirect';
  const sig: Signature | undefined = indirect ? ir.sig! : calleeSignature(env.module, ir.sym);
  if (!sig) throw new Error(`@${ctx.func.name}: unknown callee @${ir.sym}`);
  const argValues = indirect ? ir.args.slice(1) : ir.args;
  const mayRaise = indirect || env.mayRaise(ir.sym);
  const argUses = passArgs(fl, sig.params, argValues, 'out');

  const defs: Operand[] = [];
  let r0Value: VReg | null = null;
  if (sig.result) {
    const v = ir.result >= 0 ? ctx.vreg(ir.result) : ctx.temp(sig.result);
    defs.push(fixedDef(v, resultReg(sig.result)));
    if (sig.result !== 'f64') r0Value = v;
  }
  let status: VReg | null = null;
  if (mayRaise) {
    if (r0Value === null) {
      r0Value = ctx.temp('ref');
      defs.push(fixedDef(r0Value, R0));
    }
    status = ctx.temp('i32');
    defs.push(fixedDef(status, STATUS_REG));
  }
  const flags = { call: true, clobbers: fl.callClobbers };
  if (indirect) {
    const data: ArmData = { op: 'callIndirect', sigId: env.signatureId(sig), indexOperand: defs.length, tableBase: env.tableBase };
    ctx.emit(inst(data, [...defs, use(ctx.vreg(ir.args[0]!)), ...argUses, returnAddressUse(fl)], flags));
  } else {
    const data: ArmData = env.extern(ir.sym) ? { op: 'callHost', callee: ir.sym } : { op: 'call', callee: ir.sym };
    ctx.emit(inst(data, [...defs, ...argUses, returnAddressUse(fl)], flags));
  }
  afterCall(fl, ir, status, r0Value);
}

/** The status test after a call that may raise, and the fused form's normal edge. */
function afterCall(fl: FunctionLowering, ir: Inst, status: VReg | null, exception: VReg | null): void {
  const { ctx } = fl;
  if (status === null || exception === null) {
    if (ir.fused) ctx.emit(inst({ op: 'jump' }, [], { jump: true, targets: [ctx.edge(ir.targets[0]!)] }));
    return;
  }
  ctx.emit(inst({ op: 'cmp', imm: 0 }, [use(status)]));
  const onRaise: BranchTarget = ir.fused ? ctx.edge(ir.targets[1]!, [exception]) : { block: fl.propagateBlock(), args: [exception] };
  if (ir.fused) {
    ctx.emit(inst({ op: 'branch', cond: NE }, [], { targets: [onRaise, ctx.edge(ir.targets[0]!)] }));
    return;
  }
  const next = ctx.newBlock('after.call');
  ctx.emit(inst({ op: 'branch', cond: NE }, [], { targets: [onRaise, { block: next, args: [] }] }));
  ctx.switchTo(next);
}

const NE = 1;

function lowerTailCall(fl: FunctionLowering, ir: Inst): void {
  const { ctx, env } = fl;
  const indirect = ir.op.name === 'tail_call_indirect';
  const sig = indirect ? ir.sig! : calleeSignature(env.module, ir.sym);
  if (!sig) throw new Error(`@${ctx.func.name}: unknown callee @${ir.sym}`);
  if (!indirect && env.extern(ir.sym)) throw new Error(`@${ctx.func.name}: tail call of extern @${ir.sym} is not supported`);
  const argUses = passArgs(fl, sig.params, indirect ? ir.args.slice(1) : ir.args, 'in');
  if (indirect) {
    const data: ArmData = { op: 'tailCallIndirect', sigId: env.signatureId(sig), indexOperand: 0, tableBase: env.tableBase };
    ctx.emit(inst(data, [use(ctx.vreg(ir.args[0]!)), ...argUses, returnAddressUse(fl)], { terminator: true }));
  } else {
    ctx.emit(inst({ op: 'tailCall', callee: ir.sym }, [...argUses, returnAddressUse(fl)], { terminator: true }));
  }
}
