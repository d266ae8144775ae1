import type { FinalBlock, FinalCode, FinalInst } from './final-code.ts';
import { locKey } from './location.ts';
import type { MachBlock, MachFunction } from './machine-function.ts';
import type { BranchTarget } from './machine-inst.ts';
import type { VReg } from './regs.ts';

/** Which vregs' current values each register or slot holds ('r3', 's1'). A constant that
 *  can be rematerialized has a pseudo-location of its own ('c7' for v7), so that a block
 *  parameter fed by it is known to equal what a later rematerialization produces. */
type State = Map<string, Set<VReg>>;

export class AllocationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AllocationError';
  }
}

/**
 * Replays allocated code symbolically, independent of how it was allocated: every register
 * and slot is tracked as the set of vregs whose current value it holds, through moves,
 * loads, stores, rematerializations, clobbers and edges (where block arguments become
 * parameters). At merges the sets are intersected. Then every use must find its vreg in
 * the register the operand names, and every slot a call's stack map lists must hold a ref.
 */
export function checkAllocation<D>(mf: MachFunction<D>, code: FinalCode<D>): void {
  const entry = new Map<MachBlock, State>();
  entry.set(code.blocks[0]!.block, new Map());
  for (let changed = true; changed; ) {
    changed = false;
    for (const fb of code.blocks) {
      const start = entry.get(fb.block);
      if (!start) continue;
      const exit = runBlock(mf, fb, clone(start), false);
      for (const t of fb.insts[fb.insts.length - 1]!.inst.targets) {
        const incoming = acrossEdge(exit, t);
        const old = entry.get(t.block);
        const merged = old ? intersect(old, incoming) : incoming;
        if (!old || !sameState(old, merged)) {
          entry.set(t.block, merged);
          changed = true;
        }
      }
    }
  }
  for (const fb of code.blocks) {
    const start = entry.get(fb.block);
    if (start) runBlock(mf, fb, clone(start), true);
  }
}

function runBlock<D>(mf: MachFunction<D>, fb: FinalBlock<D>, state: State, check: boolean): State {
  for (const fi of fb.insts) step(mf, fb, fi, state, check);
  return state;
}

function step<D>(mf: MachFunction<D>, fb: FinalBlock<D>, fi: FinalInst<D>, state: State, check: boolean): void {
  const note = fi.note;
  if (note.kind === 'copy') {
    state.set(locKey(note.dst), new Set(state.get(locKey(note.src)) ?? []));
    return;
  }
  if (note.kind === 'remat') {
    state.set(`r${note.dst}`, new Set(state.get(`c${note.vreg}`) ?? [note.vreg]));
    return;
  }
  const inst = fi.inst;
  const where = (): string => `${mf.name}: block ${fb.block.name}, instruction #${note.index}`;
  if (check) {
    for (const op of inst.operands) {
      if (op.kind !== 'use' || op.vreg < 0) continue;
      if (op.through) {
        const inSlot = [...state].some(([loc, held]) => loc.startsWith('s') && held.has(op.vreg));
        if (inst.call && !inSlot)
          throw new AllocationError(`${where()}: v${op.vreg} is not in a stack slot at the call`);
        continue;
      }
      const held = state.get(`r${op.preg}`);
      if (!held?.has(op.vreg)) {
        const holding = held && held.size > 0 ? [...held].map((v) => `v${v}`).join(' ') : 'nothing known';
        throw new AllocationError(`${where()}: reads v${op.vreg} from register ${op.preg}, which holds ${holding}`);
      }
    }
    for (const slot of fi.refSlots) {
      const held = state.get(`s${slot.id}`);
      if (!held || ![...held].some((v) => mf.vregs.typeOf(v) === 'ref')) {
        throw new AllocationError(`${where()}: the stack map lists slot ${slot.id}, which holds no ref`);
      }
    }
  }
  for (const p of inst.clobbers) state.delete(`r${p}`);
  for (const op of inst.operands) if (op.kind === 'def') state.delete(`r${op.preg}`);
  for (const op of inst.operands) {
    if (op.kind !== 'def' || op.vreg < 0) continue;
    for (const held of state.values()) held.delete(op.vreg);
    state.set(`r${op.preg}`, new Set([op.vreg]));
    if (inst.remat) state.set(`c${op.vreg}`, new Set([op.vreg]));
  }
}

/** Block arguments become the target's parameters; old values of those parameters die. */
function acrossEdge(state: State, t: BranchTarget): State {
  const params = t.block.params;
  const out: State = new Map();
  for (const [loc, held] of state) {
    const next = new Set([...held].filter((v) => !params.includes(v)));
    t.args.forEach((a, i) => {
      if (held.has(a)) next.add(params[i]!);
    });
    out.set(loc, next);
  }
  return out;
}

function clone(s: State): State {
  return new Map([...s].map(([k, v]) => [k, new Set(v)]));
}

function intersect(a: State, b: State): State {
  const out: State = new Map();
  for (const [k, va] of a) {
    const vb = b.get(k);
    if (vb) out.set(k, new Set([...va].filter((v) => vb.has(v))));
  }
  return out;
}

function sameState(a: State, b: State): boolean {
  const size = (s: State): number => [...s.values()].filter((x) => x.size > 0).length;
  if (size(a) !== size(b)) return false;
  for (const [k, va] of a) {
    if (va.size === 0) continue;
    const vb = b.get(k);
    if (!vb || vb.size !== va.size || [...va].some((v) => !vb.has(v))) return false;
  }
  return true;
}
