// The insights feature's services, built once by the composition root (src/server/services.ts).
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Clock } from '../server/clock.ts';
import type { AuditTrail } from '../trust/audit-trail.ts';
import { createInsightsService } from './insights.service.ts';
import { createInsightsReports } from './insights-reports.service.ts';
import { createAeImports } from './ae-import.service.ts';
import { createDataQuality } from './data-quality.service.ts';

export function createInsights(db: Kysely<Database>, clock: Clock, audit: AuditTrail) {
  const summaries = createInsightsService(db, clock);
  return {
    db,
    summaries,
    reports: createInsightsReports(db, summaries),
    ae: createAeImports(db, clock, summaries),
    quality: createDataQuality(db, clock, audit),
  };
}

export type Insights = ReturnType<typeof createInsights>;
