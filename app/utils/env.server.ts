// The app's configuration, read once from the environment and validated, so a wrong value stops start-up by name.
import ipaddr from 'ipaddr.js'
import { z } from 'zod'

const minutes = (fallback: number) => z.coerce.number().int().positive().default(fallback)

const TRUST_PROXY_ERROR =
  'TRUST_PROXY must be 0 (no proxy), the number of proxies in front of Factdesk (such as 1), or loopback, linklocal, uniquelocal or proxy addresses (10.0.0.2, 10.0.0.0/8) separated by commas'
const NAMED_PROXY_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal'])

function isProxyAddress(entry: string): boolean {
  if (NAMED_PROXY_RANGES.has(entry)) return true
  const [address = '', bits, ...rest] = entry.split('/')
  if (rest.length > 0) return false
  // Only the plain forms: ipaddr.js would also take "1.5" or "100" as IPv4 addresses.
  const v4 = ipaddr.IPv4.isValidFourPartDecimal(address)
  if (!v4 && !ipaddr.IPv6.isValid(address)) return false
  return bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (v4 ? 32 : 128))
}

// Which proxies Express may believe about the client's address and protocol (X-Forwarded-For/-Proto/-Host),
// in the forms Express's `trust proxy` setting takes: false, a hop count, or a list of trusted addresses.
const trustProxy = z
  .string()
  .trim()
  .optional()
  .transform((value, ctx): false | number | string[] => {
    if (!value || value === '0' || value === 'false') return false
    if (/^\d+$/.test(value) && Number(value) <= 10) return Number(value)
    const entries = value
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean)
    if (entries.length > 0 && entries.every(isProxyAddress)) return entries
    ctx.addIssue({ code: 'custom', message: `${TRUST_PROXY_ERROR}, not "${value}"` })
    return z.NEVER
  })

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z
    .string({
      error: 'DATABASE_URL is not set. Start the app with `npm start` or `npm run dev`, which provide a database.',
    })
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgresql:// connection string'),
  PORT: z.coerce
    .number({ error: 'PORT must be a port number from 1 to 65535' })
    .int('PORT must be a port number from 1 to 65535')
    .min(1, 'PORT must be a port number from 1 to 65535')
    .max(65535, 'PORT must be a port number from 1 to 65535')
    .default(3000),
  // Where people reach the app; an https origin turns on Secure cookies and HSTS. Defaults to this machine on PORT.
  APP_ORIGIN: z.url({ error: 'APP_ORIGIN must be a URL such as https://factdesk.example.org' }).optional(),
  TRUST_PROXY: trustProxy,
  SESSION_SECRET: z.string().min(32, 'SESSION_SECRET must be at least 32 characters').optional(),
  SESSION_IDLE_MINUTES: minutes(60 * 8),
  SESSION_MAX_MINUTES: minutes(60 * 24 * 14),
  LOGIN_MAX_FAILURES_PER_ACCOUNT: minutes(5),
  LOGIN_MAX_FAILURES_PER_ADDRESS: minutes(20),
  LOGIN_LOCKOUT_MINUTES: minutes(15),
  // The API's rate limit: requests per token in each fixed window of this many seconds.
  API_RATE_LIMIT: z.coerce
    .number({ error: 'API_RATE_LIMIT must be a whole number of requests, such as 600' })
    .int('API_RATE_LIMIT must be a whole number of requests, such as 600')
    .positive('API_RATE_LIMIT must be a whole number of requests, such as 600')
    .default(600),
  API_RATE_WINDOW_SECONDS: z.coerce
    .number({ error: 'API_RATE_WINDOW_SECONDS must be a whole number of seconds, such as 60' })
    .int('API_RATE_WINDOW_SECONDS must be a whole number of seconds, such as 60')
    .min(1, 'API_RATE_WINDOW_SECONDS must be a whole number of seconds, such as 60')
    .max(86_400, 'API_RATE_WINDOW_SECONDS must be at most 86400 (a day)')
    .default(60),
  // Where the daily digest email goes out; without both, no digest is sent.
  SMTP_URL: z
    .string()
    .trim()
    .regex(
      /^smtps?:\/\/[^\s]+$/,
      'SMTP_URL must be an smtp:// or smtps:// URL such as smtp://user:pass@mail.example.org:587',
    )
    .optional()
    .or(z.literal('').transform(() => undefined)),
  MAIL_FROM: z
    .string()
    .trim()
    .max(200, 'MAIL_FROM must be at most 200 characters')
    .regex(/^[^\r\n]*@[^\r\n]*$/, 'MAIL_FROM must be an address such as "Factdesk <desk@example.org>"')
    .optional()
    .or(z.literal('').transform(() => undefined)),
})

export type Env = Omit<z.infer<typeof schema>, 'APP_ORIGIN'> & { APP_ORIGIN: string }

export class ConfigError extends Error {}

let cached: Env | undefined

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = schema.safeParse(source)
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`).join('\n')
    throw new ConfigError(`Factdesk cannot start, its configuration is wrong:\n${problems}`)
  }
  const env = { ...result.data, APP_ORIGIN: result.data.APP_ORIGIN ?? `http://localhost:${result.data.PORT}` }
  if (env.NODE_ENV === 'production' && !env.SESSION_SECRET) {
    throw new ConfigError(
      'Factdesk cannot start, its configuration is wrong:\n  SESSION_SECRET: required in production',
    )
  }
  return env
}

export function getEnv(): Env {
  cached ??= parseEnv(process.env)
  return cached
}

/** Tests change DATABASE_URL per file; this forgets the cached reading. */
export function resetEnvForTests() {
  cached = undefined
}
