// The composition root's table of contents: every service Hamlet runs, built once from its dependencies.
// Route plugins receive the services they use; nothing constructs a service anywhere else.
import type { HamletDatabase } from '../db/database.ts';
import type { HamletConfig } from '../config.ts';
import type { Clock } from './clock.ts';
import { createAuditTrail, type AuditTrail } from '../trust/audit-trail.ts';
import { createPatientAccess, type PatientAccess } from '../trust/patient-access.service.ts';
import { createActorResolver, type ActorResolver } from '../trust/actor-resolver.ts';
import { resolveTokenSecret } from '../trust/tokens.ts';

export interface Services {
  database: HamletDatabase;
  config: HamletConfig;
  clock: Clock;
  tokenSecret: string;
  audit: AuditTrail;
  patientAccess: PatientAccess;
  actors: ActorResolver;
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
  return {
    database,
    config,
    clock,
    tokenSecret: tokenSecret ?? resolveTokenSecret(config.tokenSecret, config.dataDir),
    audit,
    patientAccess: createPatientAccess(database.db, audit),
    actors: createActorResolver(database.db),
  };
}
