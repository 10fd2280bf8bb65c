// The tiaodu command line: the same services the web application calls, run in-process.

import { Command, CommanderError } from 'commander';
import { EXIT_USAGE, reportError } from './output.ts';
import { checkOptionValues, speakChinese } from './usage.ts';

type Register = (program: Command) => void;

const files = async (): Promise<Register[]> => {
  const [imp, exp, indicators, supervision] = await Promise.all([
    import('./commands/import.command.ts'),
    import('./commands/export.command.ts'),
    import('./commands/indicators.command.ts'),
    import('./commands/supervision.command.ts'),
  ]);
  // After import and export: indicators and supervision add `import indicators|items` and `export indicators|items` to them.
  return [imp.registerImport, exp.registerExport, indicators.registerIndicators, supervision.registerSupervision];
};

/**
 * Each top-level command and the modules that declare it, in the order help lists them. Only the command being run is
 * loaded (with the services and drivers it needs), so `tiaodu --version` starts as fast as node itself; help and an
 * unknown command load them all. A new command is one more entry here.
 */
const COMMANDS: Record<string, () => Promise<Register[]>> = {
  init: async () => [(await import('./commands/init.command.ts')).registerInit],
  demo: async () => [(await import('./commands/demo.command.ts')).registerDemo],
  pool: async () => [(await import('./commands/pool.command.ts')).registerPool],
  serve: async () => [(await import('./commands/serve.command.ts')).registerServe],
  user: async () => [(await import('./commands/user.command.ts')).registerUser],
  import: files,
  export: files,
  indicators: files,
  round: async () => [(await import('./commands/round.command.ts')).registerRound],
  unit: async () => [(await import('./commands/unit.command.ts')).registerUnit],
  leader: async () => [(await import('./commands/leader.command.ts')).registerLeader],
  alerts: files,
  items: files,
  reserve: files,
  escalate: files,
  backup: async () => [(await import('./commands/backup.command.ts')).registerBackup],
  audit: async () => [(await import('./commands/audit.command.ts')).registerAudit],
  restore: async () => [(await import('./commands/backup.command.ts')).registerBackup],
  ...Object.fromEntries(['summary', 'pack'].map((name) => [name, async () => [(await import('./commands/documents.command.ts')).registerDocuments]])),
  ...Object.fromEntries(['funnel', 'leads', 'news'].map((name) => [name, async () => [(await import('./commands/attraction.command.ts')).registerAttraction]])),
};

/** The registrations the arguments need: the named command's, none for the version, otherwise all. */
async function registrationsFor(argv: readonly string[]): Promise<Register[]> {
  const first = argv[0];
  if (first !== undefined && Object.hasOwn(COMMANDS, first)) return COMMANDS[first]!();
  if (first === '-V' || first === '--version') return [];
  const all = await Promise.all(Object.values(COMMANDS).map((load) => load()));
  return [...new Set(all.flat())];
}

export async function buildProgram(argv: readonly string[] = []): Promise<Command> {
  const program = new Command('tiaodu').description('调度 tiaodu：县域经济工作的项目库、台账、月报、指标与督办');
  // Before the commands are declared: they inherit the words, the exit override and the error display.
  speakChinese(program).version('0.1.0', '-V, --version', '显示版本号').exitOverride();
  program.hook('preAction', (_program, command) => checkOptionValues(command));
  for (const register of await registrationsFor(argv)) register(program);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  try {
    await (await buildProgram(argv)).parseAsync(argv, { from: 'user' });
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
