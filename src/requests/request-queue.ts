// The staff queue and the read side: who may see which queue, ordering with breach flags, emergency alerts
// on top, and a patient summary for each request the viewer may access (each access audited).
import { notPermitted } from '../shared/errors.ts';
import type { Actor } from '../trust/domain/actor.ts';
import { findPatientRecords } from './capacity.repository.ts';
import type { PatientRecord } from './domain/patient-context.ts';
import { currentDisposition } from './domain/patient-request.ts';
import { orderQueue } from './domain/queue-order.ts';
import type { RequestDeps } from './request-deps.ts';
import { loadForActor } from './request-actions.ts';
import { patientRequestView, patientSummary, staffRequestView } from './request-views.ts';
import { listMessages, listOpenRequests, listPatientRequests, openAlerts } from './requests.repository.ts';

export type QueueScope = { practiceId: string } | { hubId: string };

async function mayViewQueue(deps: RequestDeps, actor: Actor, scope: QueueScope): Promise<boolean> {
  if (actor.role === 'admin') return true;
  if ('hubId' in scope) return actor.role === 'hub_staff' && actor.hubId === scope.hubId;
  if (actor.role === 'pcn_lead') {
    const practice = await deps.db.selectFrom('practice').select('pcn_id').where('id', '=', scope.practiceId).executeTakeFirst();
    return practice !== undefined && practice.pcn_id === actor.pcnId;
  }
  return ['receptionist', 'clinician', 'link_worker'].includes(actor.role) && actor.practiceId === scope.practiceId;
}

/** Patient summaries for the patients the actor may access; a refused one is audited and left out. */
async function summaries(deps: RequestDeps, actor: Actor, patientIds: readonly number[]): Promise<Map<number, PatientRecord>> {
  const allowed: number[] = [];
  for (const id of new Set(patientIds)) {
    try {
      await deps.patientAccess.assert(deps.db, actor, id, { action: 'patient.summary.read', resourceType: 'patient', resourceId: id, reason: 'request queue' });
      allowed.push(id);
    } catch {
      // Refusal already audited; the queue still shows the request without the record.
    }
  }
  return findPatientRecords(deps.db, allowed);
}

export async function viewQueue(deps: RequestDeps, actor: Actor, scope: QueueScope) {
  if (!(await mayViewQueue(deps, actor, scope))) throw notPermitted('You cannot see this queue.');
  const now = deps.clock.now();
  const requests = await listOpenRequests(deps.db, scope);
  const alerts = 'practiceId' in scope ? await openAlerts(deps.db, scope.practiceId) : [];
  const ordered = orderQueue(requests.map((r) => ({ request: r, disposition: currentDisposition(r), status: r.status, respondBy: r.respondBy, createdAt: r.createdAt, firstResponseAt: r.firstResponseAt })), now);
  const patients = await summaries(deps, actor, requests.flatMap((r) => (r.patientId === null ? [] : [r.patientId])));
  return {
    scope, generatedAt: now.toISOString(),
    alerts: alerts.map((a) => ({ id: a.id, requestId: a.requestId, kind: a.kind, message: a.message, createdAt: a.createdAt.toISOString(),
      patient: a.patientId !== null && patients.has(a.patientId) ? patientSummary(patients.get(a.patientId) as PatientRecord, now) : null })),
    counts: { open: ordered.length, breached: ordered.filter((e) => e.breached).length, dueSoon: ordered.filter((e) => e.dueSoon).length, alerts: alerts.length },
    items: ordered.map(({ request, breached, dueSoon, minutesWaiting, minutesToTarget }) => staffRequestView(request, {
      now, flags: { breached, dueSoon, minutesWaiting, minutesToTarget }, patient: request.patientId === null ? null : patients.get(request.patientId) ?? null,
    })),
  };
}

export async function viewRequest(deps: RequestDeps, actor: Actor, id: string) {
  const request = await loadForActor(deps, actor, id, 'request.read');
  const messages = await listMessages(deps.db, id);
  if (actor.role === 'patient') return patientRequestView(request, messages);
  const patients = await findPatientRecords(deps.db, request.patientId === null ? [] : [request.patientId]);
  const now = deps.clock.now();
  const [flagged] = orderQueue([{ disposition: currentDisposition(request), status: request.status, respondBy: request.respondBy, createdAt: request.createdAt, firstResponseAt: request.firstResponseAt }], now);
  const { breached, dueSoon, minutesWaiting, minutesToTarget } = flagged!;
  return staffRequestView(request, { now, messages, patient: patients.get(request.patientId as number) ?? null, flags: { breached, dueSoon, minutesWaiting, minutesToTarget } });
}

export async function listRequestsForPatient(deps: RequestDeps, actor: Actor, patientId: number) {
  await deps.patientAccess.assert(deps.db, actor, patientId, { action: 'request.list', resourceType: 'patient_request' });
  const requests = await listPatientRequests(deps.db, patientId);
  const now = deps.clock.now();
  if (actor.role === 'patient') return Promise.all(requests.map(async (r) => patientRequestView(r, await listMessages(deps.db, r.id))));
  return requests.map((r) => staffRequestView(r, { now }));
}
