// What staff do with a request: override (reason recorded and audited; lowering needs a clinician), reply,
// book through the booking service, refer on to a community service, or close. Each change is one short
// transaction that re-checks the request under a row lock, so two people acting at once cannot both win.
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import { DomainError, invalidInput, notFound } from '../shared/errors.ts';
import type { BookingChannel, CareService, Disposition } from '../shared/domain/vocabulary.ts';
import type { Actor } from '../trust/domain/actor.ts';
import { currentDisposition, type PatientRequest } from './domain/patient-request.ts';
import { URGENCY_RANK } from './domain/queue-order.ts';
import { decideBooking, decideClose, decideOverride, type PolicyDecision } from './domain/request-policy.ts';
import type { BookingPort, RequestDeps } from './request-deps.ts';
import { acknowledgeAlerts, communityServiceExists, findRequest, insertMessage, insertReferral, knownStaffId, updateRequest } from './requests.repository.ts';

function enforce(decision: PolicyDecision): void {
  if (!decision.allowed) throw new DomainError(decision.code, decision.reason, { field: decision.field });
}

/** Loads the request and asserts (and audits) the actor's access to its patient. */
export async function loadForActor(deps: RequestDeps, actor: Actor, id: string, action: string): Promise<PatientRequest> {
  const request = await findRequest(deps.db, id);
  if (!request || request.patientId === null) throw notFound('Request');
  await deps.patientAccess.assert(deps.db, actor, request.patientId, { action, resourceType: 'patient_request', resourceId: id });
  return request;
}

/** Runs `change` in a transaction on the freshly locked request, after `check` passes on it. */
type Apply = (trx: Transaction<Database>, locked: PatientRequest, now: Date) => Promise<void>;

async function change(deps: RequestDeps, id: string, check: (r: PatientRequest) => PolicyDecision, apply: Apply): Promise<PatientRequest> {
  await deps.db.transaction().execute(async (trx) => {
    const locked = await findRequest(trx, id, { forUpdate: true });
    if (!locked) throw notFound('Request');
    enforce(check(locked));
    await apply(trx, locked, deps.clock.now());
  });
  return (await findRequest(deps.db, id)) as PatientRequest;
}

export interface OverrideInput {
  disposition: Disposition;
  service: CareService;
  reason: string;
}

export async function overrideRequest(deps: RequestDeps, actor: Actor, id: string, input: OverrideInput): Promise<PatientRequest> {
  const request = await loadForActor(deps, actor, id, 'request.override');
  const check = (r: PatientRequest) => decideOverride({ role: actor.role, status: r.status, current: currentDisposition(r), next: input.disposition, service: input.service, reason: input.reason });
  const first = check(request);
  if (!first.allowed) {
    // A refused attempt to lower a red flag is itself worth a record.
    await deps.audit.record(deps.db, actor, { action: 'request.override.refused', resourceType: 'patient_request', resourceId: id, patientId: request.patientId, reason: input.reason, details: { to: input.disposition, refusal: first.reason } });
    enforce(first);
  }
  const staffId = await knownStaffId(deps.db, actor.staffId);
  return change(deps, id, check, async (trx, r, now) => {
    const from = { disposition: currentDisposition(r), service: r.override?.service ?? r.triage.service };
    const lowered = URGENCY_RANK[input.disposition] < URGENCY_RANK[from.disposition];
    const status = input.disposition === 'emergency' ? 'escalated' : r.status === 'escalated' ? 'in_review' : r.status;
    await updateRequest(trx, id, {
      override_disposition: input.disposition, override_service: input.service, override_reason: input.reason.trim(), overridden_by: staffId,
      override_role: actor.role, override_actor: actor.subject, overridden_at: now, urgency_rank: URGENCY_RANK[input.disposition], status, updated_at: now,
    });
    if (r.status === 'escalated' && input.disposition !== 'emergency') await acknowledgeAlerts(trx, id, actor.subject, now);
    await deps.audit.record(trx, actor, { action: 'request.override.applied', resourceType: 'patient_request', resourceId: id, patientId: r.patientId, reason: input.reason.trim(),
      details: { from, to: { disposition: input.disposition, service: input.service }, lowered, engine: { disposition: r.triage.disposition, service: r.triage.service } } });
  });
}

