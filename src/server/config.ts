import path from 'node:path';
import { z } from 'zod';

/**
 * The one typed, validated configuration. Read once at start; a wrong value stops the
 * process with a message that names the variable (house style 6).
 */
const ConfigSchema = z.object({
  port: z.coerce.number().int().min(0).max(65535).default(3000),
  host: z.string().default('0.0.0.0'),
  databaseUrl: z.string().url().optional(),
  dataDir: z.string().min(1).default('./data/db'),
  /** Public base URL used in e-mail links. */
  publicUrl: z.string().url().default('http://localhost:3000'),
  /**
   * Demo installation: seed demo data into an empty database. Default: on for the embedded
   * database (the two-command quickstart), off on a PostgreSQL server (where real data lives).
   */
  demo: z.enum(['true', 'false']).optional().transform((v) => (v === undefined ? undefined : v === 'true')),
  smtpUrl: z.string().url().optional(),
  mailFrom: z.string().default('Mantelkring <noreply@mantelkring.local>'),
  /** Cookie `Secure` flag; defaults to true when the public URL is https. */
  secureCookies: z.enum(['true', 'false']).optional().transform((v) => (v === undefined ? undefined : v === 'true')),
  sessionIdleMinutes: z.coerce.number().int().min(1).max(24 * 60).default(30),
  sessionMaxHours: z.coerce.number().int().min(1).max(24 * 30).default(12),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** A request slower than this is logged at warn; every request is logged only at debug. */
  slowRequestMs: z.coerce.number().int().min(1).max(600_000).default(1000),
  webDir: z.string().default('./dist/web'),
  /**
   * Reverse proxies whose X-Forwarded-For / -Proto we believe: a comma-separated list of
   * addresses or CIDR ranges (e.g. `127.0.0.1,10.0.0.0/8`). Unset: none, the peer address is
   * the client's. "Trust everyone" is refused: any client could then choose its address.
   */
  trustProxy: z
    .string()
    .refine((v) => v.split(',').every((part) => /^[0-9a-fA-F.:]+(\/\d{1,3})?$/.test(part.trim()) || ['loopback', 'linklocal', 'uniquelocal'].includes(part.trim())), {
      message: 'give the proxy addresses or CIDR ranges, separated by commas (or loopback/linklocal/uniquelocal)',
    })
    .optional(),
  /** Run background jobs (reminders, escalations) in this instance. */
  jobs: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),
});

export type Config = Omit<z.infer<typeof ConfigSchema>, 'demo' | 'secureCookies'> & { demo: boolean; secureCookies: boolean };

/** Maps configuration keys to the environment variables that set them. */
const ENV_NAMES: Record<keyof z.input<typeof ConfigSchema>, string> = {
  port: 'PORT',
  host: 'MK_HOST',
  databaseUrl: 'DATABASE_URL',
  dataDir: 'MK_DATA_DIR',
  publicUrl: 'MK_PUBLIC_URL',
  demo: 'MK_DEMO',
  smtpUrl: 'MK_SMTP_URL',
  mailFrom: 'MK_MAIL_FROM',
  secureCookies: 'MK_SECURE_COOKIES',
  sessionIdleMinutes: 'MK_SESSION_IDLE_MINUTES',
  sessionMaxHours: 'MK_SESSION_MAX_HOURS',
  logLevel: 'MK_LOG_LEVEL',
  slowRequestMs: 'MK_SLOW_REQUEST_MS',
  webDir: 'MK_WEB_DIR',
  jobs: 'MK_JOBS',
  trustProxy: 'MK_TRUST_PROXY',
};

/** Thrown when the environment holds an invalid value. */
export class ConfigError extends Error {}

/** Reads and validates the configuration from an environment (default `process.env`). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const raw: Record<string, string | undefined> = {};
  for (const [key, name] of Object.entries(ENV_NAMES)) {
    const value = env[name];
    raw[key] = value === '' ? undefined : value;
  }
  const parsed = ConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const key = String(issue.path[0]) as keyof typeof ENV_NAMES;
      return `  ${ENV_NAMES[key] ?? key}: ${issue.message}`;
    });
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const cfg = { ...parsed.data, ...overrides };
  return {
    ...cfg,
    dataDir: path.resolve(cfg.dataDir),
    webDir: path.resolve(cfg.webDir),
    secureCookies: cfg.secureCookies ?? cfg.publicUrl.startsWith('https:'),
    demo: cfg.demo ?? !cfg.databaseUrl,
  };
}
