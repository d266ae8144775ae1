/** Immediate refs of mini-Python (low bits `10`); small ints are `2n+1`. */
export const NONE = 2;
export const FALSE = 6;
export const TRUE = 10;

/** Built-in exception classes, as immediates `(16 + index) << 2 | 2`, each with its base. */
export const EXCEPTION_CLASSES: readonly (readonly [name: string, base: string | null])[] = [
  ['BaseException', null],
  ['Exception', 'BaseException'],
  ['ArithmeticError', 'Exception'],
  ['ZeroDivisionError', 'ArithmeticError'],
  ['OverflowError', 'ArithmeticError'],
  ['LookupError', 'Exception'],
  ['IndexError', 'LookupError'],
  ['KeyError', 'LookupError'],
  ['ValueError', 'Exception'],
  ['TypeError', 'Exception'],
  ['NameError', 'Exception'],
  ['UnboundLocalError', 'NameError'],
  ['RuntimeError', 'Exception'],
  ['RecursionError', 'RuntimeError'],
  ['NotImplementedError', 'RuntimeError'],
  ['AssertionError', 'Exception'],
  ['AttributeError', 'Exception'],
  ['StopIteration', 'Exception'],
  ['KeyboardInterrupt', 'BaseException'],
  ['MemoryError', 'Exception'],
  ['EOFError', 'Exception'],
  ['SystemExit', 'BaseException'],
];
const FIRST_CLASS = 16;

export function exceptionClassRef(name: string): number {
  const i = EXCEPTION_CLASSES.findIndex(([n]) => n === name);
  if (i < 0) throw new Error(`unknown exception class ${name}`);
  return ((FIRST_CLASS + i) << 2) | 2;
}

/** The class name of an exception-class immediate, or null for any other ref. */
export function exceptionClassName(ref: number): string | null {
  if ((ref & 3) !== 2) return null;
  return EXCEPTION_CLASSES[(ref >> 2) - FIRST_CLASS]?.[0] ?? null;
}

export function isSubclass(cls: string, base: string): boolean {
  for (let c: string | null = cls; c; c = EXCEPTION_CLASSES.find(([n]) => n === c)?.[1] ?? null)
    if (c === base) return true;
  return false;
}

/** `:iter.kind` of a generator object (compile/generators.ts; @py.next runs it). */
export const GENERATOR_KIND = 5;

/** `:func.varargs` flags: takes `*args`; binds through the runtime (keyword-only parameters
 *  or `**kwargs`, compile/functions.ts); takes `**kwargs`. */
export const FUNC_VARARGS = 1;
export const FUNC_KEYWORD_BOUND = 2;
export const FUNC_KWARGS = 4;

/** An immediate no program value can be (exception classes start at index 16): a required
 *  keyword-only parameter's default, and the first item of a tuple of bound arguments. */
export const REQUIRED = (15 << 2) | 2;
export const BOUND_MARK = REQUIRED;

/** The builtin constant NotImplemented, which operator methods return to decline
 *  (runtime/operators.jir tests for it as 58). */
export const NOT_IMPLEMENTED = (14 << 2) | 2;
