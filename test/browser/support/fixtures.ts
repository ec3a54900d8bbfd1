// Data the browser tests set up through the API (as a client would), for the people the demo sign-in lists first.
import type { HamletServer } from './hamlet-server.ts';

export interface DemoPatient {
  id: number;
  nhsNumber: string;
  familyName: string;
  dateOfBirth: string;
  practiceId: string;
}

/** The first patient of the first practice: the first person on the demo sign-in page. */
export async function firstDemoPatient(server: HamletServer): Promise<DemoPatient> {
  const { db } = server.services.database;
  const practice = await db.selectFrom('practice').select('id').orderBy('id').limit(1).executeTakeFirstOrThrow();
  const patient = await db.selectFrom('patient').select(['id', 'nhs_number', 'family_name', 'date_of_birth'])
    .where('practice_id', '=', practice.id).orderBy('id').limit(1).executeTakeFirstOrThrow();
  return { id: Number(patient.id), nhsNumber: patient.nhs_number, familyName: patient.family_name, dateOfBirth: String(patient.date_of_birth), practiceId: practice.id };
}

async function call<T>(server: HamletServer, method: 'GET' | 'POST', url: string, headers: Record<string, string>, payload?: unknown): Promise<T> {
  const response = await server.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });
  if (response.statusCode >= 300) throw new Error(`${method} ${url} → ${response.statusCode} ${response.body}`);
  return response.json() as T;
}

/** A request from the patient, sent as they would send it, so it reaches their practice's queue. */
export async function submitRequestAs(server: HamletServer, patient: DemoPatient, description: string): Promise<{ id: string }> {
  const auth = await server.auth({ role: 'patient', patient: patient.nhsNumber });
  const record = await server.services.database.db.selectFrom('patient').select(['sex', 'date_of_birth']).where('id', '=', patient.id).executeTakeFirstOrThrow();
  const age = Math.floor((server.clock.now().getTime() - new Date(`${String(record.date_of_birth)}T00:00:00Z`).getTime()) / (365.25 * 86_400_000));
  return call(server, 'POST', '/api/requests', auth, { submittedFor: 'self', ageYears: age, sex: record.sex, description, channel: 'online' });
}

/** Book the patient's first offered slot through the API. */
export async function bookFirstSlotAs(server: HamletServer, patient: DemoPatient): Promise<{ id: number }> {
  const auth = await server.auth({ role: 'patient', patient: patient.nhsNumber });
  const search = await call<{ options: { slotId: number }[] }>(server, 'POST', '/api/booking/search', auth, { patientId: patient.id, need: {}, preferences: {} });
  const slot = search.options[0];
  if (!slot) throw new Error('no slot offered to the demo patient');
  return call(server, 'POST', '/api/appointments', auth, { patientId: patient.id, slotId: slot.slotId });
}
