// What the patient is told: the time window, the ways they can be seen, and what to do if things change.
import type { AppointmentMode, CareService, Disposition } from '../../shared/domain/vocabulary.ts';
import type { TimeWindow } from './triage-types.ts';

const TWO_WEEKS = 14 * 24;

export const TIME_WINDOWS = {
  emergency_999: { label: 'Now: call 999 or go to A&E', withinHours: 0 },
  mental_health_crisis: { label: 'Now: call 999, or NHS 111 and choose the mental health option', withinHours: 0 },
  same_day_clinician: { label: 'Today: a clinician will contact you within 4 hours', withinHours: 4 },
  own_clinician: { label: 'Within 2 weeks, with your usual clinician', withinHours: TWO_WEEKS },
  first_available: { label: 'Within 2 weeks, with the first available clinician', withinHours: TWO_WEEKS },
  hub: { label: 'Within 2 weeks, at the extended-access hub', withinHours: TWO_WEEKS },
  community_pharmacy: { label: 'Today or tomorrow, at a community pharmacy', withinHours: 48 },
  self_care: { label: 'Look after yourself now; contact us if not improving within 3 days', withinHours: 72 },
  social_prescribing: { label: 'Within 2 weeks, with a social prescribing link worker', withinHours: TWO_WEEKS },
  admin_team: { label: 'Within 3 working days, from the practice team', withinHours: 72 },
} as const satisfies Record<CareService, TimeWindow>;

export function modesFor(service: CareService, homebound: boolean): AppointmentMode[] {
  switch (service) {
    case 'emergency_999':
    case 'mental_health_crisis':
    case 'self_care':
    case 'admin_team':
      return [];
    case 'community_pharmacy':
      return ['in_person'];
    case 'social_prescribing':
      return ['telephone', 'in_person'];
    case 'same_day_clinician':
    case 'own_clinician':
    case 'first_available':
    case 'hub': {
      const modes: AppointmentMode[] = ['telephone', 'video', 'in_person'];
      return homebound && service !== 'hub' ? [...modes, 'home_visit'] : modes;
    }
  }
}

const ALWAYS =
  'Call 999 at once for chest pain, severe breathlessness, signs of a stroke (face, arm, speech), collapse or heavy bleeding.';
const CHILD =
  'If your child becomes floppy or hard to wake, breathes very fast, stops drinking or has a rash that does not fade under a glass, call 999.';
const CRISIS =
  'If you feel you might act on thoughts of suicide, call 999 or NHS 111 (mental health option); Samaritans are free on 116 123, day and night.';

function byDisposition(disposition: Disposition, service: CareService): string {
  switch (disposition) {
    case 'emergency':
      return service === 'mental_health_crisis'
        ? 'Do not wait for a reply from the practice: call 999 if you are in danger now, or NHS 111 and choose the mental health option.'
        : 'Do not wait for a reply from the practice: call 999 or go to A&E now.';
    case 'urgent':
      return 'If nobody has contacted you within the time shown, or you get worse while waiting, call NHS 111 (or 999 in an emergency).';
    case 'routine':
      return 'If things get worse before you are seen, contact the practice the same day or call NHS 111.';
    case 'self_care':
      return 'If you are not improving within a few days, or you get worse, contact the practice or NHS 111.';
  }
}

export function safetyNettingFor(
  disposition: Disposition,
  service: CareService,
  options: { child: boolean; mentalHealth: boolean },
): string[] {
  const lines = [byDisposition(disposition, service)];
  if (options.mentalHealth) lines.push(CRISIS);
  if (options.child) lines.push(CHILD);
  lines.push(ALWAYS);
  return lines;
}
