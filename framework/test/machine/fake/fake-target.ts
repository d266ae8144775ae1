// The fake target: a Target over the fake ISA, with a word encoder the simulator runs.
import { OPCODE_LIST } from '../../../src/ir/opcodes.ts';
import type { CodeBuffer } from '../../../src/machine/code-buffer.ts';
import type { FrameLayout } from '../../../src/machine/frame-layout.ts';
import { machInst, physDef, physUse, type MachInst } from '../../../src/machine/machine-inst.ts';
import type { EmitContext, MachineTarget } from '../../../src/machine/target.ts';
import { header, Op, type FakeFixup } from './fake-encoding.ts';
import {
  FLOAT_ALLOCATABLE,
  FLOAT_SCRATCH,
  INT_ALLOCATABLE,
  INT_SCRATCH,
  LR,
  regName,
  type FakeData,
  type FrameRef,
} from './fake-isa.ts';
import { lowerFake } from './fake-lowering.ts';

type Buf = CodeBuffer<FakeFixup>;

const f64Words = (x: number): [number, number] => {
  const dv = new DataView(new ArrayBuffer(8));
  dv.setFloat64(0, x, true);
  return [dv.getUint32(0, true), dv.getUint32(4, true)];
};

function frameOffset(at: FrameRef, frame: FrameLayout): number {
  if (at.kind === 'slot') return frame.offsetOf(at.slot);
  if (at.kind === 'incoming') return frame.incomingArgOffset(at.offset);
  return frame.outgoingArgOffset(at.offset);
}

function branch(buf: Buf, op: number, ctx: EmitContext, block: MachInst<FakeData>['targets'][number]['block']): void {
  buf.put32(header(op));
  buf.useLabel(ctx.labelOf(block), 'rel32');
  buf.put32(0);
}

function emitEpilogue(buf: Buf, frame: FrameLayout): void {
  if (frame.savesReturnAddress) {
    buf.put32(header(Op.LDW, LR));
    buf.put32(frame.returnAddressOffset!);
  }
  if (frame.size > 0) {
    buf.put32(header(Op.ADDSP));
    buf.put32(frame.size);
  }
  buf.put32(header(Op.RETLR));
}

function emitFake(buf: Buf, inst: MachInst<FakeData>, ctx: EmitContext): void {
  const d = inst.data;
  const r = (i: number): number => inst.operands[i]?.preg ?? 0;
  switch (d.op) {
    case 'li':
      buf.put32(header(Op.LI, r(0)));
      buf.put32(d.imm);
      return;
    case 'lf': {
      const [lo, hi] = f64Words(d.imm);
      buf.put32(header(Op.LF, r(0)));
      buf.put32(lo);
      buf.put32(hi);
      return;
    }
    case 'pure': {
      const tied = inst.operands[0]!.reuse;
      if (tied >= 0 && r(0) !== r(tied))
        throw new Error(`two-address ${d.name} got ${regName(r(0))} ≠ ${regName(r(tied))}`);
      buf.put32(header(Op.PURE, r(0), r(1), r(2), r(3)));
      buf.put32(OPCODE_LIST.findIndex((o) => o.name === d.name));
      return;
    }
    case 'mov':
    case 'fmov':
      buf.put32(header(d.op === 'mov' ? Op.MOV : Op.FMOV, r(0), r(1)));
      return;
    case 'load':
    case 'store': {
      const wide = d.type === 'f64';
      const op = d.op === 'load' ? (wide ? Op.LDD : Op.LDW) : wide ? Op.STD : Op.STW;
      buf.put32(header(op, r(0)));
      buf.put32(frameOffset(d.at, ctx.frame));
      return;
    }
    case 'args':
      return;
    case 'cmpz':
      buf.put32(header(Op.CMPZ, 0, r(0)));
      return;
    case 'bnz': {
      const [t, e] = inst.targets;
      if (t!.block === ctx.nextBlock) branch(buf, Op.BZ, ctx, e!.block);
      else {
        branch(buf, Op.BNZ, ctx, t!.block);
        if (e!.block !== ctx.nextBlock) branch(buf, Op.JMP, ctx, e!.block);
      }
      return;
    }
    case 'jmp':
      branch(buf, Op.JMP, ctx, inst.targets[0]!.block);
      return;
    case 'call':
      buf.put32(header(Op.CALL));
      buf.put32(d.callee);
      return;
    case 'ret':
      emitEpilogue(buf, ctx.frame);
      return;
    case 'mkref':
    case 'refbits':
      buf.put32(header(d.op === 'mkref' ? Op.MKREF : Op.REFBITS, r(0), r(1)));
      return;
  }
}

function formatFake(inst: MachInst<FakeData>): string {
  const d = inst.data;
  const regs = inst.operands.map((o) => (o.vreg >= 0 ? `${regName(o.preg)}:v${o.vreg}` : regName(o.preg))).join(', ');
  const extra =
    d.op === 'pure'
      ? ` ${d.name}`
      : d.op === 'li' || d.op === 'lf'
        ? ` #${d.imm}`
        : d.op === 'call'
          ? ` @${d.callee}`
          : '';
  const targets = inst.targets.map((t) => ` ^${t.block.name}(${t.args.map((a) => `v${a}`).join(', ')})`).join('');
  return `${d.op}${extra} ${regs}${targets}`;
}

export const fakeTarget: MachineTarget<FakeData, FakeFixup> = {
  name: 'fake',
  pinned: [],
  regs: {
    int: { allocatable: INT_ALLOCATABLE, scratch: INT_SCRATCH },
    float: { allocatable: FLOAT_ALLOCATABLE, scratch: FLOAT_SCRATCH },
  },
  frame: { wordSize: 4, stackAlignment: 8, returnAddress: 'register' },
  regName,
  lower: lowerFake,
  move: (cls, dst, src) => machInst<FakeData>({ op: cls === 'int' ? 'mov' : 'fmov' }, [physDef(dst), physUse(src)]),
  load: (type, dst, slot) => machInst<FakeData>({ op: 'load', type, at: { kind: 'slot', slot } }, [physDef(dst)]),
  store: (type, slot, src) => machInst<FakeData>({ op: 'store', type, at: { kind: 'slot', slot } }, [physUse(src)]),
  jump: (to) => machInst<FakeData>({ op: 'jmp' }, [], { jump: true, targets: [{ block: to, args: [] }] }),
  emitPrologue(buf, frame) {
    if (frame.size > 0) {
      buf.put32(header(Op.SUBSP));
      buf.put32(frame.size);
    }
    if (frame.savesReturnAddress) {
      buf.put32(header(Op.STW, LR));
      buf.put32(frame.returnAddressOffset!);
    }
  },
  emit: emitFake,
  patch(code, fixup, site, target) {
    const rel = (target - site) | 0;
    new DataView(code.buffer, code.byteOffset).setInt32(fixup.at, rel, true);
  },
  format: formatFake,
};
