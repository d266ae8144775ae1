// The x86-64 MachineTarget: register classes, frame policy, lowering and encoding hooks.
import { machInst, physDef, physUse, type LoweringEnv, type MachineTarget, type PReg } from '#framework';
import { emitX86 } from './emit/emit-inst.ts';
import { emitX86Prologue } from './emit/prologue.ts';
import { lowerX86Function } from './lower/lower-function.ts';
import type { X86Data, X86Fixup } from './data/x86-data.ts';
import {
  FLOAT_ALLOCATABLE,
  FUEL_REG,
  intAllocatable,
  R11,
  STATIC_BASE_REG,
  x86RegName,
  XMM_SCRATCH,
} from './data/x86-regs.ts';

export type X86Target = MachineTarget<X86Data, X86Fixup>;

/** A target for one program: lowering needs its addresses, indices and fuel setting. */
export function makeX86Target(env: LoweringEnv): X86Target {
  const ints = intAllocatable(env.fuel);
  const callClobbers: PReg[] = [...ints, ...FLOAT_ALLOCATABLE];
  return {
    name: 'x86-ref',
    regs: {
      int: { allocatable: ints, scratch: [R11] },
      float: { allocatable: FLOAT_ALLOCATABLE, scratch: [XMM_SCRATCH] },
    },
    // The call pushes an 8-byte return address; frames keep rsp 16-aligned at calls.
    frame: { wordSize: 8, stackAlignment: 16, returnAddress: 'pushed' },
    pinned: [
      { reg: STATIC_BASE_REG, role: 'static-base' },
      ...(env.fuel ? [{ reg: FUEL_REG, role: 'fuel' } as const] : []),
    ],
    regName: x86RegName,
    lower: (func, ctx) => lowerX86Function(env, callClobbers, func, ctx),
    move: (cls, dst, src) => machInst<X86Data>({ op: 'mov', float: cls === 'float' }, [physDef(dst), physUse(src)]),
    load: (type, dst, slot) => machInst<X86Data>({ op: 'spill', type, slot, load: true }, [physDef(dst)]),
    store: (type, slot, src) => machInst<X86Data>({ op: 'spill', type, slot, load: false }, [physUse(src)]),
    jump: (to) => machInst<X86Data>({ op: 'jump' }, [], { jump: true, targets: [{ block: to, args: [] }] }),
    emitPrologue: emitX86Prologue,
    emit: emitX86,
    patch(code, fixup, site, target) {
      // The rel32 field ends the instruction: relative to the field's end.
      const view = new DataView(code.buffer, code.byteOffset, code.byteLength);
      view.setInt32(fixup.at, (target - (site + 4)) | 0, true);
    },
    format: (mi) => `${mi.data.op} ${mi.operands.map((o) => x86RegName(o.preg)).join(', ')}`,
  };
}
