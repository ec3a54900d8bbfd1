// Shared set-up for the front-door integration tests: finding seeded patients, submitting requests.
import { sql } from 'kysely';
import type { TestContext } from '../support/test-context.ts';

export const PRACTICE = 'Z84001';

export interface SeededPatient {
  id: number;
  nhsNumber: string;
  practiceId: string;
  ageYears: number;
  sex: 'female' | 'male';
  usualClinicianId: string | null;
  longTermConditions: string[];
}

/** Adults at the practice, youngest conditions-free first or with conditions, as asked. */
export async function adults(ctx: TestContext, options: { practiceId?: string; withConditions?: boolean; count?: number } = {}): Promise<SeededPatient[]> {
  const rows = await ctx.database.db.selectFrom('patient')
    .select(['id', 'nhs_number', 'practice_id', 'date_of_birth', 'sex', 'usual_clinician_id', 'long_term_conditions'])
    .where('practice_id', '=', options.practiceId ?? PRACTICE)
    .where('date_of_birth', '<=', '1990-01-01').where('date_of_birth', '>=', '1960-01-01')
    .where(sql<boolean>`cardinality(long_term_conditions) ${sql.raw(options.withConditions ? '>' : '=')} 0`)
    .orderBy('id').limit(options.count ?? 5).execute();
  return rows.map((r) => ({
    id: r.id, nhsNumber: r.nhs_number, practiceId: r.practice_id, sex: r.sex as 'female' | 'male', usualClinicianId: r.usual_clinician_id,
    longTermConditions: r.long_term_conditions,
    ageYears: Math.floor((Date.parse('2026-11-23') - Date.parse(r.date_of_birth)) / (365.2425 * 86_400_000)),
  }));
}

export const asPatient = (ctx: TestContext, p: SeededPatient) => ctx.auth({ role: 'patient', patient: p.nhsNumber, sub: `patient:${p.nhsNumber}` });

export async function submit(ctx: TestContext, headers: Record<string, string>, payload: Record<string, unknown>) {
  return ctx.app.inject({ method: 'POST', url: '/api/requests', headers, payload });
}

export function selfRequest(p: SeededPatient, description: string, extra: Record<string, unknown> = {}) {
  return { submittedFor: 'self', ageYears: p.ageYears, sex: p.sex, description, ...extra };
}

export async function requestCount(ctx: TestContext): Promise<number> {
  const row = await ctx.database.db.selectFrom('patient_request').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

export const TEXT = {
  chestPain: "I have crushing chest pain going down my left arm and I'm sweating",
  crisis: 'I want to kill myself tonight, I have saved up my pills',
  negatedCough: 'I have a cough for 4 days but no chest pain and no difficulty breathing',
  fitNote: 'I need a fit note for work please',
  lonely: "I feel really lonely since my wife died, I don't see anyone all week",
  kidney: 'I have a temperature of 38.5 and burning when I pee and pain in my back under my ribs',
  ankle: 'My ankle has been swollen and painful for two weeks after I twisted it',
} as const;
