import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../cli/cli-command.ts';
import { testIO } from './cli-test-io.ts';
import { command } from './triage-eval.command.ts';

const dir = mkdtempSync(join(tmpdir(), 'hamlet-triage-eval-'));
function caseFile(name: string, lines: string[]): string {
  const file = join(dir, name);
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}
const line = (id: string, text: string, acceptable: string[], age = 40) =>
  JSON.stringify({ id, age, sex: 'male', text, acceptable });

const SMALL = caseFile('small.jsonl', [
  line('chest', 'Crushing chest pain spreading to my left arm', ['emergency'], 60),
  line('note', 'I need a fit note', ['routine']),
  line('cold', 'I have a cold', ['routine']), // engine says self_care: under-triage
]);

describe('hamlet triage-eval', () => {
  it('prints the figures as readable text', async () => {
    const { io, stdout } = testIO();
    expect(await command.run([SMALL, '--misses'], io)).toBe(0);
    const text = stdout();
    expect(text).toMatch(/Accuracy\s+2\/3\s+66\.7%/);
    expect(text).toMatch(/Emergency sensitivity\s+1\/1\s+100\.0%/);
    expect(text).toMatch(/Under-triage\s+1\/3\s+33\.3%/);
    expect(text).toMatch(/Over-triage\s+0\/3\s+0\.0%/);
    expect(text).toMatch(/Confusion matrix/);
    expect(text).toMatch(/under\s+cold: got self_care, acceptable routine/);
  });

  it('prints JSON with --json', async () => {
    const { io, stdout } = testIO();
    expect(await command.run([SMALL, '--json'], io)).toBe(0);
    const report = JSON.parse(stdout());
    expect(report).toMatchObject({
      total: 3,
      correct: 2,
      underTriage: { count: 1 },
      emergency: { cases: 1, correct: 1 },
    });
    expect(report.confusion.routine.self_care).toBe(1);
    expect(report.engine.id).toBe('rules');
  });

  it('--gate exits 1 when the go-live gate fails', async () => {
    const { io, stdout } = testIO();
    expect(await command.run([SMALL, '--gate'], io)).toBe(1);
    expect(stdout()).toMatch(/Go-live gate: FAILED/);
  });

  it('reports bad case lines with their number and exits 1', async () => {
    const file = caseFile('bad.jsonl', [
      line('ok', 'I have a cold', ['self_care']),
      '{"id":"x","age":3,"sex":"male","text":"t","acceptable":["soon"]}',
    ]);
    const { io, stderr } = testIO();
    expect(await command.run([file], io)).toBe(1);
    expect(JSON.parse(stderr().trim())).toMatchObject({ line: 2 });
  });

  it('needs exactly one file', async () => {
    const { io } = testIO();
    await expect(command.run([], io)).rejects.toBeInstanceOf(UsageError);
    await expect(command.run([SMALL, SMALL], io)).rejects.toBeInstanceOf(UsageError);
  });
});
