import type { Expr, Stmt } from '../syntax/ast.ts';
import type { FunctionCompiler } from './function-compiler.ts';
import { unsupported } from './context.ts';

// `import sys`: the module is no value; each use `sys.X` is compiled where it stands.
// sys.argv and sys.stdin are made once, before the module body runs, into IR globals.
export const SYS_GLOBALS = { argv: 'sys.argv', stdin: 'sys.stdin' } as const;

/** Whether the program has an `import sys` anywhere (at any depth). A work list, not
 *  recursion: an elif chain is a deep nest of ifs. */
export function importsSys(body: Stmt[]): boolean {
  const work: Stmt[] = [...body];
  while (work.length > 0) {
    const s = work.pop()!;
    switch (s.kind) {
      case 'import':
        return true;
      case 'if':
      case 'while':
      case 'for':
        pushAll(work, s.body, s.orelse);
        break;
      case 'def':
      case 'class':
        pushAll(work, s.body);
        break;
      case 'try':
        pushAll(work, s.body, s.orelse, s.finalbody);
        for (const h of s.handlers) pushAll(work, h.body);
        break;
      default:
    }
  }
  return false;
}

/** Appends without spreading into arguments: a body may have 100 000 statements. */
function pushAll(out: Stmt[], ...lists: readonly Stmt[][]): void {
  for (const list of lists) for (const s of list) out.push(s);
}

/** Whether `e` is the name `sys` standing for the module here (not shadowed by a variable). */
export function isSysModule(fc: FunctionCompiler, e: Expr): boolean {
  return (
    e.kind === 'name' &&
    e.id === 'sys' &&
    fc.info.importsSys &&
    !fc.info.globals.has('sys') &&
    !fc.locals?.has('sys') &&
    !fc.renames.has('sys') &&
    !(fc.scope?.free.includes('sys') ?? false)
  );
}

/** `sys.name` as a value. */
export function sysAttribute(fc: FunctionCompiler, name: string, at: Expr): number {
  if (name === 'argv' || name === 'stdin') return fc.b.emit('gget', [], { sym: SYS_GLOBALS[name] });
  if (name === 'exit') return unsupported(fc.info, 'sys.exit used as a value is not supported (call it)', at);
  return unsupported(fc.info, `sys.${name} is not supported (sys has argv, stdin and exit)`, at);
}

/** `sys.exit(...)`: raises SystemExit with the arguments (CPython checks at most one). */
export function sysExitCall(fc: FunctionCompiler, args: number[]): number {
  fc.call('py.sys_exit', [fc.tuple(args)], null);
  fc.b.emit('unreachable');
  fc.enterDead();
  return fc.none();
}
