/**
 * What symbol slots name. The opcode table says only that a `sym` slot holds an `@name`
 * and a `type` slot a `:T`; which declaration kind is meant is the one fact the verifier
 * must know per opcode. A new opcode with a symbol slot must be added here (the verifier
 * reports it otherwise).
 */
export type SymSlotMeaning = 'callable' | 'function' | 'global' | 'const';

export const SYM_SLOT_MEANING: ReadonlyMap<string, SymSlotMeaning> = new Map<string, SymSlotMeaning>([
  ['call', 'callable'],
  ['tail_call', 'callable'],
  ['gget', 'global'],
  ['gset', 'global'],
  ['gaddr', 'const'],
  ['fref', 'function'],
]);

export const TYPE_SLOT_MEANING: ReadonlyMap<string, 'struct' | 'array'> = new Map<string, 'struct' | 'array'>([
  ['new', 'struct'],
  ['new_array', 'array'],
  ['aget', 'array'],
  ['aset', 'array'],
]);
