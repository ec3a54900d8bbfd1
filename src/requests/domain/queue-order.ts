// The staff queue's order: most urgent first, then the earliest response deadline, then the longest
// wait. Requests waiting on the patient drop below those the practice must act on. Breach flags show
// which requests have passed their response target without a first response.
import type { Disposition } from '../../shared/domain/vocabulary.ts';

export const URGENCY_RANK = { emergency: 3, urgent: 2, routine: 1, self_care: 0 } as const satisfies Record<Disposition, number>;

export const OPEN_STATUSES = ['new', 'in_review', 'awaiting_patient', 'escalated'] as const;
export const REQUEST_STATUSES = ['new', 'in_review', 'awaiting_patient', 'advised', 'booked', 'referred', 'closed', 'escalated'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export interface QueueEntry {
  disposition: Disposition;
  status: RequestStatus;
  respondBy: Date;
  createdAt: Date;
  firstResponseAt: Date | null;
}

export interface QueueFlags {
  /** Past the response target with no response yet. */
  breached: boolean;
  /** Within `dueSoonMinutes` of the target with no response yet. */
  dueSoon: boolean;
  minutesWaiting: number;
  minutesToTarget: number;
}

export function queueFlags(entry: QueueEntry, now: Date, dueSoonMinutes = 60): QueueFlags {
  const minutesToTarget = Math.round((entry.respondBy.getTime() - now.getTime()) / 60_000);
  const unanswered = entry.firstResponseAt === null;
  return {
    breached: unanswered && minutesToTarget < 0,
    dueSoon: unanswered && minutesToTarget >= 0 && minutesToTarget <= dueSoonMinutes,
    minutesWaiting: Math.max(0, Math.round((now.getTime() - entry.createdAt.getTime()) / 60_000)),
    minutesToTarget,
  };
}

function compareEntries(a: QueueEntry, b: QueueEntry): number {
  const waitingOnPatient = Number(a.status === 'awaiting_patient') - Number(b.status === 'awaiting_patient');
  return waitingOnPatient
    || URGENCY_RANK[b.disposition] - URGENCY_RANK[a.disposition]
    || a.respondBy.getTime() - b.respondBy.getTime()
    || a.createdAt.getTime() - b.createdAt.getTime();
}

export function orderQueue<T extends QueueEntry>(entries: readonly T[], now: Date, dueSoonMinutes = 60): (T & QueueFlags)[] {
  return [...entries].sort(compareEntries).map((entry) => ({ ...entry, ...queueFlags(entry, now, dueSoonMinutes) }));
}
