import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestContext, type TestContext } from '../support/test-context.ts';

let ctx: TestContext;
let practice: { id: string; pcn_id: string };
let otherPcnPractice: { id: string; pcn_id: string };
let patient: { id: number; nhs_number: string };
let otherPatient: { id: number; nhs_number: string };
let hubId: string;

beforeAll(async () => {
  ctx = await createTestContext();
  const { db } = ctx.database;
  // A practice that signed a hub's sharing agreement, one of its patients who did not opt out, and a practice in another PCN.
  const agreement = await db.selectFrom('hub_sharing_agreement').innerJoin('practice', 'practice.id', 'hub_sharing_agreement.practice_id')
    .select(['hub_sharing_agreement.hub_id', 'practice.id', 'practice.pcn_id']).where('revoked_on', 'is', null).orderBy('practice.id').executeTakeFirstOrThrow();
  hubId = agreement.hub_id;
  practice = { id: agreement.id, pcn_id: agreement.pcn_id };
  otherPcnPractice = await db.selectFrom('practice').select(['id', 'pcn_id']).where('pcn_id', '!=', practice.pcn_id).orderBy('id').executeTakeFirstOrThrow();
  patient = await db.selectFrom('patient').select(['id', 'nhs_number']).where('practice_id', '=', practice.id).where('opted_out_of_sharing', '=', false).orderBy('id').executeTakeFirstOrThrow();
  otherPatient = await db.selectFrom('patient').select(['id', 'nhs_number']).where('practice_id', '=', otherPcnPractice.id).orderBy('id').executeTakeFirstOrThrow();
});
afterAll(() => ctx.close());

const get = async (url: string, claims: Parameters<TestContext['auth']>[0]) => ctx.app.inject({ method: 'GET', url, headers: await ctx.auth(claims) });

describe('audit of patient data access', () => {
  it('records staff reads with who, role, organisation and why; hub access carries the legitimate-relationship reason', async () => {
    expect((await get(`/api/patients/${patient.id}/access-log`, { role: 'receptionist', practice: practice.id, sub: 'staff:rec-1' })).statusCode).toBe(200);
    expect((await get(`/api/patients/${patient.id}/access-log`, { role: 'hub_staff', hub: hubId, sub: 'staff:hub-1' })).statusCode).toBe(200);
    const rows = await ctx.database.db.selectFrom('audit_log').selectAll().where('patient_id', '=', patient.id).orderBy('id').execute();
    expect(rows.find((r) => r.actor_id === 'staff:rec-1')).toMatchObject({ actor_role: 'receptionist', actor_org: practice.id, action: 'access_log.read', details: { basis: 'own_practice' } });
    const hub = rows.find((r) => r.actor_id === 'staff:hub-1');
    expect(hub).toMatchObject({ actor_role: 'hub_staff', actor_org: hubId, details: { basis: 'hub_sharing_agreement' } });
    expect(hub!.reason).toMatch(/sharing agreement/i);
  });

  it('records refusals too', async () => {
    const refused = await get(`/api/patients/${otherPatient.id}/access-log`, { role: 'clinician', practice: practice.id, sub: 'staff:nosy' });
    expect(refused.statusCode).toBe(403);
    const row = await ctx.database.db.selectFrom('audit_log').selectAll().where('actor_id', '=', 'staff:nosy').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ action: 'access_log.read.refused', patient_id: otherPatient.id });
  });
});

describe('a patient sees who looked at their record', () => {
  it('shows role, organisation, when and why, and nothing about the member of staff as a person', async () => {
    const response = await get(`/api/patients/${patient.id}/access-log`, { role: 'patient', patient: patient.nhs_number });
    expect(response.statusCode).toBe(200);
    const { entries } = response.json();
    const receptionist = entries.find((e: { role: string }) => e.role === 'receptionist');
    expect(receptionist).toEqual({ at: expect.any(String), role: 'receptionist', organisation: { id: practice.id, name: expect.any(String) }, action: 'access_log.read', reason: null });
    expect(entries.find((e: { role: string }) => e.role === 'hub_staff').reason).toMatch(/sharing agreement/i);
    expect(response.body).not.toContain('staff:rec-1');
  });

  it("refuses another patient's access log", async () => {
    const response = await get(`/api/patients/${patient.id}/access-log`, { role: 'patient', patient: otherPatient.nhs_number });
    expect(response.statusCode).toBe(403);
  });
});

