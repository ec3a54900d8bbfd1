import { describe, expect, it } from 'vitest';
import { isBookable, pageForOutcome } from './next-step.ts';

describe('pageForOutcome', () => {
  it('stops the flow for any emergency, whatever the service', () => {
    expect(pageForOutcome({ disposition: 'emergency', service: 'emergency_999' })).toBe('/request/emergency');
    expect(pageForOutcome({ disposition: 'emergency', service: 'mental_health_crisis' })).toBe('/request/emergency');
  });
  it('sends self-care and Pharmacy First to advice', () => {
    expect(pageForOutcome({ disposition: 'self_care', service: 'self_care' })).toBe('/request/advice');
    expect(pageForOutcome({ disposition: 'routine', service: 'community_pharmacy' })).toBe('/request/advice');
  });
  it('sends urgent and routine clinical needs to the outcome page', () => {
    expect(pageForOutcome({ disposition: 'urgent', service: 'same_day_clinician' })).toBe('/request/outcome');
    expect(pageForOutcome({ disposition: 'routine', service: 'admin_team' })).toBe('/request/outcome');
  });
});

describe('isBookable', () => {
  it('offers booking for clinician lanes only', () => {
    expect(isBookable('first_available')).toBe(true);
    expect(isBookable('hub')).toBe(true);
    expect(isBookable('admin_team')).toBe(false);
    expect(isBookable('community_pharmacy')).toBe(false);
  });
});
