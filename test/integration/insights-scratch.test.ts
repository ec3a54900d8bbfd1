import { it } from 'vitest';
import { createTestContext } from '../support/test-context.ts';
it('debug', async () => {
  const ctx = await createTestContext();
  const actor = { subject: 'x', role: 'commissioner', displayName: 'x', staffId: null, practiceId: null, pcnId: null, hubId: null, patientId: null, nhsNumber: null, actsFor: [] } as const;
  const s = ctx.services.insights;
  for (const f of [
    async () => s.summaries.refresh(),
    async () => { const c = await s.summaries.context(actor, { level: 'borough' }); return s.summaries.series(c, 'appointments', 'week'); },
    async () => { const c = await s.summaries.context(actor, { level: 'borough' }); return s.reports.gpad(c); },
    async () => { const c = await s.summaries.context(actor, { level: 'practice', id: 'Z84999' }); return c; },
    async () => { const c = await s.summaries.context(actor, { level: 'practice', id: 'Z84001' }); return s.reports.continuity(c); },
  ]) { try { const r = await f(); console.log('OK', JSON.stringify(r).slice(0, 300)); } catch (e) { console.log('ERR', e); } }
  await ctx.close();
}, 120000);
