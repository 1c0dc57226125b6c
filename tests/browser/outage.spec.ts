// When the database goes away under a running app: 503 pages instead of a crash, and recovery after.
// This test owns its PostgreSQL and its app, so stopping the database touches no other test.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import {
  freePort,
  startEmbeddedPostgres,
  temporaryDataDir,
  type RunningPostgres,
} from '../../scripts/lib/embedded-postgres.ts'
import { startTestApp } from './support/app-server.ts'
import { test, expect } from './fixtures'

test('answers 503 pages instead of crashing, and recovers when the database returns', async () => {
  test.setTimeout(240_000)
  const dataDir = temporaryDataDir('factdesk-outage-pg-')
  const port = await freePort()
  const start = () => startEmbeddedPostgres({ dataDir: path.join(dataDir, 'data'), port, persistent: true })
  let postgres: RunningPostgres | undefined = await start()
  const databaseUrl = postgres.urlFor('postgres')
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/seed.ts'], {
    env: { ...process.env, NODE_OPTIONS: '', DATABASE_URL: databaseUrl },
    stdio: 'ignore',
  })
  const app = await startTestApp(databaseUrl, 'outage')
  try {
    const login = await fetch(`${app.baseUrl}/login`, {
      method: 'POST',
      body: new URLSearchParams({ email: 'editor@factdesk.example', password: 'factdesk-demo-2026' }),
      redirect: 'manual',
      headers: { Origin: app.baseUrl },
    })
    expect(login.status).toBe(302)
    const headers = { Cookie: login.headers.get('Set-Cookie')!.split(';')[0]! }
    expect((await fetch(`${app.baseUrl}/healthz`)).status).toBe(200)
    expect((await fetch(`${app.baseUrl}/`, { headers })).status).toBe(200)

    await postgres.stop()
    postgres = undefined

    const health = await fetch(`${app.baseUrl}/healthz`)
    expect(health.status).toBe(503)
    expect(await health.json()).toMatchObject({ status: 'unavailable' })
    const page = await fetch(`${app.baseUrl}/`, { headers })
    expect(page.status).toBe(503)
    expect(await page.text()).toContain('The database is not answering')
    expect(app.process.exitCode).toBeNull()

    postgres = await start()
    await expect.poll(async () => (await fetch(`${app.baseUrl}/`, { headers })).status, { timeout: 30_000 }).toBe(200)
    expect((await fetch(`${app.baseUrl}/healthz`)).status).toBe(200)
  } finally {
    await app.stop()
    await postgres?.stop()
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
})