describe('staff search of the audit log', () => {
  it('lets a borough administrator search by patient, actor, action and date range', async () => {
    const admin = { role: 'admin' as const, sub: 'admin:1' };
    const byPatient = (await get(`/api/audit?patientId=${patient.id}`, admin)).json();
    expect(byPatient.entries.length).toBeGreaterThanOrEqual(3);
    expect(byPatient.entries.every((e: { patientId: number }) => e.patientId === patient.id)).toBe(true);
    const byActor = (await get('/api/audit?actor=staff:hub-1', admin)).json();
    expect(byActor.entries.map((e: { actor: { id: string } }) => e.actor.id)).toEqual(['staff:hub-1']);
    const byAction = (await get('/api/audit?action=access_log.read.refused', admin)).json();
    expect(byAction.entries.map((e: { actor: { id: string } }) => e.actor.id).sort()).toEqual(['staff:nosy', expect.stringMatching(/^test:patient:/)]);
    // The test clock is 2026-11-23 10:00 London.
    expect((await get('/api/audit?from=2026-11-23&to=2026-11-23&actor=staff:hub-1', admin)).json().entries).toHaveLength(1);
    expect((await get('/api/audit?from=2026-11-24&actor=staff:hub-1', admin)).json().entries).toHaveLength(0);
    expect((await get('/api/audit?to=2026-11-22&actor=staff:hub-1', admin)).json().entries).toHaveLength(0);
  });

  it('records each search', async () => {
    const rows = await ctx.database.db.selectFrom('audit_log').selectAll().where('actor_id', '=', 'admin:1').where('action', '=', 'audit.search').execute();
    expect(rows.length).toBeGreaterThanOrEqual(6);
  });

  it("limits a practice manager to their practice and a PCN lead to their network", async () => {
    const ownPractice = (await get(`/api/audit?patientId=${patient.id}`, { role: 'admin', practice: practice.id })).json();
    expect(ownPractice.entries.length).toBeGreaterThan(0);
    expect((await get(`/api/audit?patientId=${patient.id}`, { role: 'admin', practice: otherPcnPractice.id })).json().entries).toEqual([]);
    expect((await get(`/api/audit?patientId=${patient.id}`, { role: 'pcn_lead', pcn: practice.pcn_id })).json().entries.length).toBeGreaterThan(0);
    // The other PCN's lead sees only what their own network's staff did (here: that practice manager's search).
    const otherPcn = (await get(`/api/audit?patientId=${patient.id}`, { role: 'pcn_lead', pcn: otherPcnPractice.pcn_id })).json().entries;
    const otherPcnOrgs = [otherPcnPractice.pcn_id, ...(await ctx.database.db.selectFrom('practice').select('id').where('pcn_id', '=', otherPcnPractice.pcn_id).execute()).map((p) => p.id)];
    expect(otherPcn.map((e: { actor: { organisation: string }; action: string }) => [e.actor.organisation, e.action])).toEqual([[otherPcnPractice.id, 'audit.search']]);
    expect(otherPcnOrgs).toContain(otherPcnPractice.id);
  });

  it('refuses other staff, and rejects a malformed query with field and reason', async () => {
    expect((await get('/api/audit', { role: 'clinician', practice: practice.id })).statusCode).toBe(403);
    const bad = await get('/api/audit?from=23/11/2026', { role: 'admin' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'invalid_input', field: expect.stringContaining('from') });
  });
});

describe('tamper evidence', () => {
  it('verifies the chain', async () => {
    const response = await get('/api/audit/verify', { role: 'admin' });
    expect(response.json()).toMatchObject({ valid: true, firstBrokenId: null });
    expect(response.json().checked).toBeGreaterThan(5);
  });

  it('refuses UPDATE and DELETE on the audit log', async () => {
    const { db } = ctx.database;
    await expect(db.updateTable('audit_log').set({ reason: 'nothing to see' }).where('patient_id', '=', patient.id).execute()).rejects.toThrow(/append-only/);
    await expect(db.deleteFrom('audit_log').where('patient_id', '=', patient.id).execute()).rejects.toThrow(/append-only/);
    expect((await get('/api/audit/verify', { role: 'admin' })).json().valid).toBe(true);
  });

  it('shows a row altered behind the trigger as a break in the chain', async () => {
    const { db } = ctx.database;
    const target = await db.selectFrom('audit_log').select('id').where('actor_id', '=', 'staff:hub-1').executeTakeFirstOrThrow();
    await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`.execute(db);
    await db.updateTable('audit_log').set({ actor_role: 'receptionist' }).where('id', '=', target.id).execute();
    await sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update`.execute(db);
    expect((await get('/api/audit/verify', { role: 'admin' })).json()).toMatchObject({ valid: false, firstBrokenId: target.id });
  });
});
