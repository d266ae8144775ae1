// One row of the encoder table: an instruction form with named, typed operands,
// its encoding, and the GNU as syntax it must assemble to the same bytes as.
import { isModifiedImmediate } from './modified-immediate.ts';
import { AL, DREG_COUNT, SREG_COUNT, condSuffix, type Cond, type OperandSpec, type Operands } from './operands.ts';
import { isVfpImmediate } from './vfp-immediate.ts';

export interface A32Form<O extends Operands = Operands> {
  /** Unique, e.g. 'add.imm', 'adds.reg.lsl', 'ldr.imm.pre', 'vadd.f64'. */
  readonly name: string;
  readonly operands: { readonly [K in keyof O]: OperandSpec };
  /** Cross-operand rules (UNPREDICTABLE combinations): a reason when `ops` break one. */
  constraint?(ops: O): string | undefined;
  /** The instruction word; operands are assumed valid (see `encodeChecked`). */
  encode(ops: O): number;
  /** GNU as syntax (`.syntax unified`) for the same instruction. */
  toAsm(ops: O): string;
}

export class EncodingError extends RangeError {
  constructor(formName: string, reason: string) {
    super(`${formName}: ${reason}`);
    this.name = 'EncodingError';
  }
}

/** Why `value` does not satisfy `operandSpec`, or undefined when it does. */
export function operandProblem(operandSpec: OperandSpec, value: unknown): string | undefined {
  switch (operandSpec.kind) {
    case 'cond':
      if (!isIntIn(value, 0, AL)) return 'is not a condition code 0..14';
      return operandSpec.always === true && value !== AL ? 'must be AL (the instruction is unconditional)' : undefined;
    case 'reg':
      return isIntIn(value, 0, 15) && operandSpec.allowed.includes(value) ? undefined : 'is not an allowed register';
    case 'dreg':
      return isIntIn(value, 0, DREG_COUNT - 1) ? undefined : `is not d0..d${DREG_COUNT - 1}`;
    case 'sreg':
      return isIntIn(value, 0, SREG_COUNT - 1) ? undefined : `is not s0..s${SREG_COUNT - 1}`;
    case 'int': {
      if (!isIntIn(value, operandSpec.min, operandSpec.max))
        return `is not an integer in ${operandSpec.min}..${operandSpec.max}`;
      const step = operandSpec.multipleOf;
      return step !== undefined && value % step !== 0 ? `is not a multiple of ${step}` : undefined;
    }
    case 'flag':
      return typeof value === 'boolean' ? undefined : 'is not a boolean';
    case 'modimm':
      return typeof value === 'number' && isModifiedImmediate(value) ? undefined : 'has no modified-immediate encoding';
    case 'vfpimm':
      return typeof value === 'number' && isVfpImmediate(value) ? undefined : 'has no VFP immediate encoding';
    case 'reglist': {
      if (!Array.isArray(value) || value.length === 0) return 'is not a non-empty register list';
      if (operandSpec.maxLength !== undefined && value.length > operandSpec.maxLength) return 'is too long';
      const list = value as readonly unknown[];
      const ascending = list.every((reg, i) => i === 0 || (reg as number) > (list[i - 1] as number));
      const allowed = list.every((reg) => isIntIn(reg, 0, 15) && operandSpec.allowed.includes(reg));
      return ascending && allowed ? undefined : 'must list allowed registers in ascending order';
    }
  }
}

/** Encodes after checking every operand and the form's constraint; throws EncodingError. */
export function encodeChecked<O extends Operands>(form: A32Form<O>, ops: O): number {
  for (const name of Object.keys(form.operands) as (keyof O & string)[]) {
    const problem = operandProblem(form.operands[name], ops[name]);
    if (problem !== undefined) throw new EncodingError(form.name, `operand ${name} = ${String(ops[name])} ${problem}`);
  }
  const broken = form.constraint?.(ops);
  if (broken !== undefined) throw new EncodingError(form.name, broken);
  return form.encode(ops) >>> 0;
}

function isIntIn(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

// ---- helpers for form definitions --------------------------------------------------

/** `mnemonic` + condition, with a VFP data-type suffix after the condition (`vaddeq.f64`). */
export function mnemonic(base: string, cond: Cond, dataType = ''): string {
  return `${base}${condSuffix(cond)}${dataType}`;
}

export function condBits(cond: Cond): number {
  return (cond << 28) >>> 0;
}

/** `#-4`, `#0x1f`: immediates as GNU as reads them. */
export function immAsm(value: number): string {
  return value < 0 ? `#-${-value}` : value > 255 ? `#0x${value.toString(16)}` : `#${value}`;
}
