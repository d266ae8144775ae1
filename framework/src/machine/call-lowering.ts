// The internal convention's call protocol as lowering helpers, the same on every ISA: entry
// arguments, argument passing, calls (direct, host, indirect), the exception-status test
// after a call that may raise, tail calls, returns and raises. An ISA supplies the
// instruction data of each step (CallRules) and its registers (CallConvention); what the
// instructions look like is its own business.
import { calleeSignature, type Inst } from '../ir/module.ts';
import type { ValType } from '../ir/types.ts';
import { assignArgs, resultReg, type CallConvention } from './convention.ts';
import type { LoweringContext } from './lowering-context.ts';
import type { LoweringEnv } from './lowering-env.ts';
import type { MachBlock } from './machine-function.ts';
import {
  def,
  fixedDef,
  fixedUse,
  liveThrough,
  machInst,
  use,
  type BranchTarget,
  type MachInst,
  type Operand,
} from './machine-inst.ts';
import type { PReg, VReg } from './regs.ts';

/** The ISA's instruction data for each step of the protocol (operands are the helper's). */
export interface CallRules<D> {
  /** Defines the incoming register arguments (fixed defs); encodes to nothing. */
  incomingArgs(): D;
  /** def ← incoming stack argument at `offset`. */
  loadIncoming(type: ValType, offset: number): D;
  /** use → the outgoing argument area (`out`) or the function's own incoming one (`in`, tail calls). */
  storeArg(type: ValType, offset: number, area: 'out' | 'in'): D;
  /** Direct call of a module function (FUNC_SYMBOL). */
  call(callee: string): D;
  /** Call of an extern through its host slot (HOST_SYMBOL). */
  callHost(callee: string): D;
  /** Call through the function table; operands[indexOperand] holds the table index. */
  callIndirect(sigId: number, indexOperand: number, tableBase: number): D;
  tailCall(callee: string): D;
  tailCallIndirect(sigId: number, indexOperand: number, tableBase: number): D;
  /** Sets the flags from the status register's value (uses [status]). */
  testStatus(): D;
  /** Branches to targets[0] when the tested status says "raised", else to targets[1]. */
  branchIfRaised(): D;
  jump(): D;
  /** Returns with status 0; the value, if any, is a fixed use of the result register. */
  ret(): D;
  /** Returns with status 1 and the exception (fixed use of the int result register). */
  raise(): D;
}

export interface CallLoweringOptions<D> {
  readonly ctx: LoweringContext<D>;
  readonly env: LoweringEnv;
  readonly convention: CallConvention;
  readonly rules: CallRules<D>;
  /** Every register a call destroys (the internal convention saves none). */
  readonly callClobbers: readonly PReg[];
  /** The register a call leaves the return address in, under the 'value' frame policy (the
   *  return address is then a value: defined at entry, used at every call and exit); null
   *  when the return address is not a value (pushed by the call). */
  readonly returnAddressReg: PReg | null;
}

/** One function's calls, entry and exits under the internal convention. */
export class CallLowering<D> {
  /** The return address as it was at entry (see CallLoweringOptions.returnAddressReg). */
  readonly returnAddress: VReg | null;
  /** Bytes of the function's own incoming stack arguments (a tail call's must fit). */
  readonly incomingStackBytes: number;
  private propagate: MachBlock<D> | null = null;

  constructor(private readonly o: CallLoweringOptions<D>) {
    const { ctx } = o;
    this.incomingStackBytes = assignArgs(o.convention, ctx.func.sig.params).stackBytes;
    this.returnAddress = o.returnAddressReg === null ? null : ctx.temp('i32');
    if (this.returnAddress !== null) ctx.machine.returnAddress = this.returnAddress;
  }

  /** The return address back in its register: before a return or a tail call. */
  returnAddressUses(): Operand[] {
    return this.returnAddress === null ? [] : [fixedUse(this.returnAddress, this.o.returnAddressReg!)];
  }

