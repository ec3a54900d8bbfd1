// Runs a CLI command in-process and collects what it wrote.
import { PassThrough } from 'node:stream';
import type { CliCommand } from '../cli/cli-command.ts';

export async function runCommand(command: CliCommand, args: string[], stdinText = '') {
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  stdin.end(stdinText);
  const code = await command.run(args, { stdin, stdout, stderr, env: {} });
  return { code, stdout: out, stderr: err };
}

export function fixturePath(name: string): string {
  return new URL(`../../test/fixtures/insights/${name}`, import.meta.url).pathname;
}
