// Submitting a request: check who it is for, triage it with the live engine, work out the response
// target and an honest expected response from the queue, and store it in one short transaction. An
// emergency is stored as escalated with an audited staff alert; every request is accepted and routed.
import { randomUUID } from 'node:crypto';
import { invalidInput, notFound, notPermitted } from '../shared/errors.ts';
import { addDays, daysBetween, londonDate, londonInstant } from '../shared/domain/london-time.ts';
import type { Sex } from '../shared/domain/vocabulary.ts';
import type { Actor } from '../trust/domain/actor.ts';
import { chooseCareLane } from '../triage/domain/care-lane.ts';
import type { Answer, TriageOutcome } from '../triage/domain/triage-types.ts';
import { findPatientRecord, firstFreeSlotByClinician, handledSince, proxyRelationship, requestsAhead, SAME_DAY_ROLES, sameDayFacts, type FirstFreeSlot } from './capacity.repository.ts';
import { expectedResponse, type ExpectedResponse, type SameDayCapacity } from './domain/expected-response.ts';
import type { ContactPreferences, LaneWait, Lanes, PatientRequest, StoredTriage } from './domain/patient-request.ts';
import { patientContext, type PatientRecord } from './domain/patient-context.ts';
import { URGENCY_RANK } from './domain/queue-order.ts';
import { respondBy, targetKindFor } from './domain/response-targets.ts';
import { checkAge, checkAnswers, isProblem, resolveWho, type Channel, type SubmittedFor, type Who } from './domain/submission-rules.ts';
import { workingHoursBetween } from './domain/working-calendar.ts';
import type { RequestDeps } from './request-deps.ts';
import { insertAlert, insertRequest, knownStaffId } from './requests.repository.ts';

export interface SubmissionBody {
  patientId?: number;
  submittedFor: SubmittedFor;
  relationship?: string;
  ageYears: number;
  sex: Sex;
  description: string;
  duration?: string;
  answers?: Record<string, Answer>;
  contactPreferences?: ContactPreferences;
  interpreterLanguage?: string;
  accessibilityNeeds?: string;
  language?: string;
  channel?: Channel;
}

const LANE_SERVICES = new Set(['own_clinician', 'first_available', 'hub']);
// Lanes look this far ahead for a first free slot (the booking engine's longest search).
const LANE_HORIZON_MS = 70 * 86_400_000;
const accessRequest = (requestId: string) => ({ action: 'request.submit', resourceType: 'patient_request', resourceId: requestId });

export function triageText(description: string, duration: string | undefined): string {
  return duration?.trim() ? `${description}\nHow long: ${duration.trim()}.` : description;
}

async function resolvePatient(deps: RequestDeps, actor: Actor, body: SubmissionBody, requestId: string): Promise<{ who: Who; record: PatientRecord }> {
  const who = resolveWho({ role: actor.role, actorPatientId: actor.patientId, patientId: body.patientId, submittedFor: body.submittedFor, relationship: body.relationship, channel: body.channel });
  if (isProblem(who)) throw invalidInput(who.field, who.reason);
  const answers = checkAnswers(body.answers, deps.engines.questionIds);
  if (answers) throw invalidInput(answers.field, answers.reason);
  // Writing for someone else can be refused: checked (and audited) now, in its own short transaction, so a
  // refusal is recorded although nothing is stored. A patient writing for themselves is checked in the write.
  if (who.submittedBy !== 'patient') await deps.patientAccess.assert(deps.db, actor, who.patientId, accessRequest(requestId));
  const record = await findPatientRecord(deps.db, who.patientId);
  if (!record) throw notFound('Patient');
  if (who.submittedBy === 'proxy') {
    const registered = await proxyRelationship(deps.db, actor.patientId ?? -1, who.patientId);
    if (!registered) throw notPermitted('You are not registered to act for this patient.');
    who.relationship = who.relationship ?? registered;
  }
  const age = checkAge(body.ageYears, record.dateOfBirth, deps.clock.now());
  if (age) throw invalidInput(age.field, age.reason);
  return { who, record };
}

async function capacityFor(deps: RequestDeps, practiceId: string, now: Date): Promise<SameDayCapacity> {
  const today = londonDate(now);
  const facts = await sameDayFacts(deps.db, { practiceId, now, endOfDay: londonInstant(addDays(today, 1), '00:00'), dayStart: londonInstant(today, '00:00') });
  const hub = facts.hubs.filter((h) => h.firstFreeAt && h.freeSlots > h.urgentAhead).sort((a, b) => (a.firstFreeAt?.getTime() ?? 0) - (b.firstFreeAt?.getTime() ?? 0))[0];
  return {
    practiceFreeSlots: facts.practiceFreeSlots, urgentAhead: facts.urgentAhead, nextFreeAt: facts.nextFreeAt,
    hub: hub?.firstFreeAt ? { id: hub.id, name: hub.name, freeSlots: hub.freeSlots, urgentAhead: hub.urgentAhead, firstFreeAt: hub.firstFreeAt } : null,
  };
}

async function estimate(deps: RequestDeps, outcome: TriageOutcome, practiceId: string, now: Date) {
  const target = respondBy(deps.targets[targetKindFor(outcome.disposition, outcome.needKind)], now, deps.calendar);
  const since = new Date(now.getTime() - deps.lookbackDays * 86_400_000);
  const rank = URGENCY_RANK[outcome.disposition];
  const emergency = outcome.disposition === 'emergency';
  const ahead = emergency ? 0 : await requestsAhead(deps.db, { practiceId, urgencyRank: rank, respondBy: target });
  const handled = emergency ? 0 : await deps.handledCache.get(practiceId, () => handledSince(deps.db, practiceId, since));
  const capacity = outcome.disposition === 'urgent' ? await capacityFor(deps, practiceId, now) : undefined;
  const expected: ExpectedResponse = expectedResponse({
    now, disposition: outcome.disposition, service: outcome.service, respondBy: target, calendar: deps.calendar, handling: deps.handling,
    load: { ahead, handledRecently: handled, windowWorkingHours: workingHoursBetween(since, now, deps.calendar) },
    ...(capacity ? { capacity } : {}),
  });
  return { target, rank, expected };
}