  /** At a call the return address stays live through it, so it is in its spill slot there
   *  for the stack map, and in no register: the call itself overwrites that one. */
  private returnAddressThroughCall(): Operand[] {
    return this.returnAddress === null ? [] : [liveThrough(this.returnAddress)];
  }

  /** The machine entry block: `prelude`, then the incoming arguments (fixed defs of the
   *  argument registers, loads of stack arguments), then a jump to the IR entry. */
  lowerEntry(prelude: readonly MachInst<D>[] = []): void {
    const { ctx, rules, convention } = this.o;
    const func = ctx.func;
    ctx.switchTo(ctx.entry);
    for (const mi of prelude) ctx.emit(mi);
    const temps = func.entry.params.map((p) => ctx.temp(func.typeOf(p)));
    const { locs } = assignArgs(convention, func.sig.params);
    const regDefs: Operand[] =
      this.returnAddress === null ? [] : [fixedDef(this.returnAddress, this.o.returnAddressReg!)];
    locs.forEach((loc, i) => {
      if (loc.kind === 'reg') regDefs.push(fixedDef(temps[i]!, loc.preg));
    });
    ctx.emit(machInst(rules.incomingArgs(), regDefs));
    locs.forEach((loc, i) => {
      if (loc.kind === 'stack')
        ctx.emit(machInst(rules.loadIncoming(func.sig.params[i]!, loc.offset), [def(temps[i]!)]));
    });
    ctx.emit(machInst(rules.jump(), [], { jump: true, targets: [{ block: ctx.blockFor(func.entry), args: temps }] }));
  }

  /** `call`, `call_indirect`, `tail_call`, `tail_call_indirect`. */
  lowerCall(ir: Inst): void {
    const { ctx, env, rules, convention } = this.o;
    const name = ir.op.name;
    if (name === 'tail_call' || name === 'tail_call_indirect') return this.lowerTailCall(ir);
    const indirect = name === 'call_indirect';
    const sig = indirect ? ir.sig! : calleeSignature(env.module, ir.sym);
    if (!sig) throw new Error(`@${ctx.func.name}: unknown callee @${ir.sym}`);
    const argValues = indirect ? ir.args.slice(1) : ir.args;
    const mayRaise = indirect || env.mayRaise(ir.sym);
    const argUses = this.passArgs(sig.params, argValues, 'out');

    const defs: Operand[] = [];
    let intResult: VReg | null = null;
    if (sig.result) {
      const v = ir.result >= 0 ? ctx.vreg(ir.result) : ctx.temp(sig.result);
      defs.push(fixedDef(v, resultReg(convention, sig.result)));
      if (sig.result !== 'f64') intResult = v;
    }
    let status: VReg | null = null;
    if (mayRaise) {
      if (intResult === null) {
        intResult = ctx.temp('ref');
        defs.push(fixedDef(intResult, convention.intResult));
      }
      status = ctx.temp('i32');
      defs.push(fixedDef(status, convention.status));
    }
    const flags = { call: true, clobbers: this.o.callClobbers };
    if (indirect) {
      const data = rules.callIndirect(env.signatureId(sig), defs.length, env.tableBase);
      ctx.emit(
        machInst(data, [...defs, use(ctx.vreg(ir.args[0]!)), ...argUses, ...this.returnAddressThroughCall()], flags),
      );
    } else {
      const data = env.extern(ir.sym) ? rules.callHost(ir.sym) : rules.call(ir.sym);
      ctx.emit(machInst(data, [...defs, ...argUses, ...this.returnAddressThroughCall()], flags));
    }
    this.afterCall(ir, status, intResult);
  }

  lowerReturn(ir: Inst): void {
    const { ctx, rules, convention } = this.o;
    const ops =
      ir.args.length > 0 ? [fixedUse(ctx.vreg(ir.args[0]!), resultReg(convention, ctx.func.sig.result!))] : [];
    ctx.emit(machInst(rules.ret(), [...ops, ...this.returnAddressUses()], { terminator: true }));
  }

