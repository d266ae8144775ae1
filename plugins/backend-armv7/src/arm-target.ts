// The A32 MachineTarget: register classes, frame policy, lowering and encoding hooks.
import { machInst, physDef, physUse, type MachineTarget, type PReg } from '#framework';
import { withBranchOffset, branchOffsetWords } from './encoder/index.ts';
import type { ArmData, ArmFixup } from './arm-data.ts';
import {
  armRegName,
  D_SCRATCH,
  FLOAT_ALLOCATABLE,
  FUEL_REG,
  intAllocatable,
  IP,
  LR,
  STATIC_BASE_REG,
} from './arm-regs.ts';
import { emitArm } from './emit/emit-inst.ts';
import { emitArmPrologue } from './emit/prologue.ts';
import { lowerArmFunction } from './lower/lower-function.ts';
import type { ArmLoweringEnv } from './lower/lowering-env.ts';

export type ArmTarget = MachineTarget<ArmData, ArmFixup>;

/** A target for one program: lowering needs its addresses, indices and fuel setting. */
export function makeArmTarget(env: ArmLoweringEnv): ArmTarget {
  const ints = intAllocatable(env.fuel);
  const callClobbers: PReg[] = [...ints, ...FLOAT_ALLOCATABLE];
  return {
    name: 'armv7',
    regs: {
      int: { allocatable: ints, scratch: [IP] },
      float: { allocatable: FLOAT_ALLOCATABLE, scratch: [D_SCRATCH] },
    },
    frame: { wordSize: 4, stackAlignment: 8, returnAddress: 'value' },
    pinned: [
      { reg: STATIC_BASE_REG, role: 'static-base' },
      ...(env.fuel ? [{ reg: FUEL_REG, role: 'fuel' } as const] : []),
    ],
    regName: armRegName,
    lower: (func, ctx) => lowerArmFunction(env, callClobbers, func, ctx, env.patternCounts),
    move: (cls, dst, src) => machInst<ArmData>({ op: 'mov', float: cls === 'float' }, [physDef(dst), physUse(src)]),
    load: (type, dst, slot) => machInst<ArmData>({ op: 'spill', type, slot, load: true }, [physDef(dst)]),
    store: (type, slot, src) => machInst<ArmData>({ op: 'spill', type, slot, load: false }, [physUse(src)]),
    jump: (to) => machInst<ArmData>({ op: 'jump' }, [], { jump: true, targets: [{ block: to, args: [] }] }),
    emitPrologue: emitArmPrologue,
    emit: emitArm,
    patch(code, fixup, site, target) {
      const view = new DataView(code.buffer, code.byteOffset, code.byteLength);
      const word = view.getUint32(fixup.at, true);
      view.setUint32(fixup.at, withBranchOffset(word, branchOffsetWords(site, target)), true);
    },
    format: (mi) => `${mi.data.op} ${mi.operands.map((o) => armRegName(o.preg)).join(', ')}`,
  };
}
