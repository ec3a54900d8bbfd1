// bin/hamlet token: prints a short-lived bearer token for local use, scripts and tests. Reads only the
// configuration and the signing secret, never the database, so it works while the server runs on PGlite
// (the server checks the practice, hub or patient named when the token is used).
import type { CliCommand } from '../cli/cli-command.ts';
import { UsageError } from '../cli/cli-command.ts';
import { parseCommandArgs } from '../cli/main.ts';
import { loadConfig } from '../config.ts';
import { isValidNhsNumber, normaliseNhsNumber } from '../shared/domain/nhs-number.ts';
import { ROLES, type Role } from './domain/actor.ts';
import { issueToken, resolveTokenSecret, type TokenClaims } from './tokens.ts';

const ORG_CODE = /^[A-Za-z0-9]{2,12}$/;

export const command: CliCommand = {
  summary: 'Print a bearer token for the API (for local use and tests)',
  usage: `Usage: hamlet token --role ROLE [--practice ODS] [--patient NHS_NUMBER] [--hub ID] [--pcn ID] [--staff ID] [--name TEXT] [--ttl SECONDS]

Roles: ${ROLES.join(', ')}.
Patients need --patient; hub staff need --hub; practice staff (receptionist, clinician, link_worker) need
--practice (or --staff naming a member of staff); a PCN lead needs --pcn or --practice.
The token is signed with HAMLET_TOKEN_SECRET, or the data folder's secret (HAMLET_DATA_DIR), so the
server on the same configuration accepts it. It lasts HAMLET_TOKEN_TTL_SECONDS (default 900) unless --ttl.

Example: curl -H "Authorization: Bearer $(bin/hamlet token --role receptionist --practice Z84001)" localhost:3000/api/queue`,
  async run(args, io) {
    const { values } = parseCommandArgs(args, {
      role: { type: 'string' }, practice: { type: 'string' }, patient: { type: 'string' }, hub: { type: 'string' },
      pcn: { type: 'string' }, staff: { type: 'string' }, name: { type: 'string' }, ttl: { type: 'string' },
    });
    const claims = claimsFromOptions(values);
    const config = loadConfig(io.env);
    const ttl = values.ttl === undefined ? config.tokenTtlSeconds : Number(values.ttl);
    if (!Number.isInteger(ttl) || ttl < 1 || ttl > 30 * 86_400) throw new UsageError('--ttl must be a whole number of seconds from 1 to 2592000');
    const secret = resolveTokenSecret(config.tokenSecret, config.dataDir);
    io.stdout.write(`${await issueToken(secret, claims, ttl, new Date())}\n`);
    return 0;
  },
};

type Options = Partial<Record<'role' | 'practice' | 'patient' | 'hub' | 'pcn' | 'staff' | 'name' | 'ttl', string>>;

export function claimsFromOptions(values: Options): TokenClaims {
  const role = values.role;
  if (!role) throw new UsageError('--role is required');
  if (!(ROLES as readonly string[]).includes(role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
  for (const key of ['practice', 'hub', 'pcn', 'staff'] as const) {
    const value = values[key];
    if (value !== undefined && !ORG_CODE.test(value)) throw new UsageError(`--${key} must be letters and digits (got "${value}")`);
  }
  const patient = values.patient === undefined ? undefined : normaliseNhsNumber(values.patient);
  if (patient !== undefined && !isValidNhsNumber(patient)) throw new UsageError('--patient must be a valid NHS number (10 digits with a correct check digit)');
  if (role === 'patient' && !patient) throw new UsageError('a patient token needs --patient NHS_NUMBER');
  if (role !== 'patient' && patient) throw new UsageError('--patient is only for --role patient');
  if (role === 'hub_staff' && !values.hub && !values.staff) throw new UsageError('a hub_staff token needs --hub');
  if (['receptionist', 'clinician', 'link_worker'].includes(role) && !values.practice && !values.staff && !values.pcn) {
    throw new UsageError(`a ${role} token needs --practice (or --staff)`);
  }
  if (role === 'pcn_lead' && !values.pcn && !values.practice) throw new UsageError('a pcn_lead token needs --pcn or --practice');
  const where = patient ?? values.staff ?? values.hub ?? values.practice ?? values.pcn ?? 'borough';
  return {
    sub: `cli:${role}:${where}`, role: role as Role, name: values.name, practice: values.practice, hub: values.hub,
    pcn: values.pcn, staff: values.staff, patient,
  };
}
