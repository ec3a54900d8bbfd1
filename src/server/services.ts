// The composition root's table of contents: every service Hamlet runs, built once from its dependencies.
// Route plugins receive the services they use; nothing constructs a service anywhere else.
import type { HamletDatabase } from '../db/database.ts';
import type { HamletConfig } from '../config.ts';
import type { Clock } from './clock.ts';
import { createAuditTrail, type AuditTrail } from '../trust/audit-trail.ts';
import { createPatientAccess, type PatientAccess } from '../trust/patient-access.service.ts';
import { createActorResolver, type ActorResolver } from '../trust/actor-resolver.ts';
import { resolveTokenSecret } from '../trust/tokens.ts';
import { createLiveEngines } from '../triage/live-engines.ts';
import type { TriageEngineRegistry } from '../triage/engine-registry.ts';
import { createRequestService, type RequestService } from '../requests/requests.service.ts';
import { createBookingService, type BookingService } from '../booking/booking.service.ts';
import { createInsights, type Insights } from '../insights/insights-feature.ts';

export interface Services {
  database: HamletDatabase;
  config: HamletConfig;
  clock: Clock;
  tokenSecret: string;
  audit: AuditTrail;
  patientAccess: PatientAccess;
  actors: ActorResolver;
  triageEngines: TriageEngineRegistry;
  requests: RequestService;
  booking: BookingService;
  insights: Insights;
}

export interface ServiceDependencies {
  database: HamletDatabase;
  config: HamletConfig;
  clock: Clock;
  /** Tests pass a secret; otherwise the configured one or the data folder's. */
  tokenSecret?: string;
}

export function createServices({ database, config, clock, tokenSecret }: ServiceDependencies): Services {
  const audit = createAuditTrail(clock);
  const patientAccess = createPatientAccess(database.db, audit);
  const triageEngines = createLiveEngines({ db: database.db, clock, audit, config });
  const services: Services = {
    database,
    config,
    clock,
    tokenSecret: tokenSecret ?? resolveTokenSecret(config.tokenSecret, config.dataDir),
    audit,
    patientAccess,
    actors: createActorResolver(database.db),
    triageEngines,
    // booking is looked up when used: it is composed below.
    requests: createRequestService({ db: database.db, clock, audit, patientAccess, engines: triageEngines, targets: config.responseTargets,
      booking: () => services.booking }),
    booking: createBookingService({ database, config, clock, audit, patientAccess }),
    insights: createInsights(database.db, clock, audit),
  };
  return services;
}
