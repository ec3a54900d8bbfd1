import { describe, expect, it } from 'vitest';
import { testIO } from './cli-test-io.ts';
import { command } from './triage.command.ts';

describe('hamlet triage', () => {
  it('writes one JSON line per request with disposition, service and reasons', async () => {
    const input = [
      JSON.stringify({ id: 'a', age: 60, sex: 'male', text: 'Crushing chest pain going down my arm' }),
      '',
      JSON.stringify({ id: 7, age: 30, sex: 'female', text: 'I need a fit note' }),
    ].join('\n');
    const { io, stdout, stderr } = testIO(input);
    expect(await command.run([], io)).toBe(0);
    const lines = stdout()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ id: 'a', disposition: 'emergency', service: 'emergency_999' });
    expect(lines[0].reasons[0]).toMatch(/^red-flag\.chest-pain-cardiac: /);
    expect(lines[1]).toMatchObject({ id: '7', disposition: 'routine', service: 'admin_team' });
    expect(stderr()).toBe('');
  });

  it('reports bad lines on stderr with their line number, carries on, and exits 1', async () => {
    const input = [
      'not json',
      JSON.stringify({ id: 'b', age: 30, sex: 'other', text: 'x' }),
      JSON.stringify({ id: 'c', age: 30, sex: 'female', text: 'Sore throat' }),
      JSON.stringify({ id: 'd', age: -1, sex: 'female', text: 'x' }),
    ].join('\n');
    const { io, stdout, stderr } = testIO(input);
    expect(await command.run([], io)).toBe(1);
    const errors = stderr()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(errors.map((e) => e.line)).toEqual([1, 2, 4]);
    expect(errors[0].error).toBe('not valid JSON');
    expect(JSON.parse(stdout().trim())).toMatchObject({ id: 'c', disposition: 'self_care' });
  });

  it('refuses unknown options', async () => {
    const { io } = testIO('');
    await expect(command.run(['--nope'], io)).rejects.toThrow();
  });
});
