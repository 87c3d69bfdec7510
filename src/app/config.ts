/**
 * Configuration from the environment, validated once at start-up. Every
 * setting has a safe default for a single node on one machine.
 */
import { z } from 'zod';
import type { ProtectionSettings } from '../core/protection-settings.js';

const configSchema = z.object({
  TANDEM_DATABASE_URL: z.string().default('sqlite:./data/tandem.db'),
  TANDEM_HOST: z.string().default('127.0.0.1'),
  TANDEM_PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  /** The address users type; unsafe requests must come from this origin. Defaults to http://HOST:PORT. */
  TANDEM_PUBLIC_URL: z.url().optional(),
  TANDEM_ENV: z.enum(['development', 'production', 'test']).default('production'),
  TANDEM_LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .default('info'),
  TANDEM_NODE_NAME: z.string().min(1).max(100).optional(),
  /** Where the built web app lives; the API runs without it. */
  TANDEM_WEB_DIR: z.string().optional(),
  /** Trust X-Forwarded-For from a load balancer in front of the node. */
  TANDEM_TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  /** Largest file that may be attached; an upload is held in memory up to this size. */
  TANDEM_ATTACHMENT_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(100 * 1024 * 1024)
    .default(10 * 1024 * 1024),
  /** A movement that misses a check-in by this long raises its L1 alarm. */
  TANDEM_CHECKIN_GRACE_MINUTES: z.coerce.number().min(0).max(240).default(10),
  /** An unacknowledged alarm reaches L2 this long after L1, and L3 this long after L2. */
  TANDEM_ALARM_L2_AFTER_MINUTES: z.coerce.number().min(0).max(1440).default(15),
  TANDEM_ALARM_L3_AFTER_MINUTES: z.coerce.number().min(0).max(1440).default(15),
  /** An alert nobody acknowledged escalates after this long. */
  TANDEM_ALERT_ESCALATE_AFTER_MINUTES: z.coerce.number().min(1).max(1440).default(15),
  /** How often the scheduler looks for due deadlines (it is also woken when one is written). */
  TANDEM_SCHEDULER_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(1_000),
  /** How often each peer's collection is pulled when no push notice arrives. */
  TANDEM_FEDERATION_PULL_MS: z.coerce.number().int().min(100).max(3_600_000).default(30_000),
  /** Objects asked for per TAXII page when pulling from a peer. */
  TANDEM_FEDERATION_PAGE_SIZE: z.coerce.number().int().min(1).max(10_000).default(1_000),
  /** Largest TAXII request body this node accepts (envelopes, bundles, notices). */
  TANDEM_TAXII_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(512 * 1024 * 1024)
    .default(64 * 1024 * 1024),
});

export interface Config {
  databaseUrl: string;
  host: string;
  port: number;
  publicUrl: string | undefined;
  environment: 'development' | 'production' | 'test';
  logLevel: string;
  nodeName: string | undefined;
  webDir: string | undefined;
  trustProxy: boolean;
  /** Cookies carry Secure outside development (browsers accept them on http://localhost too). */
  secureCookies: boolean;
  attachmentMaxBytes: number;
  protection: ProtectionSettings;
  federation: FederationSettings;
}

export interface FederationSettings {
  pullIntervalMs: number;
  pageSize: number;
  taxiiMaxBytes: number;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((issue) => `${issue.path.join('.')}: ${issue.message}`)
      .join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  const c = parsed.data;
  return {
    databaseUrl: c.TANDEM_DATABASE_URL,
    host: c.TANDEM_HOST,
    port: c.TANDEM_PORT,
    publicUrl: c.TANDEM_PUBLIC_URL,
    environment: c.TANDEM_ENV,
    logLevel: c.TANDEM_LOG_LEVEL,
    nodeName: c.TANDEM_NODE_NAME,
    webDir: c.TANDEM_WEB_DIR,
    trustProxy: c.TANDEM_TRUST_PROXY === 'true',
    secureCookies: c.TANDEM_ENV !== 'development',
    attachmentMaxBytes: c.TANDEM_ATTACHMENT_MAX_BYTES,
    protection: {
      checkinGraceMinutes: c.TANDEM_CHECKIN_GRACE_MINUTES,
      alarmL2AfterMinutes: c.TANDEM_ALARM_L2_AFTER_MINUTES,
      alarmL3AfterMinutes: c.TANDEM_ALARM_L3_AFTER_MINUTES,
      alertEscalateAfterMinutes: c.TANDEM_ALERT_ESCALATE_AFTER_MINUTES,
      schedulerPollMs: c.TANDEM_SCHEDULER_POLL_MS,
    },
    federation: {
      pullIntervalMs: c.TANDEM_FEDERATION_PULL_MS,
      pageSize: c.TANDEM_FEDERATION_PAGE_SIZE,
      taxiiMaxBytes: c.TANDEM_TAXII_MAX_BYTES,
    },
  };
}
