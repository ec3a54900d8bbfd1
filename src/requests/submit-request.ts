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
import { firstFreeSlotByClinician, patientWithQueue, type AheadByKind, handledSince, proxyRelationship, SAME_DAY_ROLES, sameDaySlots, urgentWaiting, hubWaiting, type FirstFreeSlot } from './capacity.repository.ts';
import { expectedResponse, type ExpectedResponse, type SameDayCapacity } from './domain/expected-response.ts';
import type { ContactPreferences, LaneWait, Lanes, PatientRequest, StoredTriage } from './domain/patient-request.ts';
import { patientContext, type PatientRecord } from './domain/patient-context.ts';
import { URGENCY_RANK } from './domain/queue-order.ts';
import { targetKindFor, type TargetKind } from './domain/response-targets.ts';
import { checkAge, checkAnswers, isProblem, resolveWho, type Channel, type SubmittedFor, type Who } from './domain/submission-rules.ts';
import { workingHoursBetween } from './domain/working-calendar.ts';
import type { RequestDeps } from './request-deps.ts';
import { knownStaffId, type NewRequest } from './requests.repository.ts';
import { decidePatientAccess } from '../trust/domain/patient-access.ts';

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

interface Resolved {
  who: Who;
  record: PatientRecord;
  ahead: AheadByKind;
  /** How the self-access is audited: decided here, recorded with the request in its transaction. */
  selfAccess: { basis: string } | null;
}

async function resolvePatient(deps: RequestDeps, actor: Actor, body: SubmissionBody, requestId: string, deadlines: Record<TargetKind, Date>): Promise<Resolved> {
  const who = resolveWho({ role: actor.role, actorPatientId: actor.patientId, patientId: body.patientId, submittedFor: body.submittedFor, relationship: body.relationship, channel: body.channel });
  if (isProblem(who)) throw invalidInput(who.field, who.reason);
  const answers = checkAnswers(body.answers, deps.engines.questionIds);
  if (answers) throw invalidInput(answers.field, answers.reason);
  // Writing for someone else can be refused: checked (and audited) now, in its own short transaction, so a
  // refusal is recorded although nothing is stored.
  if (who.submittedBy !== 'patient') await deps.patientAccess.assert(deps.db, actor, who.patientId, accessRequest(requestId));
  const found = await patientWithQueue(deps.db, who.patientId, deadlines);
  if (!found) throw notFound('Patient');
  let selfAccess: Resolved['selfAccess'] = null;
  if (who.submittedBy === 'patient') {
    // A patient writing for themselves: the same rule as every access, audited with the request (group commit).
    const decision = decidePatientAccess(actor, { patientId: found.record.id, practiceId: found.record.practiceId, pcnId: '', optedOutOfSharing: false }, new Set());
    if (!decision.allowed) throw notPermitted(decision.reason);
    selfAccess = { basis: decision.basis };
  }
  if (who.submittedBy === 'proxy') {
    const registered = await proxyRelationship(deps.db, actor.patientId ?? -1, who.patientId);
    if (!registered) throw notPermitted('You are not registered to act for this patient.');
    who.relationship = who.relationship ?? registered;
  }
  const age = checkAge(body.ageYears, found.record.dateOfBirth, deps.clock.now());
  if (age) throw invalidInput(age.field, age.reason);
  return { who, record: found.record, ahead: found.ahead, selfAccess };
}

/** Today's same-day capacity: free slots (cached briefly per practice) against the urgent requests waiting now. */
async function capacityFor(deps: RequestDeps, practiceId: string, now: Date): Promise<SameDayCapacity> {
  const today = londonDate(now);
  const dayStart = londonInstant(today, '00:00');
  const slots = await deps.sameDayCache.get(practiceId, () => sameDaySlots(deps.db, { practiceId, now, endOfDay: londonInstant(addDays(today, 1), '00:00') }));
  const urgentAhead = await urgentWaiting(deps.db, { practiceId, dayStart });
  let hub: SameDayCapacity['hub'] = null;
  if (slots.practiceFreeSlots <= urgentAhead) {
    // Only when the practice is full: which hub still has room once the requests already passed to it are seen.
    for (const h of [...slots.hubs].sort((a, b) => (a.firstFreeAt?.getTime() ?? Infinity) - (b.firstFreeAt?.getTime() ?? Infinity))) {
      if (!h.firstFreeAt || h.firstFreeAt < now) continue;
      const waiting = await hubWaiting(deps.db, { hubId: h.id, dayStart });
      if (h.freeSlots > waiting) {
        hub = { id: h.id, name: h.name, freeSlots: h.freeSlots, urgentAhead: waiting, firstFreeAt: h.firstFreeAt };
        break;
      }
    }
  }
  return { practiceFreeSlots: slots.practiceFreeSlots, urgentAhead, hub, nextFreeAt: slots.nextFreeAt && slots.nextFreeAt >= now ? slots.nextFreeAt : null };
}

