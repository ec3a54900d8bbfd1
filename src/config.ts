// Configuration: read from the environment once, at start-up, validated and typed. Nothing else reads
// process.env. Every setting has a default that runs the embedded demo.
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';

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
  messageTransport: 'file' | 'console' | 'http';
  messageHttpUrl: string | undefined;
  outboxDir: string;
  /** The demo lets a visitor pick a synthetic patient or staff role; off for real deployments. */
  demoMode: boolean;
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
    messageTransport: oneOf('HAMLET_MESSAGE_TRANSPORT', ['file', 'console', 'http'], 'file'),
    messageHttpUrl: url('HAMLET_MESSAGE_HTTP_URL', ['http:', 'https:']),
    outboxDir: resolve(env.HAMLET_OUTBOX_DIR || resolve(env.HAMLET_DATA_DIR || 'data', 'outbox')),
    demoMode: oneOf('HAMLET_DEMO', ['true', 'false'], env.DATABASE_URL ? 'false' : 'true') === 'true',
  };
  if (config.messageTransport === 'http' && !config.messageHttpUrl) problems.push('HAMLET_MESSAGE_TRANSPORT=http needs HAMLET_MESSAGE_HTTP_URL');
  if (problems.length) throw new ConfigError(problems);
  return config;
}

/** A random secret for tests and throwaway runs. */
export function randomSecret(): string {
  return randomBytes(32).toString('base64url');
}
