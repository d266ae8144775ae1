// Terminators: branches, switch, overflow-checked arithmetic, returns, raise, unreachable.
import { def, use, type Inst } from '#framework';
import { inst, type FunctionLowering } from './lower-util.ts';

const NE = 1,
  VS = 6;
const OVF: Record<string, 'add' | 'sub' | 'mul'> = { iadd_ovf: 'add', isub_ovf: 'sub', imul_ovf: 'mul' };

export function lowerControl(fl: FunctionLowering, ir: Inst): boolean {
  const { ctx } = fl;
  const name = ir.op.name;
  const a = (i: number): number => ctx.vreg(ir.args[i]!);
  switch (name) {
    case 'br':
      ctx.emit(inst({ op: 'jump' }, [], { jump: true, targets: [ctx.edge(ir.targets[0]!)] }));
      return true;
    case 'brif':
      ctx.emit(inst({ op: 'cmp', imm: 0 }, [use(a(0))]));
      ctx.emit(inst({ op: 'branch', cond: NE }, [], { targets: [ctx.edge(ir.targets[0]!), ctx.edge(ir.targets[1]!)] }));
      return true;
    case 'switch':
      ctx.emit(inst({ op: 'switch', cases: ir.cases }, [use(a(0))], { targets: ir.targets.map((t) => ctx.edge(t)) }));
      return true;
    case 'ret':
      fl.calls.lowerReturn(ir);
      return true;
    case 'raise':
      fl.calls.lowerRaise(ir);
      return true;
    case 'unreachable':
      // Keeps the return address live across the calls before it, as every exit does.
      ctx.emit(inst({ op: 'trap', kind: 'unreachable' }, fl.calls.returnAddressUses(), { terminator: true }));
      return true;
  }
  const ovf = OVF[name];
  if (!ovf) return false;
  // The value goes to `to` (targets[0]); the branch is taken on overflow (targets[1]).
  const result = ir.result >= 0 ? ctx.vreg(ir.result) : ctx.temp('i32');
  ctx.emit(inst({ op: 'aluOvf', alu: ovf }, [def(result), use(a(0)), use(a(1))]));
  overflowBranch(fl, ir, ovf === 'mul' ? NE : VS);
  return true;
}

/** The branch after an overflow-checked op's flags: taken on `cond` (overflow) to the
 *  `ovf` target (targets[1]); the value goes on to `to` (targets[0]). */
export function overflowBranch(fl: FunctionLowering, ir: Inst, cond: number): void {
  const { ctx } = fl;
  ctx.emit(inst({ op: 'branch', cond }, [], { targets: [ctx.edge(ir.targets[1]!), ctx.edge(ir.targets[0]!)] }));
}
