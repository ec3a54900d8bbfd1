// The staff views of the API this workspace reads (front door queue and request; booking capacity and waiting list).
import type { Appointment, CareService, Disposition, Mode, RequestMessage, RequestSummary, TriageReason } from '../api/types.ts';

export interface PatientSummary {
  id: number;
  nhsNumber: string;
  name: string;
  dateOfBirth: string;
  ageYears: number;
  sex: string;
  longTermConditions: string[];
  frail: boolean;
  usualClinicianId: string | null;
  mainLanguage: string | null;
  interpreterNeeded: boolean;
  housebound: boolean;
}

export interface StaffRequest extends RequestSummary {
  patientId: number | null;
  respondBy: string;
  triage?: { reasons: TriageReason[]; disposition: Disposition; service: CareService };
  override: { disposition: Disposition; service: CareService; reason: string; by?: string; byName?: string; at: string } | null;
  flags: { breached: boolean; dueSoon: boolean; minutesWaiting: number; minutesToTarget: number } | null;
  patient: PatientSummary | null;
  answers?: Record<string, string> | null;
  ageYears?: number;
  sex?: string;
  messages?: RequestMessage[];
}

export interface Queue {
  generatedAt: string;
  alerts: { id: string | number; requestId: string; kind: string; message: string; createdAt: string; patient: PatientSummary | null }[];
  counts: { open: number; breached: number; dueSoon: number; alerts: number };
  items: StaffRequest[];
}

export interface Counts { offered: number; booked: number; held: number; free: number }

export interface Capacity {
  organisation: { kind: 'practice' | 'hub'; id: string; name: string };
  from: string;
  to: string;
  totals: Counts;
  days: { date: string; totals: Counts; byMode: Record<Mode, Counts>; sessions: (Counts & { clinician: { id: string; name: string; role: string }; sessionId: string | null; siteId: string; /** London time, HH:mm */ start: string; end: string; mode: Mode })[] }[];
}

export interface WaitingEntry {
  id: number;
  patientId: number;
  appointmentId: number | null;
  criteria: { modes?: Mode[] | null; clinicianId?: string | null; siteIds?: string[] | null; before?: string | null } | null;
  requestedAt: string;
  status: string;
  offer: { slotId: number; expiresAt: string } | null;
  bookedAppointmentId: number | null;
}

export type { Appointment };
