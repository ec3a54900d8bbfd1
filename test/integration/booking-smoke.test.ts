import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../support/test-context.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

it('searches and books', async () => {
  const headers = await ctx.auth({ role: 'patient', patient: '9993874035' });
  const t0 = performance.now();
  const search = await ctx.app.inject({ method: 'POST', url: '/api/booking/search', headers, payload: { patientId: 1 } });
  console.log('search ms', performance.now() - t0, search.statusCode);
  const body = search.json();
  console.log(JSON.stringify(body, null, 1).slice(0, 3000));
  const slotId = body.options[0].slotId;
  const booked = await ctx.app.inject({ method: 'POST', url: '/api/appointments', headers, payload: { patientId: 1, slotId } });
  console.log(booked.statusCode, JSON.stringify(booked.json(), null, 1));
  expect(booked.statusCode).toBe(201);
});
