// Reading an SPC series from CSV (header `date,value`): every problem reported with its line.
import type { SpcInputPoint } from './spc.ts';
import { isIsoDate, parseCsvTable, parseDecimal } from './csv.ts';
import type { CsvError } from './csv.ts';

export type SpcCsvResult = { ok: true; points: SpcInputPoint[] } | { ok: false; errors: CsvError[] };

/** All rows must be good: a chart with silently dropped points would mislead. */
export function parseSpcCsv(text: string): SpcCsvResult {
  const table = parseCsvTable(text, ['date', 'value']);
  if (!table.ok) return { ok: false, errors: [table.error] };
  const errors: CsvError[] = [...table.value.rowErrors];
  const points: SpcInputPoint[] = [];
  const seen = new Map<string, number>();
  for (const { line, values } of table.value.rows) {
    const date = values['date']!;
    const value = parseDecimal(values['value']!);
    if (!isIsoDate(date)) errors.push({ line, message: `date '${date}' is not a calendar date written YYYY-MM-DD` });
    else if (seen.has(date)) errors.push({ line, message: `date ${date} already appears on line ${seen.get(date)}` });
    if (value === null) errors.push({ line, message: `value '${values['value']}' is not a number` });
    if (isIsoDate(date) && !seen.has(date)) seen.set(date, line);
    if (value !== null && isIsoDate(date)) points.push({ date, value });
  }
  if (errors.length > 0) return { ok: false, errors: errors.sort((a, b) => a.line - b.line) };
  if (points.length === 0) return { ok: false, errors: [{ line: 1, message: 'no data rows after the header' }] };
  return { ok: true, points };
}
