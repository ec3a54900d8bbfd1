// Runs a multi-statement SQL script one statement at a time: PGlite (through Kysely) prepares each
// query, and a prepared statement may hold only one command.
import { sql, type Kysely } from 'kysely';

/** Splits at semicolons that end a line, except inside $$-quoted bodies (functions). */
export function splitSqlScript(script: string): string[] {
  const statements: string[] = [];
  let current = '';
  let inDollarQuote = false;
  for (const line of script.split('\n')) {
    current += line + '\n';
    if ((line.match(/\$\$/g) ?? []).length % 2 === 1) inDollarQuote = !inDollarQuote;
    if (!inDollarQuote && /;\s*(--.*)?$/.test(line)) {
      if (current.trim()) statements.push(current.trim());
      current = '';
    }
  }
  if (current.trim()) statements.push(current.trim());
  return statements.filter((s) => s.replace(/--.*$/gm, '').trim().length > 0);
}

export async function executeSqlScript<DB>(db: Kysely<DB>, script: string): Promise<void> {
  for (const statement of splitSqlScript(script)) await sql.raw(statement).execute(db);
}
