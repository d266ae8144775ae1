import { TABLE_SLOT_BYTES } from '../runtime/memory-map.ts';

/**
 * The function table lives in guest memory (see runtime/static-image.ts): slot i is two
 * words, [code address, signature id]. A function value is a table index, so an indirect
 * call loads the code address from here, and replacing a function rewrites one word.
 * Encoders read the offsets for `call_indirect`; the JIT's code cache installs code here.
 */
export const FUNCTION_SLOT_BYTES = TABLE_SLOT_BYTES;
export const CODE_ADDRESS_OFFSET = 0;
export const SIGNATURE_ID_OFFSET = 4;

export function functionSlotAddress(tableBase: number, index: number): number {
  return tableBase + index * FUNCTION_SLOT_BYTES;
}

/** Points slot `index` at `codeAddress` (the signature word was written when the table was built). */
export function installFunction(
  writeWord: (address: number, value: number) => void,
  tableBase: number,
  index: number,
  codeAddress: number,
): void {
  writeWord(functionSlotAddress(tableBase, index) + CODE_ADDRESS_OFFSET, codeAddress >>> 0);
}
