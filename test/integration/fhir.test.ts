// FHIR R4 under /fhir/r4 with GP Connect semantics; every resource emitted is checked against the official
// FHIR R4 JSON schema.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../support/test-context.ts';
import { findPatient, freeSlots, hubWithoutAgreementFor, type PatientRef } from './booking-support.ts';
import { fhirSchemaErrors } from './fhir-support.ts';

let ctx: TestContext;
let staff: Record<string, string>;
let patient: PatientRef;
const PRACTICE = 'Z84001';
type Resource = { resourceType: string; id?: string } & Record<string, unknown>;
type Bundle = Resource & { total: number; entry: { resource: Resource; search: { mode: string } }[]; link: { relation: string; url: string }[] };

beforeAll(async () => {
  ctx = await createTestContext();
  staff = await ctx.auth({ role: 'receptionist', practice: PRACTICE });
  patient = await findPatient(ctx, { practiceId: PRACTICE, optedOut: false });
});
afterAll(() => ctx.close());

async function fhir(method: 'GET' | 'POST' | 'PUT', path: string, options: { body?: unknown; headers?: Record<string, string> } = {}) {
  const response = await ctx.app.inject({
    method, url: `/fhir/r4${path}`, headers: { ...staff, ...(options.body ? { 'content-type': 'application/fhir+json' } : {}), ...options.headers },
    ...(options.body ? { payload: JSON.stringify(options.body) } : {}),
  });
  const resource = response.json() as Resource;
  expect(response.headers['content-type']).toMatch(/^application\/fhir\+json/);
  expect(fhirSchemaErrors(resource)).toEqual([]);
  return { status: response.statusCode, resource, headers: response.headers };
}

const week = 'start=ge2026-11-24T00:00:00%2B00:00&end=le2026-12-01T00:00:00+00:00'; // the second '+' unencoded, as clients send it

