// Shared look-ups for the booking integration tests: real rows from the seeded test borough, found by what
// a test needs rather than by hard-coded ids.
import { sql } from 'kysely';
import type { TestContext } from '../support/test-context.ts';

export interface PatientRef { id: number; nhs: string; practiceId: string }

export async function findPatient(ctx: TestContext, where: { practiceId?: string; optedOut?: boolean; language?: string; notIn?: number[] } = {}): Promise<PatientRef> {
  let q = ctx.database.db.selectFrom('patient').select(['id', 'nhs_number', 'practice_id']).where('phone', 'is not', null);
  if (where.practiceId) q = q.where('practice_id', '=', where.practiceId);
  if (where.optedOut !== undefined) q = q.where('opted_out_of_sharing', '=', where.optedOut);
  if (where.language) q = q.where('main_language', '=', where.language);
  if (where.notIn?.length) q = q.where('id', 'not in', where.notIn);
  const row = await q.orderBy('id').executeTakeFirstOrThrow();
  return { id: row.id, nhs: row.nhs_number, practiceId: row.practice_id };
}

export async function findPatients(ctx: TestContext, practiceId: string, count: number): Promise<PatientRef[]> {
  const rows = await ctx.database.db.selectFrom('patient').select(['id', 'nhs_number', 'practice_id']).where('practice_id', '=', practiceId)
    .orderBy('id').limit(count).execute();
  return rows.map((r) => ({ id: r.id, nhs: r.nhs_number, practiceId: r.practice_id }));
}

/** Free, released, future slots of a practice (or hub) that the given booker kind may book. */
export async function freeSlots(ctx: TestContext, owner: { practiceId?: string; hubId?: string }, options: { booker?: string; count?: number; mode?: string; after?: Date; before?: Date } = {}) {
  const now = ctx.clock.now();
  let q = ctx.database.db.selectFrom('slot').selectAll().where('status', '=', 'free').where('start_at', '>', options.after ?? now)
    .where('release_at', '<=', now).where(sql<boolean>`${options.booker ?? 'own_practice'} = ANY(bookable_by)`).where('service_tag', 'is', null);
  q = owner.hubId ? q.where('hub_id', '=', owner.hubId) : q.where('practice_id', '=', owner.practiceId ?? '');
  if (options.mode) q = q.where('mode', '=', options.mode);
  if (options.before) q = q.where('start_at', '<', options.before);
  return q.orderBy('start_at').orderBy('id').limit(options.count ?? 1).execute();
}

export async function hubWithoutAgreementFor(ctx: TestContext): Promise<{ hubId: string; practiceId: string }> {
  const row = await ctx.database.db.selectFrom('practice').innerJoin('hub', 'hub.locality_id', 'practice.locality_id')
    .select(['hub.id as hubId', 'practice.id as practiceId'])
    .where((eb) => eb.not(eb.exists(eb.selectFrom('hub_sharing_agreement').select('hub_id').whereRef('hub_sharing_agreement.practice_id', '=', 'practice.id')
      .whereRef('hub_sharing_agreement.hub_id', '=', 'hub.id'))))
    .orderBy('practice.id').executeTakeFirstOrThrow();
  return row;
}

export async function hubOf(ctx: TestContext, practiceId: string): Promise<string> {
  const row = await ctx.database.db.selectFrom('hub_sharing_agreement').select('hub_id').where('practice_id', '=', practiceId).executeTakeFirstOrThrow();
  return row.hub_id;
}

export const json = (body: unknown) => ({ payload: body as Record<string, unknown> });
