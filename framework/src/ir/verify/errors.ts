import type { Block, Func } from '../module.ts';

/** One problem found by the verifier, located as precisely as the check allows. */
export class VerifyError {
  constructor(
    /** Function name, or '' for module-level declarations. */
    readonly func: string,
    /** Block name, or '' when the problem is not inside one block. */
    readonly block: string,
    /** Index of the instruction in its block, or -1. */
    readonly instIndex: number,
    /** Opcode name of that instruction, or ''. */
    readonly op: string,
    readonly message: string,
    /** `file:line:col` of the instruction, block label or function in the text it was read
     *  from; '' for IR built in memory (or made by a pass), which has no text. */
    readonly location = '',
  ) {}

  /** `fib.jir:7:3: @fib ^rec #3 (call): argument 1 has type f64, expected i32` (without the
   *  location for IR built in memory); `module: ...` for declarations. */
  toString(): string {
    if (this.func === '') return `module: ${this.message}`;
    let where = `@${this.func}`;
    if (this.block !== '') where += ` ^${this.block}`;
    if (this.instIndex >= 0) where += ` #${this.instIndex} (${this.op})`;
    return `${this.location === '' ? '' : `${this.location}: `}${where}: ${this.message}`;
  }
}

/** Where something of `f` at source offset `pos` is, or '' when it was not read from text. */
function locate(f: Func, pos: number): string {
  return f.source !== null && pos >= 0 ? f.source.describe(pos) : '';
}

/** Thrown by `assertValid`; the message lists every error, one per line. */
export class VerifyFailure extends Error {
  constructor(readonly errors: readonly VerifyError[]) {
    // Said once, so that a message without file:line:col does not look like an omission.
    const inMemory =
      errors.some((e) => e.func !== '') && errors.every((e) => e.location === '')
        ? ' (in IR built in memory, which has no source positions)'
        : '';
    super(
      `IR verification failed with ${errors.length} error(s)${inMemory}:\n${errors.map((e) => `  ${e}`).join('\n')}`,
    );
    this.name = 'VerifyFailure';
  }
}

/** Collects errors; the helpers fill in the location so checks only phrase the problem. */
export class ErrorSink {
  readonly errors: VerifyError[] = [];

  module(message: string): void {
    this.errors.push(new VerifyError('', '', -1, '', message));
  }

  func(f: Func, message: string): void {
    this.errors.push(new VerifyError(f.name, '', -1, '', message, locate(f, f.pos)));
  }

  block(f: Func, b: Block, message: string): void {
    this.errors.push(new VerifyError(f.name, b.name, -1, '', message, locate(f, b.pos)));
  }

  inst(f: Func, b: Block, index: number, message: string): void {
    const inst = b.insts[index];
    this.errors.push(
      new VerifyError(f.name, b.name, index, inst?.op.name ?? '', message, locate(f, inst ? inst.pos : -1)),
    );
  }
}
