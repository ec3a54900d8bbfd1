// Reading visits from CSV (header `patient_id,date,clinician_id`): good rows kept, bad rows reported by line.
import type { Visit } from './continuity.ts';
import { isIsoDate, parseCsvTable } from './csv.ts';
import type { CsvError } from './csv.ts';

export type VisitsCsvResult = { ok: true; visits: Visit[]; rowErrors: CsvError[] } | { ok: false; error: CsvError };

export function parseVisitsCsv(text: string): VisitsCsvResult {
  const table = parseCsvTable(text, ['patient_id', 'date', 'clinician_id']);
  if (!table.ok) return table;
  const rowErrors: CsvError[] = [...table.value.rowErrors];
  const visits: Visit[] = [];
  for (const { line, values } of table.value.rows) {
    const patientId = values['patient_id']!;
    const date = values['date']!;
    const clinicianId = values['clinician_id']!;
    const problems = [
      patientId === '' ? 'patient_id is empty' : null,
      isIsoDate(date) ? null : `date '${date}' is not a calendar date written YYYY-MM-DD`,
      clinicianId === '' ? 'clinician_id is empty' : null,
    ].filter((p) => p !== null);
    if (problems.length > 0) rowErrors.push({ line, message: problems.join('; ') });
    else visits.push({ patientId, date, clinicianId });
  }
  return { ok: true, visits, rowErrors: rowErrors.sort((a, b) => a.line - b.line) };
}