  lowerRaise(ir: Inst): void {
    const { ctx, rules, convention } = this.o;
    ctx.emit(
      machInst(rules.raise(), [fixedUse(ctx.vreg(ir.args[0]!), convention.intResult), ...this.returnAddressUses()], {
        terminator: true,
      }),
    );
  }

  /** The shared exception-propagation block: its parameter is the exception ref. */
  propagateBlock(): MachBlock<D> {
    if (this.propagate) return this.propagate;
    const { ctx, rules, convention } = this.o;
    const saved = ctx.current;
    const block = ctx.newBlock('propagate', ['ref']);
    this.propagate = block;
    ctx.switchTo(block);
    ctx.emit(
      machInst(rules.raise(), [fixedUse(block.params[0]!, convention.intResult), ...this.returnAddressUses()], {
        terminator: true,
      }),
    );
    ctx.switchTo(saved);
    return block;
  }

  /** Argument moves: stack arguments are stored now, register arguments become fixed uses. */
  private passArgs(types: readonly ValType[], args: readonly number[], area: 'out' | 'in'): Operand[] {
    const { ctx, rules, convention } = this.o;
    const { locs, stackBytes } = assignArgs(convention, types);
    if (area === 'out') ctx.reserveOutgoingArgs(Math.max(stackBytes, convention.minArgArea));
    else if (stackBytes > Math.max(this.incomingStackBytes, convention.minArgArea)) {
      throw new Error(
        `@${ctx.func.name}: a tail call passing ${stackBytes} bytes of stack arguments ` +
          `does not fit the caller's ${this.incomingStackBytes}`,
      );
    }
    const uses: Operand[] = [];
    locs.forEach((loc, i) => {
      const v = ctx.vreg(args[i]!);
      if (loc.kind === 'reg') uses.push(fixedUse(v, loc.preg));
      else ctx.emit(machInst(rules.storeArg(types[i]!, loc.offset, area), [use(v)]));
    });
    return uses;
  }

  /** The status test after a call that may raise, and the fused form's normal edge. */
  private afterCall(ir: Inst, status: VReg | null, exception: VReg | null): void {
    const { ctx, rules } = this.o;
    if (status === null || exception === null) {
      if (ir.fused) ctx.emit(machInst(rules.jump(), [], { jump: true, targets: [ctx.edge(ir.targets[0]!)] }));
      return;
    }
    ctx.emit(machInst(rules.testStatus(), [use(status)]));
    const onRaise: BranchTarget = ir.fused
      ? ctx.edge(ir.targets[1]!, [exception])
      : { block: this.propagateBlock(), args: [exception] };
    if (ir.fused) {
      ctx.emit(machInst(rules.branchIfRaised(), [], { targets: [onRaise, ctx.edge(ir.targets[0]!)] }));
      return;
    }
    const next = ctx.newBlock('after.call');
    ctx.emit(machInst(rules.branchIfRaised(), [], { targets: [onRaise, { block: next, args: [] }] }));
    ctx.switchTo(next);
  }

  private lowerTailCall(ir: Inst): void {
    const { ctx, env, rules } = this.o;
    const indirect = ir.op.name === 'tail_call_indirect';
    const sig = indirect ? ir.sig! : calleeSignature(env.module, ir.sym);
    if (!sig) throw new Error(`@${ctx.func.name}: unknown callee @${ir.sym}`);
    if (!indirect && env.extern(ir.sym))
      throw new Error(`@${ctx.func.name}: tail call of extern @${ir.sym} is not supported`);
    const argUses = this.passArgs(sig.params, indirect ? ir.args.slice(1) : ir.args, 'in');
    if (indirect) {
      const data = rules.tailCallIndirect(env.signatureId(sig), 0, env.tableBase);
      ctx.emit(
        machInst(data, [use(ctx.vreg(ir.args[0]!)), ...argUses, ...this.returnAddressUses()], { terminator: true }),
      );
    } else {
      ctx.emit(machInst(rules.tailCall(ir.sym), [...argUses, ...this.returnAddressUses()], { terminator: true }));
    }
  }
}