async function estimate(deps: RequestDeps, outcome: TriageOutcome, resolved: Resolved, deadlines: Record<TargetKind, Date>, now: Date) {
  const kind = targetKindFor(outcome.disposition, outcome.needKind);
  const practiceId = resolved.record.practiceId;
  const since = new Date(now.getTime() - deps.lookbackDays * 86_400_000);
  const emergency = kind === 'emergency';
  const history = emergency ? { handled: 0, hours: 0 } : await deps.handledCache.get(practiceId, async () => ({ handled: await handledSince(deps.db, practiceId, since), hours: workingHoursBetween(since, now, deps.calendar) }));
  const capacity = outcome.disposition === 'urgent' ? await capacityFor(deps, practiceId, now) : undefined;
  const expected: ExpectedResponse = expectedResponse({
    now, disposition: outcome.disposition, service: outcome.service, respondBy: deadlines[kind], calendar: deps.calendar, handling: deps.handling,
    load: { ahead: kind === 'emergency' ? 0 : resolved.ahead[kind], handledRecently: history.handled, windowWorkingHours: history.hours },
    ...(capacity ? { capacity } : {}),
  });
  return { target: deadlines[kind], rank: URGENCY_RANK[outcome.disposition], expected };
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

function auditsFor(actor: Actor, request: NewRequest, resolved: Resolved, outcome: TriageOutcome) {
  return (alertId: number | null) => [
    ...(resolved.selfAccess ? [{ actor, entry: { ...accessRequest(request.id), patientId: request.patientId, details: resolved.selfAccess } }] : []),
    ...(alertId === null ? [] : [{ actor, entry: { action: 'request.escalated', resourceType: 'patient_request', resourceId: request.id, patientId: request.patientId,
      details: { alertId, service: outcome.service, reasons: outcome.reasons.map((r) => r.ruleId) } } }]),
  ];
}

export async function submitRequest(deps: RequestDeps, actor: Actor, body: SubmissionBody): Promise<{ request: PatientRequest; expected: ExpectedResponse }> {
  const id = randomUUID();
  const start = deps.clock.now();
  const deadlines = deps.deadlines(start);
  const resolved = await resolvePatient(deps, actor, body, id, deadlines);
  const { who, record } = resolved;
  const engine = await deps.engines.live();
  const outcome = await engine.triage({ age: body.ageYears, sex: body.sex, text: triageText(body.description, body.duration), answers: body.answers ?? {}, context: patientContext(record, start) });
  const { target, rank, expected } = await estimate(deps, outcome, resolved, deadlines, start);
  const lanes = await lanesFor(deps, outcome, record, start);
  const { nextQuestion, ...kept } = outcome;
  const triage: StoredTriage = { ...kept, unansweredQuestion: nextQuestion, engineId: engine.id, engineVersion: engine.version };
  const emergency = outcome.disposition === 'emergency';
  const request: NewRequest = {
    id, patientId: record.id, practiceId: record.practiceId, submittedBy: who.submittedBy, relationship: who.relationship,
    submittedByStaffId: who.submittedBy === 'navigator' ? await knownStaffId(deps.db, actor.staffId) : null,
    channel: who.channel, ageYears: body.ageYears, sex: body.sex, description: body.description, duration: body.duration?.trim() || null,
    answers: body.answers ?? {}, contactPreferences: body.contactPreferences ?? {}, interpreterLanguage: body.interpreterLanguage ?? null,
    accessibilityNeeds: body.accessibilityNeeds?.trim() || null, language: body.language ?? 'en', triage,
    status: emergency ? 'escalated' : 'new', urgencyRank: rank, respondBy: target,
    expectedResponse: { by: expected.by, text: expected.text }, lanes, routedToHubId: expected.routedTo.kind === 'hub' ? expected.routedTo.hubId : null, now: start,
  };
  const alert = emergency ? { kind: outcome.service === 'mental_health_crisis' ? 'mental_health_crisis' as const : 'emergency' as const,
    message: outcome.service === 'mental_health_crisis' ? ALERT_TEXT.mental_health_crisis : ALERT_TEXT.emergency_999 } : null;
  // Stored (with its audit entries and any alert) in the next group commit; answered only once committed.
  await deps.writer.write({ request, alert, audits: auditsFor(actor, request, resolved, outcome) });
  return {
    request: { ...request, override: null, firstResponseAt: null, closedAt: null, closeOutcome: null, appointmentId: null, createdAt: start },
    expected,
  };
}
