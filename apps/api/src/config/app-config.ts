import path from 'node:path';
import { plainToInstance, Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUrl, Matches, Max, Min, MinLength, ValidateBy, validateSync } from 'class-validator';

const DEVELOPMENT_JWT_SECRET = 'dastarkhan-development-secret-change-me';

/** Environment variables the API reads, validated once at start-up. */
export class AppConfig {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(({ value }) => (value === undefined ? 3000 : Number(value)))
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT = 3000;

  /** Unset: an embedded PostgreSQL is started with its data under DATA_DIR. */
  @IsOptional()
  @IsString()
  DATABASE_URL?: string;

  @IsString()
  DATA_DIR = '.data';

  @IsString()
  @MinLength(32)
  JWT_SECRET = DEVELOPMENT_JWT_SECRET;

  /** A session's absolute lifetime, however active it is. */
  @Transform(({ value }) => (value === undefined ? 12 : Number(value)))
  @IsInt()
  @Min(1)
  @Max(12)
  SESSION_HOURS = 12;

  /** A session ends after this many minutes without user activity (background polls do not count). */
  @Transform(({ value }) => (value === undefined ? 30 : Number(value)))
  @IsInt()
  @Min(1)
  @Max(30)
  SESSION_IDLE_MINUTES = 30;

  /** Load the demo data set into an empty database (default: on for the embedded database). */
  @IsOptional()
  @Transform(({ value }) => (value === undefined ? undefined : value === 'true' || value === '1'))
  @IsBoolean()
  DEMO_DATA?: boolean;

  /** Mark the cookies `Secure` with the `__Host-` prefix (default: on in production, off otherwise). */
  @IsOptional()
  @Transform(({ value }) => (value === undefined ? undefined : value === 'true' || value === '1'))
  @IsBoolean()
  COOKIE_SECURE?: boolean;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** Folder with the built web app; empty string disables serving it. */
  @IsString()
  WEB_DIST = 'dist/web';

  @Transform(({ value }) => (value === undefined ? 10 : Number(value)))
  @IsInt()
  @Min(1)
  LOGIN_MAX_FAILURES = 10;

  /** Sign-ups and password-reset requests one client address may make per hour. */
  @Transform(({ value }) => (value === undefined ? 10 : Number(value)))
  @IsInt()
  @Min(1)
  ACCOUNT_REQUESTS_PER_HOUR = 10;

  /** Unset: emails stay pending in the outbox, viewable by an administrator (development). */
  @IsOptional()
  @Matches(/^smtps?:\/\/\S+$/, { message: 'SMTP_URL must look like smtp://user:password@host:587 or smtps://…' })
  SMTP_URL?: string;

  /** The sender of notification emails. */
  @IsString()
  MAIL_FROM = 'Dastarkhan <no-reply@dastarkhan.local>';

  /**
   * Which proxies' X-Forwarded-* headers to believe: a number of hops, or a comma-separated list of
   * addresses / CIDR ranges (e.g. `10.0.0.0/8,127.0.0.1`). Unset: none — the client's own address counts.
   */
  @Transform(({ value }) =>
    value === undefined ? false : /^\d+$/.test(value) ? Number(value) : String(value).split(',').map((v: string) => v.trim()).filter(Boolean),
  )
  @ValidateBy({
    name: 'trustProxy',
    validator: {
      validate: (value: unknown) =>
        value === false ||
        (typeof value === 'number' && value >= 0) ||
        (Array.isArray(value) && value.length > 0 && value.every((v) => /^[0-9a-fA-F:.]+(\/\d{1,3})?$/.test(v))),
      defaultMessage: () => 'TRUST_PROXY must be a number of hops or a comma-separated list of addresses / CIDR ranges',
    },
  })
  TRUST_PROXY: false | number | string[] = false;

  /** Connections per API process: on a 2-core machine 10 answered more requests than 20 (test/bench/README.md). */
  @Transform(({ value }) => (value === undefined ? 10 : Number(value)))
  @IsInt()
  @Min(1)
  @Max(200)
  DB_POOL_SIZE = 10;

  /** The bench's statement capture (database/sql-trace.ts): a file to append every request's SQL to. Unset: off. */
  @IsOptional()
  @IsString()
  SQL_TRACE_FILE?: string;

  /**
   * On SIGTERM, how long readiness answers 503 while requests are still served, before the listener
   * closes: longer than the load balancer needs to mark the replica down (HAProxy: inter × fall).
   */
  @Transform(({ value }) => (value === undefined ? 5 : Number(value)))
  @IsInt()
  @Min(0)
  @Max(60)
  SHUTDOWN_DRAIN_SECONDS = 5;

  /**
   * The erased communities' ids, kept outside the database so that a restore from an older backup
   * re-applies them (apps/api/src/communities/erasure-ledger.ts). Replicas must share it.
   * Default: <DATA_DIR>/erasures.jsonl.
   */
  @IsOptional()
  @IsString()
  ERASURE_LEDGER = '';

  /** Where the web app is reached: the base of every absolute link (emails, private calendar feeds). */
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false })
  PUBLIC_URL = 'http://localhost:3000';
}

const CONFIG_KEYS = [
  'NODE_ENV', 'PORT', 'DATABASE_URL', 'DATA_DIR', 'JWT_SECRET', 'SESSION_HOURS', 'DEMO_DATA',
  'COOKIE_SECURE', 'LOG_LEVEL', 'WEB_DIST', 'LOGIN_MAX_FAILURES', 'ACCOUNT_REQUESTS_PER_HOUR', 'SESSION_IDLE_MINUTES', 'SMTP_URL', 'MAIL_FROM', 'PUBLIC_URL', 'TRUST_PROXY',
  'DB_POOL_SIZE', 'SQL_TRACE_FILE', 'SHUTDOWN_DRAIN_SECONDS', 'ERASURE_LEDGER',
];

export class ConfigError extends Error {}

/** Reads and validates the environment; a bad value becomes one readable sentence per variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const raw = Object.fromEntries(
    Object.entries(env).filter(([key, value]) => CONFIG_KEYS.includes(key) && value !== ''),
  );
  const config = plainToInstance(AppConfig, raw, { exposeDefaultValues: true });
  const errors = validateSync(config, { whitelist: true });
  if (errors.length > 0) {
    const lines = errors.map((error) => `${error.property}: ${Object.values(error.constraints ?? {}).join('; ')}`);
    throw new ConfigError(`Invalid configuration — ${lines.join(' | ')}`);
  }
  config.COOKIE_SECURE ??= config.NODE_ENV === 'production';
  config.ERASURE_LEDGER ||= path.join(config.DATA_DIR, 'erasures.jsonl');
  if (config.NODE_ENV === 'production' && config.JWT_SECRET === DEVELOPMENT_JWT_SECRET) {
    throw new ConfigError('Invalid configuration — JWT_SECRET must be set to a secret of at least 32 characters in production');
  }
  return config;
}
