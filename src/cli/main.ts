// The tiaodu command line: the same services the web application calls, run in-process.

import { Command, CommanderError } from 'commander';
import { registerDemo } from './commands/demo.command.ts';
import { registerInit } from './commands/init.command.ts';
import { registerPool } from './commands/pool.command.ts';
import { registerServe } from './commands/serve.command.ts';
import { registerUser } from './commands/user.command.ts';
import { registerImport } from './commands/import.command.ts';
import { registerExport } from './commands/export.command.ts';
import { registerIndicators } from './commands/indicators.command.ts';
import { registerRound } from './commands/round.command.ts';
import { registerSupervision } from './commands/supervision.command.ts';
import { EXIT_USAGE, reportError } from './output.ts';

export function buildProgram(): Command {
  const program = new Command('tiaodu')
    .description('调度 tiaodu：县域经济工作的项目库、台账、月报、指标与督办')
    .version('0.1.0')
    .showHelpAfterError('（用 --help 查看用法）')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  registerInit(program);
  registerDemo(program);
  registerPool(program);
  registerServe(program);
  registerUser(program);
  registerImport(program);
  registerExport(program);
  // After import and export: it adds `import indicators` and `export indicators` to them.
  registerIndicators(program);
  registerRound(program);
  // After import and export, like the indicators: it adds `import items` and `export items`.
  registerSupervision(program);
  const all = (c: Command): Command[] => [c, ...c.commands.flatMap(all)];
  for (const c of all(program)) c.exitOverride();
  return program;
}

export async function main(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv, { from: 'user' });
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version end here too, with exit code 0.
      return e.exitCode === 0 ? 0 : EXIT_USAGE;
    }
    return reportError(e);
  }
}

const code = await main(process.argv.slice(2));
if (code !== 0) process.exitCode = code;
