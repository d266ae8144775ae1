import type { FieldDecl, GlobalDecl, Inst, TypeDecl } from '../module.ts';
import type { FieldKind } from '../types.ts';
import type { SymbolIndex } from './symbols.ts';

/**
 * Lookups of what an instruction's symbol slots name. Each returns undefined when the
 * symbol does not resolve; the slot check reports why, so callers just skip.
 */
export function structOf(syms: SymbolIndex, inst: Inst): Extract<TypeDecl, { kind: 'struct' }> | undefined {
  const t = syms.types.get(inst.sym);
  return t?.kind === 'struct' ? t : undefined;
}

export function arrayOf(syms: SymbolIndex, inst: Inst): Extract<TypeDecl, { kind: 'array' }> | undefined {
  const t = syms.types.get(inst.sym);
  return t?.kind === 'array' ? t : undefined;
}

export function fieldOf(syms: SymbolIndex, inst: Inst): FieldDecl | undefined {
  return structOf(syms, inst)?.fields.find((fd) => fd.name === inst.field);
}

export function globalOf(syms: SymbolIndex, inst: Inst): GlobalDecl | undefined {
  return syms.globals.get(inst.sym);
}

/** A memory slot an instruction reads or writes through its symbol slot. */
export interface Location {
  kind: FieldKind;
  describe: string;
}

/** The slot named by a `field` slot (struct field), a `type` slot (array element) or a
 *  `sym` slot (global); null when the opcode names none of these. */
export function locationOf(syms: SymbolIndex, inst: Inst): Location | null | undefined {
  const slots = inst.op.slots;
  if (slots.includes('field')) {
    const fd = fieldOf(syms, inst);
    return fd && { kind: fd.kind, describe: `field :${inst.sym}.${inst.field}` };
  }
  if (slots.includes('type')) {
    const t = arrayOf(syms, inst);
    return t && { kind: t.elem, describe: `element of :${inst.sym}` };
  }
  if (slots.includes('sym')) {
    const g = globalOf(syms, inst);
    return g && { kind: g.type, describe: `global @${inst.sym}` };
  }
  return null;
}
