import { EXIT } from './exit-codes.ts';
import type { CliIo } from './io.ts';
import { loadCliRegistry } from './load-plugins.ts';
import { pluginsCommand } from './plugins-command.ts';
import { quickParse } from './quick-args.ts';
import { reportError } from './report-error.ts';
import { pluginModules, toRunConfig } from './run-options.ts';
import { testCommand } from './test-command.ts';

/**
 * The whole `jitc` command as a function: argv in, exit status out. Everything thrown
 * is caught here and reported as one message, so the user never sees a host stack.
 * yargs, plugins and the run machinery are imported only once the command needs them, so
 * that a plain run loads none of the others (nor koffi without a native backend).
 */
export async function runCli(commandLine: readonly string[], io: CliIo): Promise<number> {
  let file: string | undefined;
  // Words after FILE that are not options, and all that follows `--`, belong to the
  // program (`jitc prog.py a b`, `jitc prog.pl -- a -b`).
  const dash = commandLine.indexOf('--');
  const argv = dash < 0 ? commandLine : commandLine.slice(0, dash);
  const programArgs = dash < 0 ? [] : commandLine.slice(dash + 1);
  try {
    // yargs is loaded only for command lines the quick reader leaves to it.
    const command = quickParse(argv) ?? (await import('./args.ts')).parseCommandLine(argv);
    switch (command.kind) {
      case 'shown':
        io.stdout(command.text.endsWith('\n') ? command.text : `${command.text}\n`);
        return EXIT.ok;
      case 'version':
        io.stdout([command.text, ...(await unicornVersionLines(io.env))].join('\n') + '\n');
        return EXIT.ok;
      case 'plugins':
        return pluginsCommand(await loadCliRegistry(undefined, command.plugins, io.cwd), io);
      case 'conformance': {
        const registry = await loadCliRegistry(undefined, command.options.plugins, io.cwd);
        const { conformanceCommand } = await import('./conformance-command.ts');
        return await conformanceCommand(registry, command.options, io);
      }
      case 'run': {
        file = command.file;
        const config = toRunConfig(command.options);
        const needs = { file: command.file, backend: config.backend, gc: config.gc };
        const external = pluginModules(command.options);
        const registry = await loadCliRegistry(needs, external, io.cwd);
        const { registerCommandServices, runCommand } = await import('./run-command.ts');
        registerCommandServices(registry, io.env, { keepPrograms: external.length === 0 });
        const request = {
          file: command.file,
          config,
          emit: command.emit,
          entry: command.entry,
          goal: command.goal,
          argv: [...command.args, ...programArgs],
          stats: command.options.stats ?? false,
        };
        return runCommand(registry, request, io);
      }
      case 'test':
        return await testCommand(
          await loadCliRegistry(undefined, pluginModules(command.options), io.cwd),
          command.paths,
          toRunConfig(command.options),
          io,
          { bless: command.bless },
        );
    }
  } catch (err) {
    const report = reportError(err, io.env, file);
    if (report.message !== '') io.stderr(`${report.message}\n`);
    return report.exitCode;
  }
}

/**
 * Which Unicorn a native run would use, and why others were not used. Imported only
 * here, on demand: other commands must not load koffi before a native backend runs.
 */
async function unicornVersionLines(env: CliIo['env']): Promise<string[]> {
  try {
    const { unicornReport } = await import('#framework/emu');
    return unicornReport(env);
  } catch (err) {
    return [`unicorn: cannot look for it (${err instanceof Error ? err.message.split('\n')[0] : String(err)})`];
  }
}
