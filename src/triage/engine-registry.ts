// The engines Hamlet can triage with, and the one that is live. The rules engine is live by default; any
// other engine (the LLM engine, a test fake) goes live only after its evaluation on the open set passes
// the go-live gate. Every evaluation is stored, and staff can see the live engine's report.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Actor } from '../trust/domain/actor.ts';
import type { AuditTrail } from '../trust/audit-trail.ts';
import { conflict, invalidInput } from '../shared/errors.ts';
import { evaluate, type EvaluationCase, type EvaluationReport } from './domain/evaluation.ts';
import { assessGoLive, DEFAULT_GO_LIVE_THRESHOLDS, type GoLiveThresholds } from './domain/go-live-gate.ts';
import type { TriageEngine } from './triage-engines.ts';
import { SAFETY_QUESTIONS } from './domain/rules/index.ts';

export interface StoredEvaluation {
  id: number;
  engineId: string;
  engineVersion: string;
  evaluationSet: string;
  evaluatedAt: string;
  passed: boolean;
  failures: string[];
  report: EvaluationReport;
}

export interface EngineStatus {
  live: { id: string; version: string; switchedAt: string | null; switchedBy: string | null; report: StoredEvaluation };
  /** Set when the stored live engine is not available in this process, so the rules engine is used instead. */
  fallbackFrom: string | null;
  engines: { id: string; version: string; latest: Omit<StoredEvaluation, 'report'> | null }[];
}

export interface TriageEngineRegistry {
  /** The adaptive safety questions a request may answer. */
  questionIds: ReadonlySet<string>;
  register(engine: TriageEngine): void;
  /** The engine that triages real requests now. */
  live(): Promise<TriageEngine>;
  status(): Promise<EngineStatus>;
  evaluateEngine(engineId: string): Promise<StoredEvaluation>;
  /** Evaluates the engine and makes it live if it passes the gate; 409 with the failures otherwise. */
  switchLive(actor: Actor, engineId: string): Promise<EngineStatus>;
}

export interface RegistryOptions {
  db: Kysely<Database>;
  clock: { now(): Date };
  audit: AuditTrail;
  /** The rules engine: live by default and the fallback. */
  defaultEngine: TriageEngine;
  evaluationSet: { name: string; load(): Promise<EvaluationCase[]> };
  thresholds?: GoLiveThresholds;
  /** How long a process trusts its cached view of the live engine (other servers may switch it). */
  refreshMs?: number;
  /** Cases triaged at once during an evaluation (an HTTP engine should not be flooded). */
  concurrency?: number;
}

// Explicit casts: pg would send a JS array as a PostgreSQL array, not JSON.
const jsonb = <T>(value: T) => sql<T>`CAST(${JSON.stringify(value)} AS jsonb)`;

type EvaluationRow = Awaited<ReturnType<typeof latestRow>>;
function latestRow(db: Kysely<Database>, engineId: string, version: string) {
  return db.selectFrom('triage_engine_evaluation').selectAll().where('engine_id', '=', engineId).where('engine_version', '=', version)
    .orderBy('id', 'desc').limit(1).executeTakeFirst();
}

function toStored(row: NonNullable<EvaluationRow>): StoredEvaluation {
  return {
    id: row.id, engineId: row.engine_id, engineVersion: row.engine_version, evaluationSet: row.evaluation_set,
    evaluatedAt: row.evaluated_at.toISOString(), passed: row.passed, failures: row.failures, report: row.report as unknown as EvaluationReport,
  };
}

async function triageAll(engine: TriageEngine, cases: EvaluationCase[], concurrency: number) {
  const results: { id: string; disposition: EvaluationReport['misses'][number]['got'] }[] = [];
  let next = 0;
  const worker = async () => {
    while (next < cases.length) {
      const c = cases[next++] as EvaluationCase;
      results.push({ id: c.id, disposition: (await engine.triage({ age: c.age, sex: c.sex, text: c.text })).disposition });
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, cases.length) }, worker));
  return results;
}

