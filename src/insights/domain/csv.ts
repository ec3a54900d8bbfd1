// A small RFC 4180 CSV reader that never throws: bad input comes back as an error with its line number,
// so commands can tell people exactly where to look.

export interface CsvRecord {
  /** 1-based line on which the record starts (the header is line 1). */
  line: number;
  fields: string[];
}

export interface CsvError {
  line: number;
  message: string;
}

export type CsvResult<T> = { ok: true; value: T } | { ok: false; error: CsvError };

/** Split text into records. Quoted fields may hold commas, newlines and doubled quotes; blank lines are skipped. */
export function parseCsv(input: string): CsvResult<CsvRecord[]> {
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  const endField = () => {
    fields.push(field);
    field = '';
    quoted = false;
  };
  const endRecord = () => {
    const blank = fields.length === 0 && field === '' && !quoted;
    endField();
    if (!blank) records.push({ line: recordLine, fields });
    fields = [];
  };
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '"' && field === '' && !quoted) {
      const closed = readQuoted(text, i + 1);
      if (!closed.ok) return { ok: false, error: { line, message: closed.message } };
      field = closed.value;
      line += closed.newlines;
      quoted = true;
      i = closed.end;
      const next = text[i];
      if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') {
        return { ok: false, error: { line, message: 'unexpected text after a closing quote' } };
      }
    } else if (ch === '"') {
      return { ok: false, error: { line, message: 'a quote inside an unquoted field' } };
    } else if (ch === ',') {
      endField();
      i++;
    } else if (ch === '\n' || ch === '\r') {
      endRecord();
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
      recordLine = line;
    } else {
      field += ch;
      i++;
    }
  }
  if (field !== '' || quoted || fields.length > 0) endRecord();
  return { ok: true, value: records };
}

/** The body of a quoted field starting after its opening quote; `end` is just past the closing quote. */
function readQuoted(
  text: string,
  from: number,
): { ok: true; value: string; end: number; newlines: number } | { ok: false; message: string } {
  let value = '';
  let newlines = 0;
  let i = from;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"' && text[i + 1] === '"') {
      value += '"';
      i += 2;
    } else if (c === '"') {
      return { ok: true, value, end: i + 1, newlines };
    } else {
      if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) newlines++;
      value += c;
      i++;
    }
  }
  return { ok: false, message: 'a quoted field is never closed' };
}

export interface CsvRow {
  line: number;
  /** Trimmed values by column name. */
  values: Record<string, string>;
}

export interface CsvTable {
  rows: CsvRow[];
  /** Rows whose field count does not match the header. */
  rowErrors: CsvError[];
}

/** Parse a CSV whose header names at least `columns` (any order, extra columns ignored). */
export function parseCsvTable(input: string, columns: readonly string[]): CsvResult<CsvTable> {
  const parsed = parseCsv(input);
  if (!parsed.ok) return parsed;
  const [header, ...records] = parsed.value;
  if (!header) return { ok: false, error: { line: 1, message: `empty file: expected a header ${columns.join(',')}` } };
  const names = header.fields.map((f) => f.trim().toLowerCase());
  const missing = columns.filter((c) => !names.includes(c));
  if (missing.length > 0) {
    return {
      ok: false,
      error: { line: header.line, message: `header must name ${columns.join(',')}; missing ${missing.join(', ')}` },
    };
  }
  const rows: CsvRow[] = [];
  const rowErrors: CsvError[] = [];
  for (const record of records) {
    if (record.fields.length !== names.length) {
      rowErrors.push({ line: record.line, message: `expected ${names.length} fields, found ${record.fields.length}` });
      continue;
    }
    const values: Record<string, string> = {};
    for (const column of columns) values[column] = record.fields[names.indexOf(column)]!.trim();
    rows.push({ line: record.line, values });
  }
  return { ok: true, value: { rows, rowErrors } };
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date written YYYY-MM-DD. */
export function isIsoDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** A plain decimal number (no hex, no blanks, no Infinity); null if it is not one. */
export function parseDecimal(text: string): number | null {
  if (!DECIMAL.test(text)) return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

/** One CSV field: quoted when it holds a comma, quote or line break; text that a spreadsheet would run as a
 *  formula (=, +, -, @ first) is prefixed with an apostrophe. */
export function csvField(value: string | number | boolean | null): string {
  if (value === null) return '';
  if (typeof value !== 'string') return String(value);
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A CSV document (CRLF line ends, as RFC 4180) from a header and rows in the same column order. */
export function formatCsv(header: readonly string[], rows: readonly (readonly (string | number | boolean | null)[])[]): string {
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}
