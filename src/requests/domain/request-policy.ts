// What staff may do to a request. A red flag is never lowered silently: every override needs a reason,
// any lowering of a disposition needs a clinician, and an emergency is never booked into a routine slot
// unless a clinician has overridden it.
import type { CareService, Disposition } from '../../shared/domain/vocabulary.ts';
import type { Role } from '../../trust/domain/actor.ts';
import { URGENCY_RANK, type RequestStatus } from './queue-order.ts';

export const SERVICES_FOR_DISPOSITION = {
  emergency: ['emergency_999', 'mental_health_crisis'],
  urgent: ['same_day_clinician', 'hub'],
  routine: ['own_clinician', 'first_available', 'hub', 'social_prescribing', 'admin_team', 'community_pharmacy'],
  self_care: ['self_care', 'community_pharmacy'],
} as const satisfies Record<Disposition, readonly CareService[]>;

export const MIN_REASON_LENGTH = 10;

export type PolicyDecision = { allowed: true } | { allowed: false; field: string; reason: string; code: 'invalid_input' | 'not_permitted' | 'conflict' };

const refuse = (code: 'invalid_input' | 'not_permitted' | 'conflict', field: string, reason: string): PolicyDecision => ({ allowed: false, code, field, reason });

export interface OverrideRequest {
  role: Role;
  status: RequestStatus;
  current: Disposition;
  next: Disposition;
  service: CareService;
  reason: string;
}

export function decideOverride(request: OverrideRequest): PolicyDecision {
  if (request.reason.trim().length < MIN_REASON_LENGTH) {
    return refuse('invalid_input', 'reason', `give the reason for the override (at least ${MIN_REASON_LENGTH} characters); it is recorded and audited`);
  }
  const services: readonly CareService[] = SERVICES_FOR_DISPOSITION[request.next];
  if (!services.includes(request.service)) {
    return refuse('invalid_input', 'service', `${request.service} does not fit disposition ${request.next}; choose one of ${services.join(', ')}`);
  }
  if (request.status === 'closed') return refuse('conflict', 'status', 'this request is closed');
  if (URGENCY_RANK[request.next] < URGENCY_RANK[request.current] && request.role !== 'clinician') {
    return refuse('not_permitted', 'disposition', `only a clinician may lower a ${request.current} request`);
  }
  return { allowed: true };
}

export interface BookableRequest {
  disposition: Disposition;
  overrideDisposition: Disposition | null;
  overrideRole: string | null;
  status: RequestStatus;
}

export function effectiveDisposition(request: Pick<BookableRequest, 'disposition' | 'overrideDisposition'>): Disposition {
  return request.overrideDisposition ?? request.disposition;
}

export function decideBooking(request: BookableRequest): PolicyDecision {
  const effective = effectiveDisposition(request);
  if (effective === 'emergency' || (request.disposition === 'emergency' && request.overrideRole !== 'clinician')) {
    return refuse('conflict', 'disposition', 'this request was triaged as an emergency: the patient must call 999 or go to A&E; a clinician must review and override it before any appointment is booked');
  }
  if (request.status === 'closed' || request.status === 'booked') return refuse('conflict', 'status', `this request is already ${request.status}`);
  return { allowed: true };
}

export function decideClose(request: { status: RequestStatus; disposition: Disposition; overrideDisposition: Disposition | null }, role: Role): PolicyDecision {
  if (request.status === 'closed') return refuse('conflict', 'status', 'this request is already closed');
  if (effectiveDisposition(request) === 'emergency' && role !== 'clinician') {
    return refuse('not_permitted', 'status', 'only a clinician may close an emergency request');
  }
  return { allowed: true };
}
