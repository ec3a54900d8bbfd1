// The appointment and slot as booking works with them (rows stay in the repository).
import type { AppointmentMode, AppointmentStatus, Booker, SlotType } from '../../shared/domain/vocabulary.ts';

export interface Appointment {
  id: number;
  slotId: number | null;
  patientId: number;
  /** The patient's registered practice. */
  practiceId: string;
  deliveredByPracticeId: string | null;
  deliveredByHubId: string | null;
  staffId: string;
  hcpRole: string;
  siteId: string;
  start: Date;
  end: Date;
  mode: AppointmentMode;
  status: AppointmentStatus;
  nationalCategory: string;
  serviceSetting: string;
  bookingChannel: string;
  bookedByOrg: string | null;
  bookedByUser: string | null;
  bookedAt: Date;
  cancelledAt: Date | null;
  cancellationReason: string | null;
  outcomeRecordedAt: Date | null;
  requestId: string | null;
  reason: string | null;
  /** Bumped on every change: the FHIR ETag and the iCalendar SEQUENCE. */
  version: number;
}

export interface SlotRecord {
  id: number;
  templateId: string | null;
  staffId: string;
  siteId: string;
  practiceId: string | null;
  hubId: string | null;
  start: Date;
  end: Date;
  mode: AppointmentMode;
  slotType: SlotType;
  bookableBy: Booker[];
  serviceTag: string | null;
  releaseAt: Date;
  embargoUntil: Date | null;
  maxDaysAhead: number | null;
  status: 'free' | 'booked' | 'withdrawn' | 'offered';
}

/** A booking is live (holds its slot) until it is cancelled. */
export const LIVE_STATUSES = ['booked', 'attended', 'dna'] as const satisfies readonly AppointmentStatus[];