export function createTriageEngineRegistry(options: RegistryOptions): TriageEngineRegistry {
  const { db, clock, audit, defaultEngine } = options;
  const engines = new Map<string, TriageEngine>([[defaultEngine.id, defaultEngine]]);
  let cached: { engine: TriageEngine; fallbackFrom: string | null; at: number } | null = null;

  const find = (engineId: string) => {
    const engine = engines.get(engineId);
    if (!engine) throw invalidInput('engineId', `no engine "${engineId}"; available: ${[...engines.keys()].join(', ')}`);
    return engine;
  };

  async function resolveLive() {
    const now = clock.now().getTime();
    if (cached && now - cached.at < (options.refreshMs ?? 30_000)) return cached;
    const row = await db.selectFrom('triage_live_engine').selectAll().executeTakeFirst();
    const stored = row ? engines.get(row.engine_id) : defaultEngine;
    // An engine switched live elsewhere but not configured here (or changed version) falls back to the rules.
    const usable = stored && (!row || stored.version === row.engine_version) ? stored : null;
    cached = { engine: usable ?? defaultEngine, fallbackFrom: usable ? null : `${row?.engine_id} ${row?.engine_version}`, at: now };
    return cached;
  }

  async function evaluateEngine(engineId: string): Promise<StoredEvaluation> {
    const engine = find(engineId);
    const cases = await options.evaluationSet.load();
    const report = evaluate(cases, await triageAll(engine, cases, options.concurrency ?? 4));
    const gate = assessGoLive(report, options.thresholds ?? DEFAULT_GO_LIVE_THRESHOLDS);
    const row = await db.insertInto('triage_engine_evaluation').values({
      engine_id: engine.id, engine_version: engine.version, evaluation_set: options.evaluationSet.name, evaluated_at: clock.now(),
      passed: gate.allowed, failures: jsonb(gate.failures), report: jsonb(report as unknown as Record<string, unknown>),
    }).returningAll().executeTakeFirstOrThrow();
    return toStored(row);
  }

  async function reportFor(engine: TriageEngine): Promise<StoredEvaluation> {
    const row = await latestRow(db, engine.id, engine.version);
    return row ? toStored(row) : evaluateEngine(engine.id);
  }

  async function status(): Promise<EngineStatus> {
    const live = await resolveLive();
    const row = await db.selectFrom('triage_live_engine').selectAll().executeTakeFirst();
    const report = await reportFor(live.engine);
    const listed = await Promise.all([...engines.values()].map(async (e) => {
      const latest = await latestRow(db, e.id, e.version);
      const { report: _report, ...summary } = latest ? toStored(latest) : { report: null };
      return { id: e.id, version: e.version, latest: latest ? (summary as Omit<StoredEvaluation, 'report'>) : null };
    }));
    const switched = row && !live.fallbackFrom;
    return {
      live: { id: live.engine.id, version: live.engine.version, switchedAt: switched ? row.switched_at.toISOString() : null, switchedBy: switched ? row.switched_by : null, report },
      fallbackFrom: live.fallbackFrom,
      engines: listed,
    };
  }

  return {
    questionIds: new Set(SAFETY_QUESTIONS.map((q) => q.id)),
    register(engine) {
      engines.set(engine.id, engine);
    },
    async live() {
      return (await resolveLive()).engine;
    },
    status,
    evaluateEngine,
    async switchLive(actor, engineId) {
      const engine = find(engineId);
      const evaluation = await evaluateEngine(engineId);
      const details = { engineVersion: engine.version, evaluationId: evaluation.id, passed: evaluation.passed, failures: evaluation.failures };
      if (!evaluation.passed) {
        await audit.record(db, actor, { action: 'triage.engine.switch.refused', resourceType: 'triage_engine', resourceId: engineId, details });
        throw conflict(`${engineId} failed the go-live gate on ${evaluation.evaluationSet}`, { failures: evaluation.failures, evaluationId: evaluation.id });
      }
      await db.transaction().execute(async (trx) => {
        const values = { engine_id: engine.id, engine_version: engine.version, evaluation_id: evaluation.id, switched_by: actor.subject, switched_at: clock.now() };
        await trx.insertInto('triage_live_engine').values(values).onConflict((oc) => oc.column('singleton').doUpdateSet(values)).execute();
        await audit.record(trx, actor, { action: 'triage.engine.switch', resourceType: 'triage_engine', resourceId: engineId, details });
      });
      cached = null;
      return status();
    },
  };
}
