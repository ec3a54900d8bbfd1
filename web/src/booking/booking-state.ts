// The time a patient has picked, kept until they confirm (and across a sign-in).
import { createStoredState } from '../shared/stored-state.ts';
import type { BookingOption } from '../api/types.ts';

export interface BookingState {
  option: BookingOption | null;
  /** Set when changing an existing appointment. */
  rebookOf: string | null;
  /** Who the appointment is for (a patient's own id, or the patient staff book for). */
  patientId: number | string | null;
  requestId: string | number | null;
  /** One key per attempt: a retried click cannot book twice. */
  idempotencyKey: string | null;
}

export const bookingState = createStoredState<BookingState>('hamlet.booking', {
  option: null, rebookOf: null, patientId: null, requestId: null, idempotencyKey: null,
});
