// In-process streams for running CLI commands in tests.
import { PassThrough } from 'node:stream';
import type { CliIO } from '../cli/cli-command.ts';

export function testIO(stdinText = ''): { io: CliIO; stdout: () => string; stderr: () => string } {
  const stdin = new PassThrough();
  const out = new PassThrough();
  const err = new PassThrough();
  let stdout = '';
  let stderr = '';
  out.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  err.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  stdin.end(stdinText);
  return { io: { stdin, stdout: out, stderr: err, env: {} }, stdout: () => stdout, stderr: () => stderr };
}
