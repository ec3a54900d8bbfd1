// Reading an A&E attendance extract (CSV). Every bad row comes back with its line, the field and the
// reason, so an import can store and show them: a row is never dropped without saying so.
import { DateTime } from 'luxon';
import { LONDON } from '../../shared/domain/london-time.ts';
import { isValidNhsNumber, normaliseNhsNumber } from '../../shared/domain/nhs-number.ts';
import { parseCsvTable } from './csv.ts';
import { AE_DEPARTMENT_TYPES, AE_DISCHARGE_OUTCOMES, AE_REFERRAL_SOURCES } from './ae-attendance.ts';
import type { AeAttendanceRecord, AeDepartmentType, AeDischargeOutcome, AeReferralSource } from './ae-attendance.ts';

export const AE_CSV_COLUMNS = ['nhs_number', 'arrival_time', 'department_type', 'referral_source', 'discharge_outcome'] as const;

export interface AeRejection {
  line: number;
  field: string;
  reason: string;
}

export interface AeCsvResult {
  /** Data rows in the file (good and bad). */
  total: number;
  records: AeAttendanceRecord[];
  rejections: AeRejection[];
  /** Lines of rejected rows, one each (a row may have several rejections). */
  rejectedLines: number[];
}

const LOCAL_TIME = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2})?$/;
const OFFSET_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/** An arrival instant: ISO 8601 with an offset, or a London wall-clock time `YYYY-MM-DD HH:MM[:SS]` (the autumn
 *  change's repeated hour reads as GMT: send an offset to be exact). */
export function parseArrivalTime(text: string): Date | null {
  if (OFFSET_TIME.test(text)) {
    const dt = DateTime.fromISO(text, { setZone: true });
    return dt.isValid ? dt.toJSDate() : null;
  }
  if (LOCAL_TIME.test(text)) {
    const dt = DateTime.fromISO(text.replace(' ', 'T'), { zone: LONDON });
    // A wall-clock time the spring change skips does not exist: luxon would move it silently.
    if (!dt.isValid || dt.toFormat('HH:mm') !== text.slice(11, 16)) return null;
    return dt.toJSDate();
  }
  return null;
}

/** Codes compare case-insensitively, with spaces and hyphens read as underscores ("Self", "NHS 111" → nhs111 is not guessed). */
const code = (text: string) => text.trim().toLowerCase().replace(/[\s-]+/g, '_');

function oneOf<T extends string>(values: readonly T[], text: string): T | null {
  const c = code(text);
  return (values as readonly string[]).includes(c) ? (c as T) : null;
}

function departmentType(text: string): AeDepartmentType | null {
  if (!/^0?[1-9]$/.test(text.trim())) return null;
  const n = Number(text);
  return Object.hasOwn(AE_DEPARTMENT_TYPES, n) ? (n as AeDepartmentType) : null;
}

type RowCheck = { record: AeAttendanceRecord } | { rejections: AeRejection[] };

function checkRow(line: number, values: Record<string, string>, now: Date): RowCheck {
  const rejections: AeRejection[] = [];
  const reject = (field: string, reason: string) => rejections.push({ line, field, reason });
  const nhs = normaliseNhsNumber(values['nhs_number']!);
  if (nhs === '') reject('nhs_number', 'missing');
  else if (!/^\d{10}$/.test(nhs)) reject('nhs_number', `'${values['nhs_number']}' is not 10 digits`);
  else if (!isValidNhsNumber(nhs)) reject('nhs_number', `${nhs} fails the modulus 11 check`);
  const arrival = parseArrivalTime(values['arrival_time']!);
  if (arrival === null) reject('arrival_time', `'${values['arrival_time']}' is not a date and time (ISO 8601 or YYYY-MM-DD HH:MM London time)`);
  else if (arrival.getTime() > now.getTime()) reject('arrival_time', `${values['arrival_time']} is in the future`);
  const type = departmentType(values['department_type']!);
  if (type === null) reject('department_type', `'${values['department_type']}' is not a department type 1–5`);
  const source = oneOf<AeReferralSource>(AE_REFERRAL_SOURCES, values['referral_source']!);
  if (source === null) reject('referral_source', `'${values['referral_source']}' is not one of ${AE_REFERRAL_SOURCES.join(', ')}`);
  const outcome = oneOf<AeDischargeOutcome>(AE_DISCHARGE_OUTCOMES, values['discharge_outcome']!);
  if (outcome === null) reject('discharge_outcome', `'${values['discharge_outcome']}' is not one of ${AE_DISCHARGE_OUTCOMES.join(', ')}`);
  if (rejections.length > 0 || arrival === null || type === null || source === null || outcome === null) return { rejections };
  return { record: { line, nhsNumber: nhs, arrivalAt: arrival, departmentType: type, referralSource: source, dischargeOutcome: outcome } };
}

/** Parses and checks an extract; duplicates within the file (same NHS number and arrival) are rejected after the first. */
export function parseAeCsv(text: string, now: Date): AeCsvResult {
  const table = parseCsvTable(text, AE_CSV_COLUMNS);
  if (!table.ok) {
    return { total: 0, records: [], rejections: [{ line: table.error.line, field: 'file', reason: table.error.message }], rejectedLines: [table.error.line] };
  }
  const rejections: AeRejection[] = table.value.rowErrors.map((e) => ({ line: e.line, field: 'row', reason: e.message }));
  const records: AeAttendanceRecord[] = [];
  const seen = new Map<string, number>();
  for (const { line, values } of table.value.rows) {
    const checked = checkRow(line, values, now);
    if ('rejections' in checked) {
      rejections.push(...checked.rejections);
      continue;
    }
    const key = `${checked.record.nhsNumber}@${checked.record.arrivalAt.toISOString()}`;
    const first = seen.get(key);
    if (first !== undefined) {
      rejections.push({ line, field: 'row', reason: `duplicates line ${first} (same NHS number and arrival time)` });
      continue;
    }
    seen.set(key, line);
    records.push(checked.record);
  }
  rejections.sort((a, b) => a.line - b.line);
  const rejectedLines = [...new Set(rejections.map((r) => r.line))];
  return { total: table.value.rows.length + table.value.rowErrors.length, records, rejections, rejectedLines };
}
