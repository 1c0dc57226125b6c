// What `npm start`, `npm run dev` and `npm run serve` share: configuration, database, migrations, seed, server.
import crypto from 'node:crypto'
import fs from 'node:fs'
import type http from 'node:http'
import net from 'node:net'
import path from 'node:path'
import { ConfigError, getEnv, parseEnv } from '../../app/utils/env.server.ts'
import { checkDatabaseReachable, DATA_DIR, provideDatabase } from './database.ts'
import { createHttpApp, listen } from './http-server.ts'
import { migrate } from './migrate.ts'

/** Starts the app for a command: a wrong setting is printed as its message alone, and the command exits with 1. */
export async function bootCommand(...args: Parameters<typeof boot>) {
  try {
    await boot(...args)
  } catch (error) {
    console.error(error instanceof ConfigError ? error.message : error)
    process.exit(1)
  }
}

export async function boot(
  mode: 'production' | 'development',
  options: { prepareDatabase: boolean } = { prepareDatabase: true },
) {
  // A wrong setting stops start-up before the embedded database is started for nothing.
  const early = parseEnv({
    ...process.env,
    DATABASE_URL: process.env.DATABASE_URL ?? 'postgresql://embedded',
    SESSION_SECRET: process.env.SESSION_SECRET ?? '-'.repeat(32),
  })
  await refuseBusyPort(early.PORT)
  const database = await provideDatabase(console.log, { supervise: true })
  process.env.SESSION_SECRET ??= localSessionSecret()
  let env: ReturnType<typeof getEnv>
  try {
    env = getEnv() // stops start-up here, naming the setting, when the configuration is wrong
    await checkDatabaseReachable(database.url)
  } catch (error) {
    await database.stop()
    throw error
  }

  let demo: typeof import('../../prisma/seed.ts') | undefined
  if (options.prepareDatabase) {
    await migrate(database.url, { log: (line) => console.log(line) })
    demo = await import('../../prisma/seed.ts')
    if (await demo.seedIfEmpty()) console.log('Seeded the demo desk.')
  }

  const port = env.PORT
  const { app, close } = await createHttpApp({ mode })
  let server: http.Server
  try {
    server = await listen(app, port, process.env.HOST)
  } catch (error) {
    await database.stop()
    console.error(`Factdesk cannot start: ${listenFailure(error, port)}.`)
    process.exit(1)
  }
  // Background work (webhook deliveries, …) runs in this process on the PostgreSQL job queue.
  const jobs = await import('../../app/jobs/queue.server.ts')
  await jobs.startJobQueue({ connectionString: database.url })
  console.log(`\nFactdesk is running at http://localhost:${port}\n`)
  if (demo) {
    console.log(`Demo logins (the password for each is ${demo.DEMO_PASSWORD}):`)
    for (const user of demo.DEMO_USERS) console.log(`  ${user.role.padEnd(13)} ${user.email}`)
  }
  console.log('\nPress Ctrl-C to stop.')

  let stopping = false
  const stop = async () => {
    if (stopping) return
    stopping = true
    console.log('\nStopping…')
    // Live streams never end by themselves: end them first, so the server can close.
    const { closeLiveHub } = await import('../../app/live/live.server.ts')
    await closeLiveHub()
    server.close()
    server.closeAllConnections()
    await close()
    await jobs.stopJobQueue()
    const { disconnectDb } = await import('../../app/utils/db.server.ts')
    await disconnectDb()
    await database.stop()
    process.exit(0)
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

// A machine without SESSION_SECRET gets a random one, kept beside the embedded database so sessions survive restarts.
function localSessionSecret() {
  const file = path.join(DATA_DIR, 'session-secret')
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true })
    fs.writeFileSync(file, crypto.randomBytes(32).toString('hex'), { mode: 0o600 })
  }
  return fs.readFileSync(file, 'utf8').trim()
}

function listenFailure(error: unknown, port: number) {
  const code = (error as NodeJS.ErrnoException).code
  if (code === 'EADDRINUSE') return `port ${port} is already in use by another program (set PORT to use another)`
  if (code === 'EACCES') return `this user may not listen on port ${port} (set PORT to one above 1023)`
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND')
    return `this machine has no address ${process.env.HOST} to listen on (check HOST)`
  return String(error)
}

// Checked before the database starts, so a busy port is reported at once rather than after the migrations.
async function refuseBusyPort(port: number) {
  const probe = net.createServer()
  const failure = await new Promise<unknown>((resolve) => {
    probe.once('error', resolve)
    probe.listen(port, process.env.HOST ?? '0.0.0.0', () => probe.close(() => resolve(null)))
  })
  if (failure) throw new ConfigError(`Factdesk cannot start: ${listenFailure(failure, port)}.`)
}