function laneWait(slot: FirstFreeSlot | undefined, now: Date): LaneWait | null {
  if (!slot) return null;
  return { clinician: { id: slot.staffId, name: slot.name, role: slot.role }, firstSlotAt: slot.startAt.toISOString(), expectedWaitDays: daysBetween(londonDate(now), londonDate(slot.startAt)) };
}

/**
 * Own clinician or first available, with the wait for each. The waits come from each clinician's first free
 * slot at the practice, cached for 30 s per practice: the booking engine's full search (POST /api/booking/search,
 * which the patient uses to choose) costs too much to run inside every request of an 08:00 surge.
 */
async function lanesFor(deps: RequestDeps, outcome: TriageOutcome, record: PatientRecord, now: Date): Promise<Lanes | null> {
  if (outcome.disposition === 'emergency' || !LANE_SERVICES.has(outcome.service)) return null;
  const lane = chooseCareLane({ disposition: outcome.disposition, ongoingProblem: outcome.service === 'own_clinician' }, patientContext(record, now));
  const slots = (await deps.firstSlotCache.get(record.practiceId, () => firstFreeSlotByClinician(deps.db, record.practiceId, now, new Date(now.getTime() + LANE_HORIZON_MS))))
    .filter((s) => s.startAt >= now);
  const own = slots.find((s) => s.staffId === record.usualClinicianId);
  const first = slots.filter((s) => (SAME_DAY_ROLES as readonly string[]).includes(s.role)).sort((a, b) => a.startAt.getTime() - b.startAt.getTime())[0];
  return { first: lane.first, alternative: lane.alternative, reasons: lane.reasons, waits: { own_clinician: laneWait(own, now), first_available: laneWait(first, now) } };
}

const ALERT_TEXT = {
  emergency_999: 'Emergency red flag: the patient has been told to call 999 or go to A&E now. Check they are safe.',
  mental_health_crisis: 'Mental health crisis: the patient has been told to call 999 or NHS 111 option 2. Contact them now.',
} as const;

export async function submitRequest(deps: RequestDeps, actor: Actor, body: SubmissionBody): Promise<{ request: PatientRequest; expected: ExpectedResponse }> {
  const id = randomUUID();
  const { who, record } = await resolvePatient(deps, actor, body, id);
  const engine = await deps.engines.live();
  const outcome = await engine.triage({ age: body.ageYears, sex: body.sex, text: triageText(body.description, body.duration), answers: body.answers ?? {}, context: patientContext(record, deps.clock.now()) });
  const now = deps.clock.now();
  const { target, rank, expected } = await estimate(deps, outcome, record.practiceId, now);
  const lanes = await lanesFor(deps, outcome, record, now);
  const { nextQuestion, ...kept } = outcome;
  const triage: StoredTriage = { ...kept, unansweredQuestion: nextQuestion, engineId: engine.id, engineVersion: engine.version };
  const emergency = outcome.disposition === 'emergency';
  const request = {
    id, patientId: record.id, practiceId: record.practiceId, submittedBy: who.submittedBy, relationship: who.relationship,
    channel: who.channel, ageYears: body.ageYears, sex: body.sex, description: body.description, duration: body.duration?.trim() || null,
    answers: body.answers ?? {}, contactPreferences: body.contactPreferences ?? {}, interpreterLanguage: body.interpreterLanguage ?? null,
    accessibilityNeeds: body.accessibilityNeeds?.trim() || null, language: body.language ?? 'en', triage,
    status: emergency ? 'escalated' as const : 'new' as const, urgencyRank: rank, respondBy: target,
    expectedResponse: { by: expected.by, text: expected.text }, lanes, routedToHubId: expected.routedTo.kind === 'hub' ? expected.routedTo.hubId : null,
  };
  const submittedByStaffId = who.submittedBy === 'navigator' ? await knownStaffId(deps.db, actor.staffId) : null;
  // One short transaction: the self-access audit (it cannot be refused), the request and any alert.
  await deps.db.transaction().execute(async (trx) => {
    if (who.submittedBy === 'patient') await deps.patientAccess.assert(trx, actor, record.id, accessRequest(id));
    await insertRequest(trx, { ...request, submittedByStaffId, now });
    if (!emergency) return;
    const kind = outcome.service === 'mental_health_crisis' ? 'mental_health_crisis' : 'emergency';
    const alertId = await insertAlert(trx, { practiceId: record.practiceId, requestId: request.id, patientId: record.id, kind, now,
      message: outcome.service === 'mental_health_crisis' ? ALERT_TEXT.mental_health_crisis : ALERT_TEXT.emergency_999 });
    await deps.audit.record(trx, actor, { action: 'request.escalated', resourceType: 'patient_request', resourceId: request.id, patientId: record.id,
      details: { alertId, service: outcome.service, reasons: outcome.reasons.map((r) => r.ruleId) } });
  });
  return {
    request: { ...request, override: null, firstResponseAt: null, closedAt: null, closeOutcome: null, appointmentId: null, createdAt: now },
    expected,
  };
}

