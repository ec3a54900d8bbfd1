// Response-time targets per kind of request: how soon the practice promises a first response. They are
// configuration (HAMLET_RESPONSE_TARGETS), with defaults from the brief; the honest estimate lives in
// expected-response.ts and may be later than the target when the queue is long.
import type { CareService, Disposition } from '../../shared/domain/vocabulary.ts';
import type { NeedKind } from '../../triage/domain/triage-types.ts';
import { addWorkingMinutes, closeOfWorkingDay, type WorkingCalendar } from './working-calendar.ts';

export const TARGET_KINDS = ['emergency', 'urgent', 'routine', 'self_care', 'admin', 'social'] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

export type ResponseTarget =
  | { kind: 'immediate' }
  /** Within this many hours of practice working time. */
  | { kind: 'working_hours'; hours: number }
  /** By the close of the nth working day after the request arrived. */
  | { kind: 'working_days'; days: number };

export type ResponseTargets = Record<TargetKind, ResponseTarget>;

export const DEFAULT_RESPONSE_TARGETS = {
  emergency: { kind: 'immediate' },
  urgent: { kind: 'working_hours', hours: 4 },
  routine: { kind: 'working_days', days: 2 },
  // Self-care advice is given at once; a navigator still reviews the request within the routine target.
  self_care: { kind: 'working_days', days: 2 },
  admin: { kind: 'working_days', days: 3 },
  social: { kind: 'working_days', days: 5 },
} as const satisfies ResponseTargets;

export function targetKindFor(disposition: Disposition, needKind: NeedKind): TargetKind {
  switch (disposition) {
    case 'emergency':
    case 'urgent':
    case 'self_care':
      return disposition;
    case 'routine':
      return needKind === 'medical' ? 'routine' : needKind;
  }
}

/** The instant by which the practice should have responded. */
export function respondBy(target: ResponseTarget, submittedAt: Date, calendar: WorkingCalendar): Date {
  switch (target.kind) {
    case 'immediate':
      return submittedAt;
    case 'working_hours':
      return addWorkingMinutes(submittedAt, target.hours * 60, calendar);
    case 'working_days':
      return closeOfWorkingDay(submittedAt, target.days, calendar);
  }
}

export function describeTarget(target: ResponseTarget): string {
  switch (target.kind) {
    case 'immediate':
      return 'immediately';
    case 'working_hours':
      return `within ${target.hours} working hour${target.hours === 1 ? '' : 's'}`;
    case 'working_days':
      return `within ${target.days} working day${target.days === 1 ? '' : 's'}`;
  }
}

/** Where an emergency-level service is the answer, nobody should wait for the practice. */
export function isEmergencyService(service: CareService): boolean {
  return service === 'emergency_999' || service === 'mental_health_crisis';
}

/**
 * Parses overrides such as "urgent=2h,routine=2d,admin=3d,social=5d" (h: working hours, d: working days,
 * "now": immediate) on top of the defaults. Returns the problem as text, never throws.
 */
export function parseResponseTargets(spec: string, base: ResponseTargets = DEFAULT_RESPONSE_TARGETS): ResponseTargets | string {
  const targets: ResponseTargets = { ...base };
  for (const part of spec.split(',').map((p) => p.trim()).filter(Boolean)) {
    const match = /^([a-z_]+)=(now|(\d+(?:\.\d+)?)([hd]))$/.exec(part);
    const kind = match?.[1] as TargetKind | undefined;
    if (!match || !kind || !(TARGET_KINDS as readonly string[]).includes(kind)) {
      return `"${part}" is not KIND=VALUE with KIND one of ${TARGET_KINDS.join(', ')} and VALUE "now", hours (4h) or working days (2d)`;
    }
    if (kind === 'emergency' && match[2] !== 'now') return 'emergency requests must be answered now';
    const amount = Number(match[3]);
    targets[kind] = match[2] === 'now' ? { kind: 'immediate' } : match[4] === 'h' ? { kind: 'working_hours', hours: amount } : { kind: 'working_days', days: Math.round(amount) };
  }
  return targets;
}
