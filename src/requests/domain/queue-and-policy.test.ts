import { describe, expect, it } from 'vitest';
import { orderQueue, type QueueEntry } from './queue-order.ts';
import { decideBooking, decideClose, decideOverride } from './request-policy.ts';
import { checkAge, checkAnswers, resolveWho } from './submission-rules.ts';

const now = new Date('2026-11-23T10:00:00Z');
const entry = (id: string, e: Partial<QueueEntry>): QueueEntry & { id: string } => ({
  id, disposition: 'routine', status: 'new', respondBy: new Date('2026-11-25T18:30:00Z'), createdAt: new Date('2026-11-23T09:00:00Z'), firstResponseAt: null, ...e,
});

describe('queue order', () => {
  it('puts urgency first, then the earliest deadline, then the longest wait; requests awaiting the patient last', () => {
    const ordered = orderQueue([
      entry('admin', { respondBy: new Date('2026-11-26T18:30:00Z') }),
      entry('waiting-on-patient', { disposition: 'urgent', status: 'awaiting_patient' }),
      entry('routine-older', { createdAt: new Date('2026-11-23T08:00:00Z') }),
      entry('routine', {}),
      entry('urgent', { disposition: 'urgent', respondBy: new Date('2026-11-23T14:00:00Z') }),
      entry('emergency', { disposition: 'emergency', status: 'escalated', respondBy: new Date('2026-11-23T09:30:00Z') }),
    ], now);
    expect(ordered.map((e) => e.id)).toEqual(['emergency', 'urgent', 'routine-older', 'routine', 'admin', 'waiting-on-patient']);
  });

  it('flags a breach only while no first response has been given', () => {
    const [late, answered, soon] = orderQueue([
      entry('late', { disposition: 'urgent', respondBy: new Date('2026-11-23T09:59:00Z') }),
      entry('answered', { disposition: 'routine', respondBy: new Date('2026-11-23T09:00:00Z'), firstResponseAt: new Date('2026-11-23T08:30:00Z') }),
      entry('soon', { disposition: 'self_care', respondBy: new Date('2026-11-23T10:30:00Z') }),
    ], now);
    expect(late).toMatchObject({ id: 'late', breached: true, dueSoon: false, minutesWaiting: 60 });
    expect(answered).toMatchObject({ breached: false });
    expect(soon).toMatchObject({ id: 'soon', breached: false, dueSoon: true, minutesToTarget: 30 });
  });
});

describe('override policy', () => {
  const base = { role: 'receptionist' as const, status: 'new' as const, current: 'routine' as const, next: 'urgent' as const, service: 'same_day_clinician' as const, reason: 'Patient rang back: worse' };
  it('lets any staff raise with a reason', () => expect(decideOverride(base)).toEqual({ allowed: true }));
  it('needs a real reason', () => expect(decideOverride({ ...base, reason: ' ok ' })).toMatchObject({ allowed: false, field: 'reason' }));
  it('needs a service that fits the disposition', () => expect(decideOverride({ ...base, service: 'self_care' })).toMatchObject({ allowed: false, field: 'service' }));
  it('never lets a non-clinician lower a disposition', () => {
    expect(decideOverride({ ...base, current: 'emergency', next: 'urgent' })).toMatchObject({ allowed: false, code: 'not_permitted' });
    expect(decideOverride({ ...base, current: 'urgent', next: 'routine', service: 'first_available' })).toMatchObject({ allowed: false, code: 'not_permitted' });
    expect(decideOverride({ ...base, role: 'clinician', current: 'emergency', next: 'urgent' })).toEqual({ allowed: true });
  });
});

describe('booking and closing policy', () => {
  it('refuses to book an emergency unless a clinician overrode it', () => {
    expect(decideBooking({ disposition: 'emergency', overrideDisposition: null, overrideRole: null, status: 'escalated' })).toMatchObject({ allowed: false, code: 'conflict' });
    expect(decideBooking({ disposition: 'emergency', overrideDisposition: 'urgent', overrideRole: 'receptionist', status: 'in_review' })).toMatchObject({ allowed: false });
    expect(decideBooking({ disposition: 'emergency', overrideDisposition: 'urgent', overrideRole: 'clinician', status: 'in_review' })).toEqual({ allowed: true });
    expect(decideBooking({ disposition: 'routine', overrideDisposition: 'emergency', overrideRole: 'receptionist', status: 'escalated' })).toMatchObject({ allowed: false });
    expect(decideBooking({ disposition: 'routine', overrideDisposition: null, overrideRole: null, status: 'booked' })).toMatchObject({ allowed: false, field: 'status' });
  });
  it('lets only a clinician close an emergency', () => {
    expect(decideClose({ status: 'escalated', disposition: 'emergency', overrideDisposition: null }, 'receptionist')).toMatchObject({ allowed: false });
    expect(decideClose({ status: 'escalated', disposition: 'emergency', overrideDisposition: null }, 'clinician')).toEqual({ allowed: true });
  });
});

describe('who is submitting', () => {
  const who = { role: 'patient' as const, actorPatientId: 7, patientId: undefined, submittedFor: 'self' as const, relationship: undefined, channel: undefined };
  it('resolves a patient writing for themselves', () => expect(resolveWho(who)).toEqual({ patientId: 7, submittedBy: 'patient', channel: 'online', relationship: null }));
  it('resolves a proxy and a navigator', () => {
    expect(resolveWho({ ...who, submittedFor: 'someone_else', patientId: 9, relationship: 'son' })).toMatchObject({ patientId: 9, submittedBy: 'proxy', relationship: 'son' });
    expect(resolveWho({ ...who, role: 'receptionist', actorPatientId: null, patientId: 9 })).toMatchObject({ submittedBy: 'navigator', channel: 'phone' });
  });
  it('names the field for each problem', () => {
    expect(resolveWho({ ...who, patientId: 9 })).toMatchObject({ field: 'patientId' });
    expect(resolveWho({ ...who, channel: 'desk' })).toMatchObject({ field: 'channel' });
    expect(resolveWho({ ...who, role: 'receptionist', actorPatientId: null })).toMatchObject({ field: 'patientId' });
    expect(resolveWho({ ...who, role: 'receptionist', actorPatientId: null, patientId: 9, submittedFor: 'someone_else' })).toMatchObject({ field: 'relationship' });
    expect(resolveWho({ ...who, role: 'receptionist', actorPatientId: null, patientId: 9, channel: 'online' })).toMatchObject({ field: 'channel' });
  });
  it('checks the age against the record (wrong-patient hazard) and answers against known questions', () => {
    expect(checkAge(40, '1986-05-01', now)).toBeNull();
    expect(checkAge(4, '1986-05-01', now)).toMatchObject({ field: 'ageYears' });
    expect(checkAge(0.15, '2026-09-28', now)).toBeNull(); // an 8-week-old baby
    expect(checkAnswers({ headache_sudden: 'no' }, new Set(['headache_sudden']))).toBeNull();
    expect(checkAnswers({ nope: 'yes' }, new Set(['headache_sudden']))).toMatchObject({ field: 'answers.nope' });
  });
});
