// A GP Appointments Data (GPAD) style extract: appointments per month and practice by the national fields
// (status, HCP type, mode, time from booking, national category, service setting), counts of 1–7 as "*".
import type { LocalDate } from '../../shared/domain/london-time.ts';
import { GPAD_MODE, gpadBookingLeadBand, gpadHcpType } from '../../shared/domain/vocabulary.ts';
import type { AppointmentMode, ClinicalRole } from '../../shared/domain/vocabulary.ts';
import { formatCsv } from './csv.ts';
import { suppressTable } from './suppression.ts';

export interface GpadSourceRow {
  month: LocalDate;
  practiceId: string;
  serviceSetting: string;
  nationalCategory: string;
  status: string;
  hcpRole: string;
  mode: string;
  leadDays: number;
  appointments: number;
}

export const GPAD_COLUMNS = [
  'APPOINTMENT_MONTH', 'PRACTICE_CODE', 'SERVICE_SETTING', 'NATIONAL_CATEGORY', 'APPT_STATUS', 'HCP_TYPE', 'HCP_DETAILED_ROLE', 'APPT_MODE',
  'TIME_BETWEEN_BOOK_AND_APPT', 'COUNT_OF_APPOINTMENTS',
] as const;

/** GPAD publishes Attended, DNA and Unknown: the extract covers past appointments only, so one still "booked"
 *  after its time has no recorded outcome. */
export function gpadStatus(status: string): 'Attended' | 'DNA' | 'Unknown' {
  return status === 'attended' ? 'Attended' : status === 'dna' ? 'DNA' : 'Unknown';
}

const modeName = (mode: string) => GPAD_MODE[mode as AppointmentMode] ?? 'Unknown';
const hcpType = (role: string) => gpadHcpType(role as ClinicalRole);

/** Extract rows (lead days folded into GPAD bands), ordered, with primary suppression (no totals are published). */
export function gpadExtract(rows: readonly GpadSourceRow[]): Record<(typeof GPAD_COLUMNS)[number], string | number>[] {
  const cells = new Map<string, Record<(typeof GPAD_COLUMNS)[number], string | number>>();
  for (const r of rows) {
    const fields = {
      APPOINTMENT_MONTH: r.month.slice(0, 7), PRACTICE_CODE: r.practiceId, SERVICE_SETTING: r.serviceSetting, NATIONAL_CATEGORY: r.nationalCategory,
      APPT_STATUS: gpadStatus(r.status), HCP_TYPE: hcpType(r.hcpRole),
      HCP_DETAILED_ROLE: r.hcpRole, APPT_MODE: modeName(r.mode), TIME_BETWEEN_BOOK_AND_APPT: gpadBookingLeadBand(r.leadDays),
    };
    const key = Object.values(fields).join('\u0000');
    const cell = cells.get(key) ?? { ...fields, COUNT_OF_APPOINTMENTS: 0 };
    cell.COUNT_OF_APPOINTMENTS = (cell.COUNT_OF_APPOINTMENTS as number) + r.appointments;
    cells.set(key, cell);
  }
  const ordered = [...cells.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([, row]) => row);
  return suppressTable(ordered, { counts: ['COUNT_OF_APPOINTMENTS'] });
}

export function gpadCsv(rows: ReturnType<typeof gpadExtract>): string {
  return formatCsv(GPAD_COLUMNS, rows.map((r) => GPAD_COLUMNS.map((c) => r[c])));
}
