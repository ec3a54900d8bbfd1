// Configuration: read from the environment once, at start-up, validated and typed. Nothing else reads
// process.env. Every setting has a default that runs the embedded demo.
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { DEFAULT_RESPONSE_TARGETS, parseResponseTargets, type ResponseTargets } from './requests/domain/response-targets.ts';

export interface HamletConfig {
  port: number;
  host: string;
  /** PGlite data folder (ignored when databaseUrl is set). */
  dataDir: string;
  databaseUrl: string | undefined;
  databasePoolSize: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  seed: number;
  scale: number;
  /** The date the synthetic borough is generated for; defaults to today in London. */
  anchorDate: string | undefined;
  /** Signs bearer tokens. Set HAMLET_TOKEN_SECRET in any real deployment; the default is per data folder. */
  tokenSecret: string | undefined;
  tokenTtlSeconds: number;
  publicUrl: string;
  osrmUrl: string | undefined;
  triageLlmUrl: string | undefined;
  triageLlmModel: string | undefined;
  triageLlmApiKey: string | undefined;
  /** Response-time targets per kind of request (HAMLET_RESPONSE_TARGETS, e.g. "urgent=4h,routine=2d,admin=3d,social=5d"). */
  responseTargets: ResponseTargets;
  messageTransport: 'file' | 'console' | 'http';
  messageHttpUrl: string | undefined;
  outboxDir: string;
  /** The demo lets a visitor pick a synthetic patient or staff role; off for real deployments. */
  demoMode: boolean;
  /** How long a browser session lasts after sign-in. */
  sessionTtlSeconds: number;
  /** OpenID Connect issuers per audience (patients: NHS login; staff: NHS CIS2); null uses the embedded demo provider. */
  oidc: { patient: OidcIssuerConfig | null; staff: OidcIssuerConfig | null };
  /** Requests per minute per caller (session, token subject or IP) on public routes, and on signed-in routes. */
  rateLimit: { publicPerMinute: number; signedInPerMinute: number };
}

export interface OidcIssuerConfig {
  issuer: string;
  clientId: string;
  /** client_secret_basic when set; otherwise privateKeyFile signs a private_key_jwt (NHS login requires that). */
  clientSecret: string | undefined;
  privateKeyFile: string | undefined;
  scopes: string;
  /** CIS2 role codes or names mapped to Hamlet roles, e.g. {"R8000":"clinician"}. */
  roleMap: Record<string, string>;
}

export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`invalid configuration:\n  ${problems.join('\n  ')}`);
    this.problems = problems;
  }
}

type Env = Record<string, string | undefined>;

