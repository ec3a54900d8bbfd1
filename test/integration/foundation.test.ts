import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../support/test-context.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

describe('foundation over HTTP', () => {
  it('reports healthy once ready', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: '/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
  });

  it('serves the OpenAPI document with every route documented', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(response.statusCode).toBe(200);
    const doc = response.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/health', '/api/practices', '/api/stats']));
  });

  it('lists the seeded practices, hubs and their sharing agreements', async () => {
    const practices = (await ctx.app.inject({ method: 'GET', url: '/api/practices' })).json();
    expect(practices).toHaveLength(36);
    expect(practices[0]).toMatchObject({ id: expect.stringMatching(/^Z84\d{3}$/), sites: expect.any(Array) });
    const hubs = (await ctx.app.inject({ method: 'GET', url: '/api/hubs' })).json();
    expect(hubs).toHaveLength(4);
    const signed = hubs.flatMap((h: { sharingAgreementPracticeIds: string[] }) => h.sharingAgreementPracticeIds);
    expect(signed.length).toBe(34); // two practices have not signed
  });

  it('refuses a malformed practice code with field and reason, and an unknown one with 404', async () => {
    const bad = await ctx.app.inject({ method: 'GET', url: '/api/practices/not!valid' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'invalid_input', field: expect.stringContaining('id') });
    const missing = await ctx.app.inject({ method: 'GET', url: '/api/practices/Z84999' });
    expect(missing.statusCode).toBe(404);
  });

  it('rejects an invalid bearer token rather than treating the caller as anonymous', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: '/api/practices', headers: { authorization: 'Bearer not-a-token' } });
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('unauthenticated');
  });

  it('runs on the database the suite was started for', () => {
    expect(ctx.kind).toBe(process.env.HAMLET_TEST_DATABASE_URL ? 'postgres' : 'pglite');
  });
});
