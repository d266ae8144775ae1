import { Registry } from '../registry.ts';
import { parseCommandLine } from './args.ts';
import { EXIT } from './exit-codes.ts';
import type { CliIo } from './io.ts';
import { pluginsCommand } from './plugins-command.ts';
import { CLI_PLUGINS } from './plugins-list.ts';
import { reportError } from './report-error.ts';
import { runCommand } from './run-command.ts';
import { toRunConfig } from './run-options.ts';
import { testCommand } from './test-command.ts';

/**
 * The whole `jitc` command as a function: argv in, exit status out. Everything thrown
 * is caught here and reported as one message, so the user never sees a host stack.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let file: string | undefined;
  try {
    const command = parseCommandLine(argv);
    switch (command.kind) {
      case 'shown':
        io.stdout(command.text.endsWith('\n') ? command.text : `${command.text}\n`);
        return EXIT.ok;
      case 'version':
        io.stdout([command.text, ...(await unicornVersionLines(io.env))].join('\n') + '\n');
        return EXIT.ok;
      case 'plugins':
        return pluginsCommand(new Registry(CLI_PLUGINS), io);
      case 'run': {
        file = command.file;
        const config = toRunConfig(command.options);
        const request = { file: command.file, config, emit: command.emit, entry: command.entry, goal: command.goal, stats: command.options.stats ?? false };
        return runCommand(new Registry(CLI_PLUGINS), request, io);
      }
      case 'test':
        return await testCommand(new Registry(CLI_PLUGINS), command.paths, toRunConfig(command.options), io);
    }
  } catch (err) {
    const report = reportError(err, io.env, file);
    io.stderr(`${report.message}\n`);
    return report.exitCode;
  }
}

/**
 * Which Unicorn a native run would use, and why others were not used. Imported only
 * here, on demand: other commands must not load koffi before a native backend runs.
 */
async function unicornVersionLines(env: CliIo['env']): Promise<string[]> {
  try {
    const { unicornReport } = await import('../emu/unicorn-probe.ts');
    return unicornReport(env);
  } catch (err) {
    return [`unicorn: cannot look for it (${err instanceof Error ? err.message.split('\n')[0] : String(err)})`];
  }
}
