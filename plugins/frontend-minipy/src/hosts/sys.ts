import { exceptionMessage, typeName } from './format.ts';
import { asNum } from './numbers.ts';
import type { Py } from './py-context.ts';
import { stdin } from './stdin.ts';
import { FALSE, NONE, TRUE } from '../runtime/tags.ts';

/** `sys.stdin` is an iterator of a kind of its own: the runtime's `py.next` asks the host
 *  for its next line (null at the end), so `for line in sys.stdin` reads lazily. */
export const STDIN_KIND = 4;
const ITER_KIND_OFFSET = 20;

export function makeStdin(py: Py): number {
  const it = py.allocStruct(py.t.iter);
  py.setRef(it, 4, NONE);
  py.setWord(it + ITER_KIND_OFFSET, STDIN_KIND);
  return it;
}

export function isStdin(py: Py, v: number): boolean {
  return py.typeOf(v) === py.t.iter && py.word(v + ITER_KIND_OFFSET) === STDIN_KIND;
}

/** The next line of standard input, or null (0) at its end. */
export function stdinNext(py: Py): number {
  const line = stdin().readLine();
  return line === '' ? 0 : py.makeStr(line);
}

/** `input(prompt)`: the prompt goes to stdout; the line comes back without its newline. */
export function input(py: Py, prompt: string): number {
  if (prompt !== '') py.ctx.out.write(prompt);
  const line = stdin().readLine();
  if (line === '') py.raise('EOFError', 'EOF when reading a line');
  return py.makeStr(line.endsWith('\n') ? line.slice(0, -1) : line);
}

function noArgs(py: Py, name: string, args: number[]): void {
  if (args.length > 0) py.raise('TypeError', `${name}() takes no arguments (${args.length} given)`);
}

/** A size argument (`readline(n)`, `read(n)`): negative or None reads everything. */
function sizeArg(py: Py, args: number[]): number {
  if (args.length > 1) py.raise('TypeError', `expected at most 1 argument, got ${args.length}`);
  if (args.length === 0 || args[0] === NONE) return -1;
  const n = asNum(py, args[0]!);
  if (!n || n.int === undefined)
    return py.raise('TypeError', `argument should be integer or None, not '${typeName(py, args[0]!)}'`);
  return Number(n.int);
}

/** The lines left on standard input. */
export function readAllLines(): string[] {
  const lines: string[] = [];
  for (let l = stdin().readLine(); l !== ''; l = stdin().readLine()) lines.push(l);
  return lines;
}

/** sys.stdin's methods. */
export function stdinMethod(py: Py, name: string, args: number[]): number {
  switch (name) {
    case 'readline': {
      if (sizeArg(py, args) >= 0) py.raise('TypeError', 'sys.stdin.readline(size) is not supported');
      return py.makeStr(stdin().readLine());
    }
    case 'read': {
      if (sizeArg(py, args) >= 0) py.raise('TypeError', 'sys.stdin.read(size) is not supported');
      return py.makeStr(stdin().readAll());
    }
    case 'readlines': {
      noArgs(py, 'readlines', args);
      const lines = readAllLines();
      const refs = py.holdAll(lines.map(() => NONE));
      for (let i = 0; i < lines.length; i++) refs[i] = py.makeStr(lines[i]!);
      return py.makeList(refs);
    }
  }
  return py.raise('AttributeError', `'_io.TextIOWrapper' object has no attribute '${name}'`);
}

/** An uncaught SystemExit: its code as the exit status (None: 0; an int: itself, as the
 *  OS keeps it; anything else is printed to stderr, status 1). */
export function exitStatus(py: Py, e: number): { status: number; message: string } {
  const args = py.tupleItems(py.word(e + 8));
  const code = args.length === 1 ? args[0]! : args.length === 0 ? NONE : -1;
  if (code === NONE) return { status: 0, message: '' };
  if (code === TRUE || code === FALSE) return { status: code === TRUE ? 1 : 0, message: '' };
  const n = code === -1 ? null : asNum(py, code);
  if (n && n.int !== undefined) return { status: Number(BigInt.asUintN(8, n.int)), message: '' };
  return { status: 1, message: exceptionMessage(py, e) };
}
