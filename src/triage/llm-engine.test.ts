import { describe, expect, it } from 'vitest';
import { createLlmEngine } from './llm-engine.ts';

type Call = { url: string; init: RequestInit };

function fakeFetch(reply: (call: Call) => Response | Promise<Response>) {
  const calls: Call[] = [];
  const fetch = (async (url: string | URL | Request, init?: RequestInit) => {
    const call = { url: String(url), init: init ?? {} };
    calls.push(call);
    return reply(call);
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}

const chat = (content: string) =>
  new Response(JSON.stringify({ choices: [{ message: { content } }] }), { status: 200 });

describe('LLM triage engine', () => {
  it('posts an OpenAI-compatible chat request and uses the model disposition', async () => {
    const { fetch, calls } = fakeFetch(() => chat('{"disposition":"urgent","reasons":["possible pneumonia"]}'));
    const engine = createLlmEngine({ baseUrl: 'http://llm.test/v1/', model: 'tiny', apiKey: 'k', fetch });
    const outcome = await engine.triage({ age: 40, sex: 'male', text: 'I have a cough and a cold' });
    expect(calls[0]?.url).toBe('http://llm.test/v1/chat/completions');
    expect((calls[0]?.init.headers as Record<string, string>).authorization).toBe('Bearer k');
    const body = JSON.parse(String(calls[0]?.init.body));
    expect(body).toMatchObject({ model: 'tiny', temperature: 0, response_format: { type: 'json_object' } });
    expect(outcome.disposition).toBe('urgent');
    expect(outcome.service).toBe('same_day_clinician');
    expect(outcome.reasons[0]).toEqual({ ruleId: 'llm:tiny', summary: 'possible pneumonia', quote: '' });
    expect(outcome.rulesVersion).toMatch(/\+llm:tiny$/);
  });

  it('sends no Authorization header without a key and accepts fenced JSON', async () => {
    const { fetch, calls } = fakeFetch(() => chat('```json\n{"disposition":"self_care"}\n```'));
    const outcome = await createLlmEngine({ baseUrl: 'http://llm.test', model: 'm', fetch }).triage({
      age: 30,
      sex: 'female',
      text: 'runny nose',
    });
    expect((calls[0]?.init.headers as Record<string, string>).authorization).toBeUndefined();
    expect(outcome.disposition).toBe('self_care');
  });

  it("lets the rules engine's red flags win whatever the model would say", async () => {
    const { fetch, calls } = fakeFetch(() => chat('{"disposition":"self_care"}'));
    const engine = createLlmEngine({ baseUrl: 'http://llm.test', model: 'm', fetch });
    const outcome = await engine.triage({ age: 60, sex: 'male', text: 'Crushing chest pain spreading to my jaw' });
    expect(outcome.disposition).toBe('emergency');
    expect(calls).toHaveLength(0);
  });

  it.each([
    ['an HTTP error', () => new Response('busy', { status: 503 })],
    ['an invalid disposition', () => chat('{"disposition":"whenever"}')],
    ['non-JSON content', () => chat('I think this is fine')],
    ['a network failure', () => Promise.reject(new Error('connection refused'))],
  ])('falls back to the rules outcome on %s', async (_label, reply) => {
    const { fetch } = fakeFetch(reply);
    const outcome = await createLlmEngine({ baseUrl: 'http://llm.test', model: 'm', fetch }).triage({
      age: 30,
      sex: 'female',
      text: 'I need a fit note',
    });
    expect(outcome.disposition).toBe('routine');
    expect(outcome.service).toBe('admin_team');
    expect(outcome.reasons[0]?.ruleId).toBe('llm.fallback');
  });

  it('the model may raise a request to emergency', async () => {
    const { fetch } = fakeFetch(() => chat('{"disposition":"emergency","reasons":["worrying"]}'));
    const outcome = await createLlmEngine({ baseUrl: 'http://llm.test', model: 'm', fetch }).triage({
      age: 30,
      sex: 'female',
      text: 'I have a cold',
    });
    expect(outcome).toMatchObject({ disposition: 'emergency', service: 'emergency_999', nextQuestion: null });
  });
});