export async function addMessage(deps: RequestDeps, actor: Actor, id: string, body: string): Promise<PatientRequest> {
  const text = body.trim();
  if (!text) throw invalidInput('body', 'write a message');
  await loadForActor(deps, actor, id, 'request.message');
  const fromPatient = actor.role === 'patient';
  return change(deps, id, (r) => (r.status === 'closed' ? { allowed: false, code: 'conflict', field: 'status', reason: 'this request is closed: please send a new request' } : { allowed: true }), async (trx, r, now) => {
    await insertMessage(trx, { requestId: id, authorKind: fromPatient ? 'patient' : 'staff', authorId: actor.subject, body: text, now });
    const status = fromPatient ? (r.status === 'awaiting_patient' ? 'in_review' : r.status) : r.status === 'escalated' ? 'escalated' : 'awaiting_patient';
    await updateRequest(trx, id, { status, ...(fromPatient || r.firstResponseAt ? {} : { first_response_at: now }), updated_at: now });
    if (!fromPatient) await acknowledgeAlerts(trx, id, actor.subject, now);
  });
}

export async function referRequest(deps: RequestDeps, actor: Actor, id: string, input: { communityServiceId?: string; note: string }): Promise<{ request: PatientRequest; referralId: number }> {
  if (input.note.trim().length < 3) throw invalidInput('note', 'say why the patient is being referred');
  await loadForActor(deps, actor, id, 'request.refer');
  if (input.communityServiceId && !(await communityServiceExists(deps.db, input.communityServiceId))) throw invalidInput('communityServiceId', 'no active community service with that id');
  const staffId = await knownStaffId(deps.db, actor.staffId);
  let referralId = 0;
  const request = await change(deps, id, (r) => (r.status === 'closed' || currentDisposition(r) === 'emergency'
    ? { allowed: false, code: 'conflict', field: 'status', reason: r.status === 'closed' ? 'this request is closed' : 'an emergency request cannot be referred on: a clinician must review it first' }
    : { allowed: true }), async (trx, r, now) => {
    referralId = await insertReferral(trx, { patientId: r.patientId as number, requestId: id, communityServiceId: input.communityServiceId ?? null, referredBy: staffId, reason: input.note.trim(), now });
    await updateRequest(trx, id, { status: 'referred', handled_at: now, ...(r.firstResponseAt ? {} : { first_response_at: now }), updated_at: now });
    await deps.audit.record(trx, actor, { action: 'request.refer', resourceType: 'referral', resourceId: referralId, patientId: r.patientId, details: { requestId: id, communityServiceId: input.communityServiceId ?? null } });
  });
  return { request, referralId };
}

export async function closeRequest(deps: RequestDeps, actor: Actor, id: string, outcome: string): Promise<PatientRequest> {
  if (outcome.trim().length < 3) throw invalidInput('outcome', 'record how the request was resolved');
  await loadForActor(deps, actor, id, 'request.close');
  return change(deps, id, (r) => decideClose({ status: r.status, disposition: r.triage.disposition, overrideDisposition: r.override?.disposition ?? null }, actor.role), async (trx, r, now) => {
    await updateRequest(trx, id, { status: 'closed', closed_at: now, handled_at: now, close_outcome: outcome.trim(), ...(r.firstResponseAt ? {} : { first_response_at: now }), updated_at: now });
    await acknowledgeAlerts(trx, id, actor.subject, now);
    await deps.audit.record(trx, actor, { action: 'request.close', resourceType: 'patient_request', resourceId: id, patientId: r.patientId, details: { outcome: outcome.trim() } });
  });
}

const bookingChannel = (actor: Actor): BookingChannel => (actor.role === 'clinician' ? 'clinician' : actor.role === 'hub_staff' ? 'hub' : 'navigator');
const bookingView = (r: PatientRequest) => ({ disposition: r.triage.disposition, overrideDisposition: r.override?.disposition ?? null, overrideRole: r.override?.role ?? null, status: r.status });

export async function bookFromRequest(deps: RequestDeps, actor: Actor, id: string, slotId: number): Promise<{ request: PatientRequest; appointment: Awaited<ReturnType<BookingPort['book']>> }> {
  const request = await loadForActor(deps, actor, id, 'request.book');
  enforce(decideBooking(bookingView(request)));
  const appointment = await deps.booking().book(actor, { patientId: request.patientId as number, slotId, requestId: id, reason: request.description.slice(0, 200), channel: bookingChannel(actor), idempotencyKey: `request:${id}:slot:${slotId}` });
  const updated = await change(deps, id, () => ({ allowed: true }), async (trx, r, now) => {
    await updateRequest(trx, id, { status: 'booked', appointment_id: appointment.id, handled_at: now, ...(r.firstResponseAt ? {} : { first_response_at: now }), updated_at: now });
    await acknowledgeAlerts(trx, id, actor.subject, now);
  });
  return { request: updated, appointment };
}
