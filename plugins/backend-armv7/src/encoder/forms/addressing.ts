// Addressing modes shared by the single-register load/store forms:
// [rn, #±imm], [rn, #±imm]!, [rn], #±imm and the same with a ±register offset.
import { immAsm } from '../form.ts';
import { regName, type Operands } from '../operands.ts';

export type IndexMode = 'offset' | 'pre' | 'post';
export const INDEX_MODES: readonly IndexMode[] = ['offset', 'pre', 'post'];

export function indexModeSuffix(mode: IndexMode): string {
  return mode === 'offset' ? '' : `.${mode}`;
}

/** P (bit 24) and W (bit 21) for a mode. Post-indexing with W set would be the user-mode `t` variant. */
export function indexBits(mode: IndexMode): number {
  const p = mode === 'post' ? 0 : 1;
  const w = mode === 'pre' ? 1 : 0;
  return (p << 24) | (w << 21);
}

/** Writeback modes may not use the transfer register as the base (UNPREDICTABLE). */
export function writebackProblem(mode: IndexMode, ops: Operands, transferRegs: readonly string[]): string | undefined {
  if (mode === 'offset') return undefined;
  const base = ops['rn'];
  return transferRegs.some((name) => regOf(ops, name) === base)
    ? 'writeback base must differ from the transferred registers'
    : undefined;
}

function regOf(ops: Operands, name: string): number {
  if (name === 'rt+1') return (ops['rt'] as number) + 1;
  return ops[name] as number;
}

/** `[rn, #-4]`, `[rn, #-4]!`, `[rn], #-4` */
export function immAddressAsm(mode: IndexMode, rn: number, offset: number): string {
  const base = regName(rn);
  if (mode === 'post') return `[${base}], ${immAsm(offset)}`;
  return `[${base}, ${immAsm(offset)}]${mode === 'pre' ? '!' : ''}`;
}

/** `[rn, -rm]`, `[rn, rm, lsl #2]!`, `[rn], -rm` */
export function regAddressAsm(mode: IndexMode, rn: number, rm: number, subtract: boolean, shift = ''): string {
  const index = `${subtract ? '-' : ''}${regName(rm)}${shift}`;
  if (mode === 'post') return `[${regName(rn)}], ${index}`;
  return `[${regName(rn)}, ${index}]${mode === 'pre' ? '!' : ''}`;
}

/** The U bit (bit 23): add the offset. */
export function addBit(offsetOrSubtract: number | boolean): number {
  const adds = typeof offsetOrSubtract === 'boolean' ? !offsetOrSubtract : offsetOrSubtract >= 0;
  return adds ? 1 << 23 : 0;
}
