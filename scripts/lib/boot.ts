// What `npm start`, `npm run dev` and `npm run serve` share: configuration, database, migrations, seed, server.
import crypto from 'node:crypto'
import fs from 'node:fs'
import type http from 'node:http'
import path from 'node:path'
import { getEnv } from '../../app/utils/env.server.ts'
import { EMBEDDED_DATA_DIR, provideDatabase } from './database.ts'
import { createHttpApp, listen } from './http-server.ts'
import { migrate } from './migrate.ts'

export async function boot(mode: 'production' | 'development', options: { prepareDatabase: boolean } = { prepareDatabase: true }) {
  const database = await provideDatabase()
  process.env.SESSION_SECRET ??= localSessionSecret()
  getEnv() // stops start-up here, naming the setting, when the configuration is wrong

  let demo: typeof import('../../prisma/seed.ts') | undefined
  if (options.prepareDatabase) {
    await migrate(database.url, { log: (line) => console.log(line) })
    demo = await import('../../prisma/seed.ts')
    if (await demo.seedIfEmpty()) console.log('Seeded the demo desk.')
  }

  const port = Number(process.env.PORT ?? 3000)
  const { app, close } = await createHttpApp({ mode })
  let server: http.Server
  try {
    server = await listen(app, port, process.env.HOST)
  } catch (error) {
    await database.stop()
    const reason =
      (error as NodeJS.ErrnoException).code === 'EADDRINUSE' ? `port ${port} is already in use (set PORT to use another)` : String(error)
    console.error(`Factdesk could not start: ${reason}`)
    process.exit(1)
  }
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
    server.close()
    server.closeAllConnections()
    await close()
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
  const file = path.join(path.dirname(EMBEDDED_DATA_DIR), 'session-secret')
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true })
    fs.writeFileSync(file, crypto.randomBytes(32).toString('hex'), { mode: 0o600 })
  }
  return fs.readFileSync(file, 'utf8').trim()
}
