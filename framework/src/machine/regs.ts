import type { ValType } from '../ir/types.ts';

/** The two register files every target has: integers (and refs) and doubles. */
export type RegClass = 'int' | 'float';
export const REG_CLASSES: readonly RegClass[] = ['int', 'float'];

/** A virtual register's type: the layer must know which spill slots hold refs (for stack
 *  maps) and how wide a slot is. It is the IR's value type. */
export type VRegType = ValType;

/** A physical register: a small number the target defines (its encoder's register number
 *  or any other numbering it likes, as long as int and float registers do not collide). */
export type PReg = number;

/** A virtual register: an index into the function's VRegTable. */
export type VReg = number;

/** No register: an operand names a physical register directly, or a constraint is absent. */
export const NO_REG = -1;

export function regClassOf(type: VRegType): RegClass {
  return type === 'f64' ? 'float' : 'int';
}

/** Bytes a spill slot of this type takes; f64 slots are also 8-byte aligned. */
export function slotBytes(type: VRegType): number {
  return type === 'f64' ? 8 : 4;
}

/** The virtual registers of one function, with their types. */
export class VRegTable {
  private readonly types: VRegType[] = [];

  get count(): number {
    return this.types.length;
  }

  create(type: VRegType): VReg {
    this.types.push(type);
    return this.types.length - 1;
  }

  typeOf(v: VReg): VRegType {
    const t = this.types[v];
    if (t === undefined) throw new Error(`no virtual register v${v}`);
    return t;
  }

  classOf(v: VReg): RegClass {
    return regClassOf(this.typeOf(v));
  }
}
