// One database interface over PGlite (embedded, the default) and a PostgreSQL server (DATABASE_URL):
// the same Kysely queries run on both; only connection setup and bulk COPY differ.
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PGliteDialect, PostgresDialect } from 'kysely';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { mkdirSync } from 'node:fs';
import type { Database } from './schema.ts';
import { copyLine, type CopyValue } from './copy-format.ts';

export type DatabaseKind = 'pglite' | 'postgres';

export interface HamletDatabase {
  db: Kysely<Database>;
  kind: DatabaseKind;
  /** Bulk-loads rows with COPY; `rows` may be produced lazily so memory stays flat. */
  copyRows(table: keyof Database & string, columns: readonly string[], rows: Iterable<readonly CopyValue[]>, options?: CopyOptions): Promise<number>;
  close(): Promise<void>;
}

export interface CopyOptions {
  /** Skip foreign-key triggers while loading rows that are consistent by construction (the generated borough).
   *  Needs a superuser; elsewhere the checks simply run. */
  trusted?: boolean;
}

export interface DatabaseOptions {
  /** postgres://… to use a PostgreSQL server; otherwise PGlite in `dataDir`. */
  databaseUrl?: string | undefined;
  /** PGlite data folder; `memory://` for a throwaway in-memory database. */
  dataDir: string;
  /** Pool size for a PostgreSQL server. */
  poolSize?: number;
  /** Start PGlite from a dumped data folder (tests clone a seeded fixture this way). */
  pgliteLoadDataDir?: Blob;
}

// int8 and numeric as numbers (our ids and aggregates stay far below 2^53), dates as 'YYYY-MM-DD' text.
const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;
const asNumber = (v: string) => Number(v);
const asText = (v: string) => v;

const COPY_BATCH_ROWS = 20_000;

export async function openDatabase(options: DatabaseOptions): Promise<HamletDatabase> {
  return options.databaseUrl ? openPostgres(options.databaseUrl, options.poolSize ?? 10) : openPglite(options.dataDir, options.pgliteLoadDataDir);
}

async function openPglite(dataDir: string, loadDataDir?: Blob): Promise<HamletDatabase> {
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const pglite = await PGlite.create({
    dataDir,
    ...(loadDataDir ? { loadDataDir } : {}),
    parsers: { [INT8]: asNumber, [NUMERIC]: asNumber, [DATE]: asText },
  });
  const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });
  return {
    db,
    kind: 'pglite',
    async copyRows(table, columns, rows, options = {}) {
      let count = 0;
      if (options.trusted) await pglite.query(`SET session_replication_role = replica`);
      try {
        for (const batch of batches(rows)) {
          const blob = new Blob(batch.map(copyLine));
          await pglite.query(`COPY ${table} (${columns.join(', ')}) FROM '/dev/blob'`, [], { blob });
          count += batch.length;
        }
      } finally {
        if (options.trusted) await pglite.query(`RESET session_replication_role`);
      }
      return count;
    },
    async close() {
      await db.destroy();
      if (!pglite.closed) await pglite.close();
    },
  };
}

async function openPostgres(connectionString: string, poolSize: number): Promise<HamletDatabase> {
  const types = {
    getTypeParser(oid: number, format?: 'text' | 'binary') {
      if (oid === INT8 || oid === NUMERIC) return asNumber;
      if (oid === DATE) return asText;
      return pg.types.getTypeParser(oid, format);
    },
  };
  const pool = new pg.Pool({ connectionString, max: poolSize, types: types as pg.CustomTypesConfig });
  // An idle connection dropped by the server (restart, failover, pg_terminate_backend) must not crash Hamlet:
  // the pool discards it and the next query connects afresh. Unhandled, node-postgres re-throws it.
  pool.on('error', () => {});
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    kind: 'postgres',
    async copyRows(table, columns, rows, options = {}) {
      const client = await pool.connect();
      const trusted = options.trusted === true && (await client.query('SELECT rolsuper FROM pg_roles WHERE rolname = current_user')).rows[0]?.rolsuper === true;
      if (trusted) await client.query('SET session_replication_role = replica');
      try {
        let count = 0;
        const lines = (function* () {
          for (const row of rows) {
            count++;
            yield copyLine(row);
          }
        })();
        const stream = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
        await pipeline(Readable.from(lines), stream);
        return count;
      } finally {
        if (trusted) await client.query('RESET session_replication_role');
        client.release();
      }
    },
    async close() {
      await db.destroy();
    },
  };
}

function* batches<T>(rows: Iterable<T>): Generator<T[]> {
  let batch: T[] = [];
  for (const row of rows) {
    batch.push(row);
    if (batch.length === COPY_BATCH_ROWS) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}
