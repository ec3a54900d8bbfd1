// The request as the front door knows it (rows stay in the repository). The stored triage is the
// engine's full outcome, so staff and investigators see exactly what the engine saw and said.
import type { AppointmentMode, CareService, Disposition, Sex } from '../../shared/domain/vocabulary.ts';
import type { Answer, NeedKind, SafetyQuestion, TimeWindow, TriageReason } from '../../triage/domain/triage-types.ts';
import type { CareLaneChoice } from '../../triage/domain/care-lane.ts';
import type { RequestStatus } from './queue-order.ts';
import type { Channel, SubmittedBy } from './submission-rules.ts';

export interface StoredTriage {
  disposition: Disposition;
  service: CareService;
  timeWindow: TimeWindow;
  modes: AppointmentMode[];
  reasons: TriageReason[];
  safetyNetting: string[];
  needKind: NeedKind;
  rulesVersion: string;
  /** A safety question the engine still wanted answered when the request was sent (staff should ask it). */
  unansweredQuestion: SafetyQuestion | null;
  engineId: string;
  engineVersion: string;
}

export interface LaneWait {
  clinician: { id: string; name: string; role: string } | null;
  firstSlotAt: string | null;
  expectedWaitDays: number | null;
}

export interface Lanes {
  first: CareLaneChoice;
  alternative: CareLaneChoice;
  reasons: string[];
  waits: Record<CareLaneChoice, LaneWait | null>;
}

export interface ContactPreferences {
  methods?: ('sms' | 'email' | 'phone' | 'app' | 'letter')[];
  phone?: string;
  email?: string;
  bestTimes?: string;
  leaveMessage?: boolean;
}

export interface Override {
  disposition: Disposition;
  service: CareService;
  reason: string;
  by: string;
  role: string;
  at: Date;
}

export interface PatientRequest {
  id: string;
  patientId: number | null;
  practiceId: string | null;
  submittedBy: SubmittedBy;
  relationship: string | null;
  channel: Channel;
  ageYears: number;
  sex: Sex;
  description: string;
  duration: string | null;
  answers: Record<string, Answer>;
  contactPreferences: ContactPreferences;
  interpreterLanguage: string | null;
  accessibilityNeeds: string | null;
  language: string;
  triage: StoredTriage;
  override: Override | null;
  status: RequestStatus;
  respondBy: Date;
  expectedResponse: { by: Date; text: string } | null;
  lanes: Lanes | null;
  routedToHubId: string | null;
  firstResponseAt: Date | null;
  closedAt: Date | null;
  closeOutcome: string | null;
  appointmentId: number | null;
  createdAt: Date;
}

export interface RequestMessage {
  id: number;
  authorKind: 'patient' | 'staff' | 'system';
  body: string;
  createdAt: Date;
}

export const currentDisposition = (r: Pick<PatientRequest, 'triage' | 'override'>): Disposition => r.override?.disposition ?? r.triage.disposition;
export const currentService = (r: Pick<PatientRequest, 'triage' | 'override'>): CareService => r.override?.service ?? r.triage.service;
