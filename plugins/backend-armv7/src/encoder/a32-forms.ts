// The encoder table: every A32 + VFPv3-D16 instruction form the backend can emit.
import { EncodingError, encodeChecked, type A32Form } from './form.ts';
import { BRANCH_FORMS } from './forms/branch.ts';
import { DATA_PROCESSING_FORMS } from './forms/data-processing.ts';
import { LOAD_STORE_EXTRA_FORMS } from './forms/load-store-extra.ts';
import { LOAD_STORE_MULTIPLE_FORMS } from './forms/load-store-multiple.ts';
import { LOAD_STORE_FORMS } from './forms/load-store.ts';
import { MISC_FORMS } from './forms/misc.ts';
import { MULTIPLY_FORMS } from './forms/multiply.ts';
import { VFP_ARITHMETIC_FORMS } from './forms/vfp-arithmetic.ts';
import { VFP_CONVERT_FORMS } from './forms/vfp-convert.ts';
import { VFP_TRANSFER_FORMS } from './forms/vfp-transfer.ts';
import type { Operands } from './operands.ts';

export const A32_FORMS: readonly A32Form[] = [
  ...DATA_PROCESSING_FORMS,
  ...MULTIPLY_FORMS,
  ...LOAD_STORE_FORMS,
  ...LOAD_STORE_EXTRA_FORMS,
  ...LOAD_STORE_MULTIPLE_FORMS,
  ...BRANCH_FORMS,
  ...MISC_FORMS,
  ...VFP_ARITHMETIC_FORMS,
  ...VFP_CONVERT_FORMS,
  ...VFP_TRANSFER_FORMS,
];

export const A32_FORM_BY_NAME: ReadonlyMap<string, A32Form> = (() => {
  const byName = new Map<string, A32Form>();
  for (const form of A32_FORMS) {
    if (byName.has(form.name)) throw new Error(`duplicate A32 form name ${form.name}`);
    byName.set(form.name, form);
  }
  return byName;
})();

export function a32Form(name: string): A32Form {
  const form = A32_FORM_BY_NAME.get(name);
  if (form === undefined) throw new EncodingError(name, 'no such instruction form');
  return form;
}

/** Encodes one instruction of form `name`, checking its operands. */
export function encodeA32(name: string, ops: Operands): number {
  return encodeChecked(a32Form(name), ops);
}

/** The GNU as line for one instruction of form `name` (for `--emit asm` and tests). */
export function a32Asm(name: string, ops: Operands): string {
  return a32Form(name).toAsm(ops);
}
