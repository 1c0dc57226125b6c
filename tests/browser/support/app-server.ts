// Starts the production build as a child process against a given database and waits until it answers.
import { spawn, type ChildProcess } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { freePort } from '../../../scripts/lib/embedded-postgres.ts'

export const RESULTS_DIR = path.resolve('test-results')

export type TestApp = { baseUrl: string; process: ChildProcess; stop(): Promise<void> }

export type TestAppOptions = {
  /** The command to run (default `scripts/serve.ts`); `scripts/start.ts` migrates and seeds first. */
  script?: string
  /** Settings added to (or, when undefined, removed from) the app's environment. */
  env?: Record<string, string | undefined>
  /** How long start-up may take. */
  timeoutMs?: number
}

/** Starts the app against `databaseUrl`, or against its own embedded PostgreSQL when it is undefined. */
export async function startTestApp(
  databaseUrl: string | undefined,
  name = 'browser',
  options: TestAppOptions = {},
): Promise<TestApp> {
  if (!fs.existsSync('build/server/index.js')) throw new Error('No production build: run `npm run build` first.')
  fs.mkdirSync(RESULTS_DIR, { recursive: true })
  const port = await freePort()
  const baseUrl = `http://127.0.0.1:${port}`
  const log = fs.openSync(path.join(RESULTS_DIR, `${name}-server.log`), 'w')
  const env: Record<string, string | undefined> = {
    ...process.env,
    NODE_OPTIONS: '',
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    HOST: '127.0.0.1',
    APP_ORIGIN: baseUrl,
    SESSION_SECRET: crypto.randomBytes(32).toString('hex'),
    ...options.env,
  }
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key]
  const child = spawn(process.execPath, ['--import', 'tsx', options.script ?? 'scripts/serve.ts'], {
    env,
    stdio: ['ignore', log, log],
  })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const deadline = Date.now() + (options.timeoutMs ?? 60_000)
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The app exited early; see ${RESULTS_DIR}/${name}-server.log`)
    try {
      const response = await fetch(`${baseUrl}/healthz`)
      if (response.ok) break
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  return {
    baseUrl,
    process: child,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM')
      await exited
      fs.closeSync(log)
    },
  }
}