describe('FHIR R4', () => {
  it('publishes a CapabilityStatement without signing in', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: '/fhir/r4/metadata' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ resourceType: 'CapabilityStatement', fhirVersion: '4.0.1' });
    expect(fhirSchemaErrors(response.json())).toEqual([]);
  });

  it('searches free slots wholly inside the window, with schedules included, as a searchset Bundle', async () => {
    const { status, resource } = await fhir('GET', `/Slot?status=free&${week}&_include=Slot:schedule&_include:recurse=Schedule:actor:Practitioner&_count=150`);
    expect(status).toBe(200);
    const bundle = resource as Bundle;
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'searchset' });
    const slots = bundle.entry.filter((e) => e.search.mode === 'match').map((e) => e.resource);
    expect(slots.length).toBeGreaterThan(0);
    for (const slot of slots) {
      expect(slot.status).toBe('free');
      expect(Date.parse(slot.start as string)).toBeGreaterThanOrEqual(Date.parse('2026-11-24T00:00:00Z'));
      expect(Date.parse(slot.end as string)).toBeLessThanOrEqual(Date.parse('2026-12-01T00:00:00Z'));
    }
    const included = bundle.entry.filter((e) => e.search.mode === 'include').map((e) => e.resource.resourceType);
    expect(new Set(included)).toEqual(new Set(['Schedule', 'Practitioner']));
    const scheduleIds = new Set(bundle.entry.filter((e) => e.resource.resourceType === 'Schedule').map((e) => `Schedule/${e.resource.id}`));
    expect(bundle.total).toBeGreaterThan(slots.length);
    for (const slot of slots) expect(scheduleIds.has((slot.schedule as { reference: string }).reference)).toBe(true);
    const ids = slots.map((s) => Number(s.id));
    const rows = await ctx.database.db.selectFrom('slot').select(['id', 'status', 'practice_id', 'hub_id']).where('id', 'in', ids).execute();
    expect(rows.every((r) => r.status === 'free')).toBe(true);
  });

  it('filters by practitioner, delivery channel and service type', async () => {
    const [slot] = await freeSlots(ctx, { practiceId: PRACTICE }, { mode: 'telephone', after: new Date('2026-11-24T00:00:00Z') });
    const byPractitioner = (await fhir('GET', `/Slot?status=free&${week}&schedule.actor=Practitioner/${slot!.staff_id}&delivery-channel=Telephone`)).resource as Bundle;
    expect(byPractitioner.entry.length).toBeGreaterThan(0);
    for (const { resource } of byPractitioner.entry) {
      expect((resource.schedule as { reference: string }).reference).toMatch(new RegExp(`^Schedule/${slot!.staff_id}\\.`));
      expect(JSON.stringify(resource.extension)).toContain('"code":"Telephone"');
    }
    const general = (await fhir('GET', `/Slot?status=free&${week}&service-type=general_practice&_count=5`)).resource as Bundle;
    expect(general.entry).toHaveLength(5);
    expect(general.link.find((l) => l.relation === 'next')?.url).toContain('_offset=5');
  });

  it('refuses a window over 14 days, or without status=free, with an OperationOutcome', async () => {
    const tooLong = await fhir('GET', '/Slot?status=free&start=ge2026-11-24&end=le2026-12-09');
    expect(tooLong.status).toBe(400);
    expect(tooLong.resource).toMatchObject({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'invalid' }] });
    expect((await fhir('GET', `/Slot?${week}`)).status).toBe(400);
    expect((await fhir('GET', '/Slot?status=free&start=ge2026-11-24&end=le2026-12-07&_count=20')).status).toBe(200);
  });

  it('books with POST Appointment (201 + Location), reads it with its ETag, answers 409 when the slot is taken, cancels with If-Match', async () => {
    const [slot] = await freeSlots(ctx, { practiceId: PRACTICE }, { after: new Date('2026-11-25T00:00:00Z') });
    const request = {
      resourceType: 'Appointment', status: 'booked', slot: [{ reference: `Slot/${slot!.id}` }], description: 'Cough for three weeks',
      participant: [{ actor: { reference: `Patient/${patient.id}` }, status: 'accepted' }],
    };
    expect(fhirSchemaErrors(request)).toEqual([]);
    const created = await fhir('POST', '/Appointment', { body: request });
    expect(created.status).toBe(201);
    const id = created.resource.id!;
    expect(created.headers.location).toMatch(new RegExp(`/fhir/r4/Appointment/${id}/_history/1$`));
    expect(created.resource).toMatchObject({ status: 'booked', slot: [{ reference: `Slot/${slot!.id}` }], description: 'Cough for three weeks' });
    const read = await fhir('GET', `/Appointment/${id}`);
    expect(read.headers.etag).toBe('W/"1"');
    const taken = await fhir('POST', '/Appointment', { body: request });
    expect(taken.status).toBe(409);
    expect(JSON.stringify(taken.resource)).toContain('DUPLICATE_REJECTED');
    const cancel = { ...read.resource, status: 'cancelled', cancelationReason: { text: 'Patient request' } };
    expect((await fhir('PUT', `/Appointment/${id}`, { body: cancel })).status).toBe(412);
    expect((await fhir('PUT', `/Appointment/${id}`, { body: cancel, headers: { 'if-match': 'W/"7"' } })).status).toBe(412);
    const cancelled = await fhir('PUT', `/Appointment/${id}`, { body: cancel, headers: { 'if-match': 'W/"1"' } });
    expect(cancelled.status).toBe(200);
    expect(cancelled.resource).toMatchObject({ status: 'cancelled', cancelationReason: { text: 'Patient request' } });
    expect(cancelled.headers.etag).toBe('W/"2"');
    expect(((await fhir('GET', `/Slot/${slot!.id}`)).resource).status).toBe('free');
    const listed = (await fhir('GET', `/Appointment?patient=Patient/${patient.id}&date=ge2026-11-01`)).resource as Bundle;
    expect(listed.entry.map((e) => e.resource.id)).toContain(id);
  });

  it('finds patients by NHS number, by name and birth date, with _count paging, only where the caller may see them', async () => {
    const byNumber = (await fhir('GET', `/Patient?identifier=https://fhir.nhs.uk/Id/nhs-number|${patient.nhs}`)).resource as Bundle;
    expect(byNumber.total).toBe(1);
    const found = byNumber.entry[0]!.resource;
    expect(found).toMatchObject({ id: String(patient.id), identifier: [{ system: 'https://fhir.nhs.uk/Id/nhs-number', value: patient.nhs }] });
    const family = ((found.name as { family: string }[])[0]!).family;
    const byName = (await fhir('GET', `/Patient?name=${encodeURIComponent(family)}&birthdate=${found.birthDate}`)).resource as Bundle;
    expect(byName.entry.map((e) => e.resource.id)).toContain(String(patient.id));
    const paged = (await fhir('GET', '/Patient?name=a&_count=2')).resource as Bundle;
    expect(paged.entry).toHaveLength(2);
    expect(paged.total).toBeGreaterThan(2);
    expect(paged.link.find((l) => l.relation === 'next')!.url).toContain('_offset=2');
    const { hubId, practiceId } = await hubWithoutAgreementFor(ctx);
    const outsider = await findPatient(ctx, { practiceId });
    const hub = await fhir('GET', `/Patient?identifier=https://fhir.nhs.uk/Id/nhs-number|${outsider.nhs}`, { headers: await ctx.auth({ role: 'hub_staff', hub: hubId }) });
    expect((hub.resource as Bundle).total).toBe(0);
    expect((await fhir('GET', `/Patient/${outsider.id}`, { headers: await ctx.auth({ role: 'hub_staff', hub: hubId }) })).status).toBe(403);
    expect((await fhir('GET', '/Patient?name=a', { headers: await ctx.auth({ role: 'commissioner' }) })).status).toBe(403);
  });

  it('reads every resource type by id, and answers unknown ids with a 404 OperationOutcome', async () => {
    const [slot] = await freeSlots(ctx, { practiceId: PRACTICE });
    const schedule = (await fhir('GET', `/Schedule?actor=Practitioner/${slot!.staff_id}`)).resource as Bundle;
    expect(schedule.entry.length).toBeGreaterThan(0);
    const reads = [`/Slot/${slot!.id}`, `/Schedule/${slot!.staff_id}.${slot!.site_id}`, `/Practitioner/${slot!.staff_id}`, `/Location/${slot!.site_id}`, `/Patient/${patient.id}`];
    for (const path of reads) expect((await fhir('GET', path)).status).toBe(200);
    expect(((await fhir('GET', '/Location?name=hub')).resource as Bundle).entry.length).toBeGreaterThan(0);
    expect(((await fhir('GET', '/Practitioner?name=a&_count=3')).resource as Bundle).entry).toHaveLength(3);
    const missing = await fhir('GET', '/Appointment/999999999');
    expect(missing.status).toBe(404);
    expect(missing.resource).toMatchObject({ resourceType: 'OperationOutcome', issue: [{ code: 'not-found' }] });
    const anonymous = await ctx.app.inject({ method: 'GET', url: `/fhir/r4/Slot?status=free&${week}` });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().resourceType).toBe('OperationOutcome');
  });
});
