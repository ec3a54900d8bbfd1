// Domain → API: what a patient sees of a request, and what staff see in the queue. Rows never get here.
import type { ExpectedResponse } from './domain/expected-response.ts';
import { currentDisposition, currentService, type PatientRequest, type RequestMessage } from './domain/patient-request.ts';
import type { PatientRecord } from './domain/patient-context.ts';
import { isFrail } from './domain/patient-context.ts';
import { ageOn } from './domain/submission-rules.ts';
import { emergencyInstructions, STATUS_TEXT } from './domain/request-presentation.ts';
import type { QueueFlags } from './domain/queue-order.ts';

function outcomeView(r: PatientRequest) {
  const { disposition: _d, service: _s, ...rest } = r.triage;
  return { ...rest, disposition: currentDisposition(r), service: currentService(r) };
}

const lanesView = (r: PatientRequest) => (r.lanes ? { first: r.lanes.first, alternative: r.lanes.alternative, reasons: r.lanes.reasons, waits: r.lanes.waits } : null);

function messageView(m: RequestMessage, forPatient: boolean) {
  const from = m.authorKind === 'staff' ? 'practice' : m.authorKind === 'patient' ? (forPatient ? 'you' : 'patient') : 'system';
  return { id: m.id, from, body: m.body, at: m.createdAt.toISOString() };
}

/** The patient's view: status, what the engine said, when to expect a reply, and the practice's replies. */
export function patientRequestView(r: PatientRequest, messages: readonly RequestMessage[] = [], expected?: ExpectedResponse) {
  const emergency = currentDisposition(r) === 'emergency';
  return {
    id: r.id,
    patientId: r.patientId,
    status: r.status,
    statusText: STATUS_TEXT[r.status],
    createdAt: r.createdAt.toISOString(),
    description: r.description,
    outcome: outcomeView(r),
    lanes: lanesView(r),
    expectedResponse: r.expectedResponse ? { by: r.expectedResponse.by.toISOString(), text: expected?.text ?? r.expectedResponse.text } : null,
    respondBy: r.respondBy.toISOString(),
    emergency: emergency ? emergencyInstructions(currentService(r)) : null,
    appointmentId: r.appointmentId,
    messages: messages.map((m) => messageView(m, true)),
  };
}

export function patientSummary(p: PatientRecord, now: Date) {
  return {
    id: p.id, nhsNumber: p.nhsNumber, name: `${p.givenName} ${p.familyName}`, dateOfBirth: p.dateOfBirth, ageYears: Math.floor(ageOn(p.dateOfBirth, now)),
    sex: p.sex, longTermConditions: p.longTermConditions, frail: isFrail(p, now), frailtyDeficits: p.frailtyDeficits.length,
    usualClinicianId: p.usualClinicianId, mainLanguage: p.mainLanguage, interpreterNeeded: p.interpreterNeeded, housebound: p.housebound,
    learningDisability: p.learningDisability, carer: p.carer, homeless: p.homeless,
  };
}

/** The staff view: everything the engine said (reasons with quotes), the override, flags and the patient. */
export function staffRequestView(r: PatientRequest, extra: { flags?: QueueFlags; patient?: PatientRecord | null; messages?: readonly RequestMessage[]; now: Date }) {
  return {
    ...patientRequestView(r, []),
    triage: r.triage,
    override: r.override ? { ...r.override, at: r.override.at.toISOString() } : null,
    submittedBy: r.submittedBy,
    relationship: r.relationship,
    channel: r.channel,
    ageYears: r.ageYears,
    sex: r.sex,
    duration: r.duration,
    answers: r.answers,
    contactPreferences: r.contactPreferences,
    interpreterLanguage: r.interpreterLanguage,
    accessibilityNeeds: r.accessibilityNeeds,
    language: r.language,
    practiceId: r.practiceId,
    routedToHubId: r.routedToHubId,
    firstResponseAt: r.firstResponseAt?.toISOString() ?? null,
    closedAt: r.closedAt?.toISOString() ?? null,
    closeOutcome: r.closeOutcome,
    flags: extra.flags ?? null,
    patient: extra.patient ? patientSummary(extra.patient, extra.now) : null,
    messages: (extra.messages ?? []).map((m) => messageView(m, false)),
  };
}
