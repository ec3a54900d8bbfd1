// Where the insights commands get their CSV: a file, or standard input for `-`.
import { readFile } from 'node:fs/promises';
import type { Readable } from 'node:stream';

async function readAll(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

export async function readInput(
  path: string,
  stdin: Readable,
): Promise<{ ok: true; text: string } | { ok: false; message: string }> {
  if (path === '-') return { ok: true, text: await readAll(stdin) };
  try {
    return { ok: true, text: await readFile(path, 'utf8') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, message: `cannot read ${path}${code ? ` (${code})` : ''}` };
  }
}
