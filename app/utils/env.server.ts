// The app's configuration, read once from the environment and validated, so a wrong value stops start-up by name.
import { z } from 'zod'

const minutes = (fallback: number) => z.coerce.number().int().positive().default(fallback)

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z
    .string({ error: 'DATABASE_URL is not set. Start the app with `npm start` or `npm run dev`, which provide a database.' })
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgresql:// connection string'),
  // Where people reach the app; an https origin turns on Secure cookies and HSTS.
  APP_ORIGIN: z.url({ error: 'APP_ORIGIN must be a URL such as https://factdesk.example.org' }).default('http://localhost:3000'),
  SESSION_SECRET: z.string().min(32, 'SESSION_SECRET must be at least 32 characters').optional(),
  SESSION_IDLE_MINUTES: minutes(60 * 8),
  SESSION_MAX_MINUTES: minutes(60 * 24 * 14),
  LOGIN_MAX_FAILURES_PER_ACCOUNT: minutes(5),
  LOGIN_MAX_FAILURES_PER_ADDRESS: minutes(20),
  LOGIN_LOCKOUT_MINUTES: minutes(15),
})

export type Env = z.infer<typeof schema>

export class ConfigError extends Error {}

let cached: Env | undefined

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = schema.safeParse(source)
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`).join('\n')
    throw new ConfigError(`Factdesk cannot start, its configuration is wrong:\n${problems}`)
  }
  const env = result.data
  if (env.NODE_ENV === 'production' && !env.SESSION_SECRET) {
    throw new ConfigError('Factdesk cannot start, its configuration is wrong:\n  SESSION_SECRET: required in production')
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
