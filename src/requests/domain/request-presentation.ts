// What patients are told about their request: its status in plain words and, for an emergency, exactly
// what to do now. Crisis numbers: NHS 111 option 2 (mental health), Samaritans 116 123 (free, any time).
import type { CareService } from '../../shared/domain/vocabulary.ts';
import type { RequestStatus } from './queue-order.ts';

export const STATUS_TEXT = {
  new: 'Received: the practice will review your request',
  in_review: 'The practice is reviewing your request',
  awaiting_patient: 'The practice has replied: please read their message',
  advised: 'The practice has given you advice',
  booked: 'An appointment has been booked',
  referred: 'You have been referred to another service',
  closed: 'Closed',
  escalated: 'Emergency: do not wait for the practice',
} as const satisfies Record<RequestStatus, string>;

export interface EmergencyAction {
  label: string;
  /** A number to call, for a tel: link. */
  phone?: string;
}

export interface EmergencyInstructions {
  headline: string;
  actions: EmergencyAction[];
}

export function emergencyInstructions(service: CareService): EmergencyInstructions {
  if (service === 'mental_health_crisis') {
    return {
      headline: 'You need urgent mental health support now. Do not wait for a reply from the practice.',
      actions: [
        { label: 'If you are in danger or might act on your thoughts, call 999', phone: '999' },
        { label: 'Call NHS 111 and choose option 2 for the mental health crisis line', phone: '111' },
        { label: 'Talk to Samaritans, free, day or night, on 116 123', phone: '116123' },
      ],
    };
  }
  return {
    headline: 'This could be an emergency. Call 999 or go to A&E now. Do not wait for a reply from the practice.',
    actions: [
      { label: 'Call 999 now', phone: '999' },
      { label: 'Or go to your nearest A&E now' },
    ],
  };
}
