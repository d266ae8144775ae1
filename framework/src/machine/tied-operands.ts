import type { MachFunction } from './machine-function.ts';
import { def, use, type MachInst } from './machine-inst.ts';
import type { RegClass, VReg } from './regs.ts';

/** Makes a register-to-register move over virtual registers from the target's move. */
export type VRegMove<D> = (cls: RegClass, dst: VReg, src: VReg) => MachInst<D>;

/**
 * Two-address instructions (a def that reuses a use's register) get a fresh copy of that
 * use, made right before them: the copy dies at the instruction, so the def can always take
 * its register, and the copy is coalesced away whenever the original also dies there.
 */
export function insertReuseCopies<D>(mf: MachFunction<D>, move: VRegMove<D>): void {
  for (const b of mf.blocks) {
    const out: MachInst<D>[] = [];
    for (const inst of b.insts) {
      const tied = inst.operands.filter((o) => o.kind === 'def' && o.reuse >= 0);
      if (tied.length === 0) {
        out.push(inst);
        continue;
      }
      const operands = [...inst.operands];
      for (const d of tied) {
        const u = operands[d.reuse];
        if (!u || u.kind !== 'use') throw new Error(`${mf.name}: a def reuses operand ${d.reuse}, which is not a use`);
        const copy = mf.vregs.create(mf.vregs.typeOf(u.vreg));
        out.push(move(mf.vregs.classOf(u.vreg), copy, u.vreg));
        operands[d.reuse] = use(copy);
      }
      out.push({ ...inst, operands });
    }
    b.insts = out;
  }
}

/** The target's move, retargeted from physical registers to virtual ones. The target's move
 *  has operands [def dst, use src]. */
export function vregMoveFrom<D>(physMove: (cls: RegClass) => MachInst<D>): VRegMove<D> {
  return (cls, dst, src) => ({ ...physMove(cls), operands: [def(dst), use(src)], move: true });
}
