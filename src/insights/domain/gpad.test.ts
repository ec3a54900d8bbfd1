import { describe, expect, it } from 'vitest';
import { gpadCsv, gpadExtract, gpadStatus } from './gpad.ts';

const row = { month: '2026-06-01', practiceId: 'Z84001', serviceSetting: 'General Practice', nationalCategory: 'Planned Clinics', status: 'attended', hcpRole: 'nurse', mode: 'in_person', leadDays: 3, appointments: 10 };

describe('GPAD extract', () => {
  it('maps status, HCP type, mode and booking lead to GPAD wording, folding days into bands', () => {
    const rows = gpadExtract([row, { ...row, leadDays: 6 }, { ...row, leadDays: 0, status: 'booked', hcpRole: 'gp', mode: 'telephone', appointments: 3 }]);
    expect(rows).toEqual([
      expect.objectContaining({ APPT_STATUS: 'Attended', HCP_TYPE: 'Other Practice staff', APPT_MODE: 'Face-to-Face', TIME_BETWEEN_BOOK_AND_APPT: '2 to 7 Days', COUNT_OF_APPOINTMENTS: 20 }),
      expect.objectContaining({ APPT_STATUS: 'Unknown', HCP_TYPE: 'GP', APPT_MODE: 'Telephone', TIME_BETWEEN_BOOK_AND_APPT: 'Same Day', COUNT_OF_APPOINTMENTS: '*' }),
    ]);
    expect(gpadStatus('dna')).toBe('DNA');
  });

  it('writes a CSV with the GPAD header and * for suppressed counts', () => {
    const csv = gpadCsv(gpadExtract([{ ...row, appointments: 4 }]));
    expect(csv).toBe('APPOINTMENT_MONTH,PRACTICE_CODE,SERVICE_SETTING,NATIONAL_CATEGORY,APPT_STATUS,HCP_TYPE,HCP_DETAILED_ROLE,APPT_MODE,TIME_BETWEEN_BOOK_AND_APPT,COUNT_OF_APPOINTMENTS\r\n'
      + '2026-06,Z84001,General Practice,Planned Clinics,Attended,Other Practice staff,nurse,Face-to-Face,2 to 7 Days,*\r\n');
  });
});
