// Terminators: branches, switch, overflow-checked arithmetic, returns, raise, unreachable.
import { def, fixedUse, use, type Inst } from '#framework';
import { R0 } from '../arm-regs.ts';
import { resultReg } from '../convention.ts';
import { inst, returnAddressUse, type FunctionLowering } from './lower-util.ts';

const NE = 1, VS = 6;
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
    case 'ret': {
      const ops = ir.args.length > 0 ? [fixedUse(a(0), resultReg(ctx.func.sig.result!))] : [];
      ctx.emit(inst({ op: 'ret' }, [...ops, returnAddressUse(fl)], { terminator: true }));
      return true;
    }
    case 'raise':
      ctx.emit(inst({ op: 'raise' }, [fixedUse(a(0), R0), returnAddressUse(fl)], { terminator: true }));
      return true;
    case 'unreachable':
      // Keeps the return address live across the calls before it, as every exit does.
      ctx.emit(inst({ op: 'trap', kind: 'unreachable' }, [returnAddressUse(fl)], { terminator: true }));
      return true;
  }
  const ovf = OVF[name];
  if (!ovf) return false;
  // The value goes to `to` (targets[0]); the branch is taken on overflow (targets[1]).
  const result = ir.result >= 0 ? ctx.vreg(ir.result) : ctx.temp('i32');
  ctx.emit(inst({ op: 'aluOvf', alu: ovf }, [def(result), use(a(0)), use(a(1))]));
  const cond = ovf === 'mul' ? NE : VS;
  ctx.emit(inst({ op: 'branch', cond }, [], { targets: [ctx.edge(ir.targets[1]!), ctx.edge(ir.targets[0]!)] }));
  return true;
}
