import { readFileSync } from 'node:fs';
import {
  parseInto,
  StdoutWriteError,
  Trap,
  UNPREPARED_LINKER,
  type Frontend,
  type LibraryLinker,
  type Func,
} from '#framework';
import { PROLOG_RUNTIME } from './compiler/library.ts';
import { compileProgram } from './compiler/program.ts';
import { compileDynamicPredicate } from './compiler/runtime-compile.ts';
import { prologHostFunctions } from './host/functions.ts';
import { RunStates } from './host/state.ts';
import { invalidUtf8, type InvalidUtf8 } from './reader/utf8-check.ts';

/** Prolog: `jitc prog.pl` consults the file and runs its initialization goals;
 *  `-g goal` runs a goal afterwards like `swipl -g goal -t halt`. */
export function prologFrontendWith(linker: LibraryLinker): Frontend {
  return {
    name: 'prolog',
    description: 'ISO Prolog (.pl) compiled to continuation-passing IR; SWI-Prolog is the oracle',
    extensions: ['.pl'],
    compile(source, file, options) {
      const library = linker.link(PROLOG_RUNTIME);
      const program = compileProgram(source, file, options.goal, library.meta, invalidBytes(source, file));
      const module = library.module;
      // The program's `@lookup` (and any library predicate it compiled again) replaces the library's.
      const replaced = new Set(program.replaces);
      const prepared = new Set<Func>(library.prepared);
      module.funcs = module.funcs.filter((f) => {
        if (!replaced.has(f.name)) return true;
        prepared.delete(f);
        return false;
      });
      // Bodies are read (and prepared) when first used: a predicate that never runs costs
      // only its text.
      parseInto(module, program.text, `${file}.jir`, { deferBodies: true });
      const states = new RunStates({
        syms: program.syms,
        ops: program.ops,
        staticPreds: program.staticPreds,
        userPreds: program.userPreds,
        dynamicPreds: program.dynamicPreds,
        dynamic: program.dynamic,
        compileDynamic: compileDynamicPredicate,
        factTables: program.factTables,
        goal: options.goal,
        argv: options.argv ?? [],
        warnings: program.warnings,
      });
      return {
        module,
        hosts: prologHostFunctions(states),
        entry: 'main',
        prepared,
        describeFailure(err) {
          // SWI-Prolog raises an I/O error from the write; the goal that ran it fails with it
          // (-g GOAL: status 2; an initialization goal: reported, and the run ends with 0).
          if (err instanceof StdoutWriteError) {
            return {
              message: `Warning: goal raised exception: error(io_error(write,user_output),context(_,'${err.reason}'))`,
              exitCode: options.goal === undefined ? 0 : 2,
            };
          }
          const last = states.last;
          if (last && err instanceof Trap && err.kind === 'host_error' && /halt\(\d+\)/.test(err.detail)) {
            states.last = null;
            return { message: last.stderr.replace(/\n$/, ''), exitCode: last.exitCode };
          }
          if (err instanceof Trap && err.kind === 'host_error' && /halt\((\d+)\)/.test(err.detail)) {
            return { message: '', exitCode: Number(/halt\((\d+)\)/.exec(err.detail)![1]) };
          }
          return null;
        },
      };
    },
  };
}

/** The frontend building its runtime library into every program (no linker given). */
export const prologFrontend: Frontend = prologFrontendWith(UNPREPARED_LINKER);

/** The file's bytes that are not UTF-8 (the text came decoded, with U+FFFD for each); the
 *  file is read again only when the text holds a U+FFFD. */
function invalidBytes(source: string, file: string): InvalidUtf8[] {
  if (!source.includes('\uFFFD')) return [];
  try {
    return invalidUtf8(readFileSync(file));
  } catch {
    return [];
  }
}
