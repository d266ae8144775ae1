import { Trap, parseModule, type Frontend } from '#framework';
import { compileProgram } from './compiler/program.ts';
import { prologHostFunctions } from './host/functions.ts';
import { RunStates } from './host/state.ts';

/** Prolog: `jitc prog.pl` consults the file and runs its initialization goals;
 *  `-g goal` runs a goal afterwards like `swipl -g goal -t halt`. */
export const prologFrontend: Frontend = {
  name: 'prolog',
  description: 'ISO Prolog (.pl) compiled to continuation-passing IR; SWI-Prolog is the oracle',
  extensions: ['.pl'],
  compile(source, file, options) {
    const program = compileProgram(source, file, options.goal);
    const module = parseModule(program.text, `${file}.jir`);
    const states = new RunStates({ syms: program.syms, ops: program.ops, staticPreds: program.staticPreds, dynamicPreds: program.dynamicPreds, dynamic: program.dynamic });
    return {
      module,
      hosts: prologHostFunctions(states),
      entry: 'main',
      describeFailure(err) {
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
