// Lowers the IR subset the machine-layer tests use: constants, every opcode-table operation
// with an `evaluate` (int, compare, float, convert, select), ref.from_bits/ref.bits, br,
// brif, direct calls and ret. isub and fsub are two-address, to exercise reuse constraints.
import { calleeSignature, type Func, type Inst } from '../../../src/ir/module.ts';
import type { LoweringContext } from '../../../src/machine/lowering-context.ts';
import { def, fixedDef, fixedUse, machInst, reuseDef, use, type Operand } from '../../../src/machine/machine-inst.ts';
import { assignArgs, resultReg } from './fake-convention.ts';
import { ALLOCATABLE, LR, type FakeData } from './fake-isa.ts';

type Ctx = LoweringContext<FakeData>;

const TWO_ADDRESS = new Set(['isub', 'fsub']);

export function lowerFake(func: Func, ctx: Ctx): void {
  lowerEntry(func, ctx);
  for (const b of func.blocks) {
    ctx.switchTo(ctx.blockFor(b));
    for (const inst of b.insts) lowerInst(inst, func, ctx);
  }
}

/** Incoming arguments: registers by a fixed def each, stack arguments by loads. */
function lowerEntry(func: Func, ctx: Ctx): void {
  ctx.switchTo(ctx.entry);
  const params = func.entry.params;
  const temps = params.map((p) => ctx.temp(func.typeOf(p)));
  const { locs } = assignArgs(func.sig.params);
  const regDefs: Operand[] = [];
  locs.forEach((loc, i) => {
    if (loc.kind === 'reg') regDefs.push(fixedDef(temps[i]!, loc.preg));
  });
  ctx.emit(machInst<FakeData>({ op: 'args' }, regDefs));
  locs.forEach((loc, i) => {
    if (loc.kind === 'stack')
      ctx.emit(
        machInst<FakeData>({ op: 'load', type: func.sig.params[i]!, at: { kind: 'incoming', offset: loc.offset } }, [
          def(temps[i]!),
        ]),
      );
  });
  ctx.emit(
    machInst<FakeData>({ op: 'jmp' }, [], { jump: true, targets: [{ block: ctx.blockFor(func.entry), args: temps }] }),
  );
}

function lowerInst(inst: Inst, func: Func, ctx: Ctx): void {
  const name = inst.op.name;
  const out = (): number => ctx.vreg(inst.result);
  const args = inst.args.map((a) => ctx.vreg(a));
  switch (name) {
    case 'iconst':
      ctx.emit(machInst<FakeData>({ op: 'li', imm: inst.imm | 0 }, [def(out())], { remat: true }));
      return;
    case 'rnull':
      ctx.emit(machInst<FakeData>({ op: 'li', imm: 0 }, [def(out())], { remat: true }));
      return;
    case 'fconst':
      ctx.emit(machInst<FakeData>({ op: 'lf', imm: inst.imm }, [def(out())], { remat: true }));
      return;
    case 'ref.from_bits':
      ctx.emit(machInst<FakeData>({ op: 'mkref' }, [def(out()), use(args[0]!)]));
      return;
    case 'ref.bits':
      ctx.emit(machInst<FakeData>({ op: 'refbits' }, [def(out()), use(args[0]!)]));
      return;
    case 'br':
      ctx.emit(machInst<FakeData>({ op: 'jmp' }, [], { jump: true, targets: [ctx.edge(inst.targets[0]!)] }));
      return;
    case 'brif':
      ctx.emit(machInst<FakeData>({ op: 'cmpz' }, [use(args[0]!)]));
      ctx.emit(
        machInst<FakeData>({ op: 'bnz' }, [], { targets: [ctx.edge(inst.targets[0]!), ctx.edge(inst.targets[1]!)] }),
      );
      return;
    case 'ret': {
      const ops = args.length > 0 ? [fixedUse(args[0]!, resultReg(func.sig.result!))] : [];
      ctx.emit(machInst<FakeData>({ op: 'ret' }, ops, { terminator: true }));
      return;
    }
    case 'call':
      lowerCall(inst, ctx);
      return;
  }
  if (!inst.op.evaluate || !inst.op.pure) throw new Error(`fake target: cannot lower ${name}`);
  const first: Operand = TWO_ADDRESS.has(name) ? reuseDef(out(), 1) : def(out());
  ctx.emit(machInst<FakeData>({ op: 'pure', name }, [first, ...args.map(use)]));
}

function lowerCall(inst: Inst, ctx: Ctx): void {
  if (inst.fused) throw new Error('fake target: fused calls are not supported');
  const sig = calleeSignature(ctx.module, inst.sym);
  const index = ctx.module.funcs.findIndex((f) => f.name === inst.sym);
  if (!sig || index < 0) throw new Error(`fake target: @${inst.sym} is not a function of the module`);
  const { locs, stackBytes } = assignArgs(sig.params);
  ctx.reserveOutgoingArgs(stackBytes);
  const uses: Operand[] = [];
  locs.forEach((loc, i) => {
    const v = ctx.vreg(inst.args[i]!);
    if (loc.kind === 'reg') uses.push(fixedUse(v, loc.preg));
    else
      ctx.emit(
        machInst<FakeData>({ op: 'store', type: sig.params[i]!, at: { kind: 'outgoing', offset: loc.offset } }, [
          use(v),
        ]),
      );
  });
  const defs = sig.result ? [fixedDef(ctx.vreg(inst.result), resultReg(sig.result))] : [];
  ctx.emit(
    machInst<FakeData>({ op: 'call', callee: index }, [...defs, ...uses], {
      call: true,
      clobbers: [...ALLOCATABLE, LR],
    }),
  );
}
