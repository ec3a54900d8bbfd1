import type { Readable, Writable } from 'node:stream';

/** The streams a command reads and writes: injected so tests run commands in-process. */
export interface CliIO {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
  env: Record<string, string | undefined>;
}

/** One `bin/hamlet` sub-command. `run` resolves to the process exit code. */
export interface CliCommand {
  summary: string;
  /** Full help text, printed for `--help`. */
  usage: string;
  run(args: string[], io: CliIO): Promise<number>;
}

/** Thrown for bad command-line arguments: printed with the usage, exit code 2. */
export class UsageError extends Error {}
