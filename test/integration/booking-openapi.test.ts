// Every booking and FHIR route is in the OpenAPI document, with its request and response schemas.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../support/test-context.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

it('documents the booking, waiting-list, capacity and FHIR routes', async () => {
  const doc = (await ctx.app.inject({ method: 'GET', url: '/api/docs/json' })).json();
  const paths = Object.keys(doc.paths);
  expect(paths).toEqual(expect.arrayContaining([
    '/api/booking/search', '/api/appointments', '/api/appointments/{id}', '/api/patients/{patientId}/appointments', '/api/appointments/{id}/cancel',
    '/api/appointments/{id}/rebook', '/api/appointments/{id}/outcome', '/api/appointments/{id}/calendar.ics', '/api/waiting-list',
    '/api/waiting-list/{id}/accept', '/api/waiting-list/{id}/decline', '/api/capacity', '/api/enhanced-access',
    '/fhir/r4/metadata', '/fhir/r4/Slot', '/fhir/r4/Slot/{id}', '/fhir/r4/Schedule', '/fhir/r4/Practitioner/{id}', '/fhir/r4/Location/{id}',
    '/fhir/r4/Patient', '/fhir/r4/Patient/{id}', '/fhir/r4/Appointment', '/fhir/r4/Appointment/{id}',
  ]));
  expect(doc.paths['/api/appointments'].post.requestBody.content['application/json'].schema.required).toEqual(['patientId', 'slotId']);
  expect(doc.paths['/api/appointments'].post.responses['201']).toBeDefined();
  expect(doc.paths['/api/booking/search'].post.responses['200'].content['application/json'].schema.properties.options).toBeDefined();
});
