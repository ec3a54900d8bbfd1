// bin/hamlet: one entry point, each command loaded only when it is called so the CLI starts fast.
import { parseArgs } from 'node:util';
import type { CliCommand, CliIO } from './cli-command.ts';
import { UsageError } from './cli-command.ts';

const COMMANDS: Record<string, () => Promise<{ command: CliCommand }>> = {
  serve: () => import('../server/serve.command.ts'),
  seed: () => import('../borough/seed.command.ts'),
  stats: () => import('../borough/stats.command.ts'),
  triage: () => import('../triage/triage.command.ts'),
  'triage-eval': () => import('../triage/triage-eval.command.ts'),
  spc: () => import('../insights/spc.command.ts'),
  continuity: () => import('../insights/continuity.command.ts'),
  token: () => import('../trust/token.command.ts'),
  backup: () => import('../trust/backup.command.ts'),
  restore: () => import('../trust/restore.command.ts'),
};

async function loadCommand(name: string): Promise<CliCommand | undefined> {
  const load = COMMANDS[name];
  if (!load) return undefined;
  try {
    return (await load()).command;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND') return undefined;
    throw error;
  }
}

async function overview(): Promise<string> {
  const lines = ['Usage: hamlet <command> [options]', '', 'Commands:'];
  for (const name of Object.keys(COMMANDS)) {
    const command = await loadCommand(name);
    if (command) lines.push(`  ${name.padEnd(13)} ${command.summary}`);
  }
  lines.push('', 'Run `hamlet <command> --help` for the options of a command.');
  return lines.join('\n') + '\n';
}

export async function main(argv: string[], io: CliIO): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(await overview());
    return name ? 0 : 2;
  }
  const command = await loadCommand(name);
  if (!command) {
    io.stderr.write(`hamlet: unknown command '${name}'\n\n${await overview()}`);
    return 2;
  }
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout.write(command.usage.endsWith('\n') ? command.usage : command.usage + '\n');
    return 0;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof UsageError || (error as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr.write(`hamlet ${name}: ${(error as Error).message}\n\n${command.usage}\n`);
      return 2;
    }
    throw error;
  }
}

/** parseArgs with Hamlet's conventions: strict, no stray positionals unless asked for. */
export function parseCommandArgs<T extends NonNullable<Parameters<typeof parseArgs>[0]>['options']>(
  args: string[],
  options: T,
  allowPositionals = false,
) {
  return parseArgs({ args, options, strict: true, allowPositionals });
}

if (import.meta.main) {
  const io: CliIO = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env };
  main(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`hamlet: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