export function loadConfig(env: Env): HamletConfig {
  const problems: string[] = [];
  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
      return fallback;
    }
    return value;
  };
  const number = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isFinite(value) || value <= min || value > max) {
      problems.push(`${name} must be a number above ${min} and at most ${max} (got "${raw}")`);
      return fallback;
    }
    return value;
  };
  const oneOf = <T extends string>(name: string, values: readonly T[], fallback: T): T => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    if (!(values as readonly string[]).includes(raw)) {
      problems.push(`${name} must be one of ${values.join(', ')} (got "${raw}")`);
      return fallback;
    }
    return raw as T;
  };
  const url = (name: string, protocols: readonly string[]): string | undefined => {
    const raw = env[name];
    if (raw === undefined || raw === '') return undefined;
    try {
      const parsed = new URL(raw);
      if (!protocols.includes(parsed.protocol)) problems.push(`${name} must be a ${protocols.join(' or ')} URL`);
    } catch {
      problems.push(`${name} is not a valid URL`);
    }
    return raw;
  };
  const anchorDate = env.HAMLET_ANCHOR_DATE || undefined;
  if (anchorDate !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(anchorDate)) problems.push('HAMLET_ANCHOR_DATE must be YYYY-MM-DD');
  const port = integer('PORT', 3000, 0, 65535);
  const config: HamletConfig = {
    port,
    host: env.HOST || '0.0.0.0',
    dataDir: resolve(env.HAMLET_DATA_DIR || 'data'),
    databaseUrl: url('DATABASE_URL', ['postgres:', 'postgresql:']),
    databasePoolSize: integer('HAMLET_DB_POOL_SIZE', 10, 1, 200),
    logLevel: oneOf('LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], 'info'),
    seed: integer('HAMLET_SEED', 20_240_101, 0, 2 ** 31 - 1),
    scale: number('HAMLET_SCALE', 1, 0, 3),
    anchorDate,
    tokenSecret: env.HAMLET_TOKEN_SECRET || undefined,
    tokenTtlSeconds: integer('HAMLET_TOKEN_TTL_SECONDS', 900, 30, 86_400),
    publicUrl: env.HAMLET_PUBLIC_URL || `http://localhost:${port}`,
    osrmUrl: url('HAMLET_OSRM_URL', ['http:', 'https:']),
    triageLlmUrl: url('HAMLET_TRIAGE_LLM_URL', ['http:', 'https:']),
    triageLlmModel: env.HAMLET_TRIAGE_LLM_MODEL || undefined,
    triageLlmApiKey: env.HAMLET_TRIAGE_LLM_API_KEY || undefined,
    responseTargets: responseTargets(env.HAMLET_RESPONSE_TARGETS, problems),
    messageTransport: oneOf('HAMLET_MESSAGE_TRANSPORT', ['file', 'console', 'http'], 'file'),
    messageHttpUrl: url('HAMLET_MESSAGE_HTTP_URL', ['http:', 'https:']),
    outboxDir: resolve(env.HAMLET_OUTBOX_DIR || resolve(env.HAMLET_DATA_DIR || 'data', 'outbox')),
    demoMode: oneOf('HAMLET_DEMO', ['true', 'false'], env.DATABASE_URL ? 'false' : 'true') === 'true',
    sessionTtlSeconds: integer('HAMLET_SESSION_TTL_SECONDS', 8 * 3600, 60, 7 * 86_400),
    oidc: { patient: null, staff: null },
    rateLimit: {
      publicPerMinute: integer('HAMLET_RATE_LIMIT_PUBLIC_PER_MINUTE', 600, 1, 1_000_000),
      signedInPerMinute: integer('HAMLET_RATE_LIMIT_SIGNED_IN_PER_MINUTE', 3_000, 1, 1_000_000),
    },
  };
  config.oidc = { patient: oidcIssuer(env, 'PATIENT', 'openid profile', problems), staff: oidcIssuer(env, 'STAFF', 'openid profile nationalrbacaccess', problems) };
  if (config.messageTransport === 'http' && !config.messageHttpUrl) problems.push('HAMLET_MESSAGE_TRANSPORT=http needs HAMLET_MESSAGE_HTTP_URL');
  if (problems.length) throw new ConfigError(problems);
  return config;
}

function oidcIssuer(env: Env, audience: 'PATIENT' | 'STAFF', defaultScopes: string, problems: string[]): OidcIssuerConfig | null {
  const name = (key: string) => `HAMLET_OIDC_${audience}_${key}`;
  const issuer = env[name('ISSUER')];
  if (!issuer) return null;
  try {
    if (!['https:', 'http:'].includes(new URL(issuer).protocol)) problems.push(`${name('ISSUER')} must be an https URL`);
  } catch {
    problems.push(`${name('ISSUER')} is not a valid URL`);
  }
  const clientId = env[name('CLIENT_ID')];
  if (!clientId) problems.push(`${name('CLIENT_ID')} is required with ${name('ISSUER')}`);
  const clientSecret = env[name('CLIENT_SECRET')] || undefined;
  const privateKeyFile = env[name('PRIVATE_KEY_FILE')] || undefined;
  if (!clientSecret && !privateKeyFile) problems.push(`set ${name('CLIENT_SECRET')} or ${name('PRIVATE_KEY_FILE')}`);
  let roleMap: Record<string, string> = {};
  const rawMap = env[name('ROLE_MAP')];
  if (rawMap) {
    try {
      roleMap = JSON.parse(rawMap) as Record<string, string>;
    } catch {
      problems.push(`${name('ROLE_MAP')} must be a JSON object of role code to Hamlet role`);
    }
  }
  return { issuer, clientId: clientId ?? '', clientSecret, privateKeyFile, scopes: env[name('SCOPES')] || defaultScopes, roleMap };
}

function responseTargets(raw: string | undefined, problems: string[]): ResponseTargets {
  if (!raw) return DEFAULT_RESPONSE_TARGETS;
  const parsed = parseResponseTargets(raw);
  if (typeof parsed === 'string') {
    problems.push(`HAMLET_RESPONSE_TARGETS: ${parsed}`);
    return DEFAULT_RESPONSE_TARGETS;
  }
  return parsed;
}

/** A random secret for tests and throwaway runs. */
export function randomSecret(): string {
  return randomBytes(32).toString('base64url');
}
