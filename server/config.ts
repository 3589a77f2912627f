import { resolve } from 'node:path';
import { z } from 'zod';

/**
 * Configuration from the environment, validated once at start. A bad value stops the program
 * with a message naming the variable, what was wrong and what to do.
 */
const Env = z.object({
  PORT: z.coerce.number({ message: 'must be a number' }).int('must be a whole number').min(0, 'must be 0–65535 (0 = any free port)').max(65535, 'must be 0–65535 (0 = any free port)').default(4000),
  HOST: z.string().min(1).default('127.0.0.1'),
  NEO4J_URI: z
    .string()
    .regex(/^(neo4j|neo4j\+s|neo4j\+ssc|bolt|bolt\+s|bolt\+ssc):\/\/[^\s]+$/, 'must look like neo4j://host:7687 or bolt://host:7687')
    .optional(),
  NEO4J_USER: z.string().min(1).default('neo4j'),
  NEO4J_PASSWORD: z.string().optional(),
  NEO4J_DATABASE: z.string().regex(/^[A-Za-z][A-Za-z0-9.-]{2,62}$/, 'must be a Neo4j database name such as neo4j').optional(),
  DATA_DIR: z.string().min(1).default('data'),
  INGEST_TOKEN: z.string().min(16, 'must be at least 16 characters (it guards the ingestDocument mutation)').optional(),
  CORS_ORIGIN: z.string().optional(),
  DUE_SOON_DAYS: z.coerce.number({ message: 'must be a number of days' }).int('must be a whole number of days').min(0, 'must be 0–366').max(366, 'must be 0–366').default(30),
  /** Progress older than this many days no longer keeps a task near its date green (server/api/analytics/light.ts). */
  PROGRESS_STALE_DAYS: z.coerce.number({ message: 'must be a number of days' }).int('must be a whole number of days').min(1, 'must be 1–366').max(366, 'must be 1–366').default(30),
  /** The time one GraphQL request may take (server/graph/budget.ts). */
  QUERY_TIMEOUT_MS: z.coerce.number({ message: 'must be a number of milliseconds' }).int('must be a whole number').min(100, 'must be 100–600000').max(600_000, 'must be 100–600000').default(10_000),
  /** Heavy requests (by estimated cost) running at once; the rest wait in a queue of MAX_QUEUED_HEAVY, then are refused (503). */
  MAX_HEAVY_READS: z.coerce.number({ message: 'must be a number' }).int('must be a whole number').min(1, 'must be 1–64').max(64, 'must be 1–64').default(2),
  MAX_QUEUED_HEAVY: z.coerce.number({ message: 'must be a number' }).int('must be a whole number').min(0, 'must be 0–10000').max(10_000, 'must be 0–10000').default(32),
  /**
   * Memory (MB) of the embedded store's buffer pool: its pages in memory, and what a first load in
   * bulk must fit in one transaction (1 GB holds a province of 10,000 plans; 100,000 need more).
   */
  KUZU_BUFFER_POOL_MB: z.coerce.number({ message: 'must be a number of megabytes' }).int('must be a whole number').min(64, 'must be 64 or more').default(1024),
  /**
   * What is kept until a write changes what it read: store reads (graph/cached-store.ts) and whole
   * answers (api/response-cache.ts). For measuring: `reads` keeps the reads but no whole answer
   * (bench:scale --keep-reads), `false` nothing, every question going to the store (--no-keep).
   */
  KEEP_ANSWERS: z.enum(['true', 'reads', 'false'], { message: 'must be true, reads or false' }).default('true'),
  /** Free space (MB) the embedded store keeps on DATA_DIR's disk: writes are refused below it (507 STORAGE_FULL). */
  MIN_FREE_MB: z.coerce.number({ message: 'must be a number of megabytes' }).int('must be a whole number').min(0, 'must be 0 or more').default(64),
  /** Uploads read at once, each in a process of its own (server/ingest/reader-pool.ts); more wait in a queue of READER_QUEUE, then get 503. */
  READER_PROCESSES: z.coerce.number({ message: 'must be a number' }).int('must be a whole number').min(1, 'must be 1–32').max(32, 'must be 1–32').default(2),
  READER_QUEUE: z.coerce.number({ message: 'must be a number' }).int('must be a whole number').min(0, 'must be 0–1000').max(1000, 'must be 0–1000').default(16),
  /** Memory (MB) one reader process may hold, native buffers included; a file that needs more is refused. */
  READER_RSS_MB: z.coerce.number({ message: 'must be a number of megabytes' }).int('must be a whole number').min(128, 'must be 128 or more').default(768),
  // Accounts (server/http/auth.ts): reading open to all unless this is true.
  READ_REQUIRES_LOGIN: z.enum(['true', 'false'], { message: 'must be true or false' }).default('false').transform((v) => v === 'true'),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters (it signs the session cookies); leave it unset to keep one in DATA_DIR').optional(),
  SESSION_MAX_AGE_MINUTES: z.coerce.number({ message: 'must be a number of minutes' }).positive('must be over 0').max(60 * 24 * 30, 'must be at most 43200 (30 days)').default(480),
  COOKIE_SECURE: z.enum(['auto', 'true', 'false'], { message: 'must be auto, true or false' }).default('auto'),
  LOGIN_ATTEMPTS_PER_MINUTE: z.coerce.number({ message: 'must be a number' }).int('must be a whole number').min(1, 'must be 1–1000').max(1000, 'must be 1–1000').default(10),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = z.infer<typeof Env> & { dataDir: string };

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // Empty strings (NEO4J_URI= in an .env file) mean "not set".
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = Env.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}=${JSON.stringify(cleaned[String(i.path[0])] ?? '')}: ${i.message}`);
    throw new ConfigError(`invalid configuration in the environment:\n${lines.join('\n')}\nSee .env.example for every variable.`);
  }
  if (parsed.data.NEO4J_URI && parsed.data.NEO4J_PASSWORD === undefined) {
    throw new ConfigError('NEO4J_URI is set but NEO4J_PASSWORD is not: set the password of the Neo4j user (see .env.example).');
  }
  return { ...parsed.data, dataDir: resolve(parsed.data.DATA_DIR) };
}
