import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { freePort, startEmbeddedPostgres, temporaryDataDir, type RunningPostgres } from '../../scripts/lib/embedded-postgres.ts'
import { startTestApp, type TestApp } from './support/app-server.ts'

// This test owns its PostgreSQL so it can stop and restart it under a running app.
let dataDir: string
let port: number
let postgres: RunningPostgres | undefined
let app: TestApp

const start = () => startEmbeddedPostgres({ dataDir: path.join(dataDir, 'data'), port, persistent: true })

beforeAll(async () => {
  dataDir = temporaryDataDir('factdesk-outage-pg-')
  port = await freePort()
  postgres = await start()
  const databaseUrl = postgres.urlFor('postgres')
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/seed.ts'], {
    env: { ...process.env, NODE_OPTIONS: '', DATABASE_URL: databaseUrl },
    stdio: 'ignore',
  })
  app = await startTestApp(databaseUrl, 'outage')
}, 120_000)

afterAll(async () => {
  await app?.stop()
  await postgres?.stop()
  fs.rmSync(dataDir, { recursive: true, force: true })
})

async function signIn() {
  const body = new URLSearchParams({ email: 'editor@factdesk.example', password: 'factdesk-demo-2026' })
  const response = await fetch(`${app.baseUrl}/login`, { method: 'POST', body, redirect: 'manual', headers: { Origin: app.baseUrl } })
  expect(response.status).toBe(302)
  return response.headers.get('Set-Cookie')!.split(';')[0]!
}

describe('when the database goes away', () => {
  it('answers 503 pages instead of crashing, and recovers when the database returns', async () => {
    expect((await fetch(`${app.baseUrl}/healthz`)).status).toBe(200)
    const headers = { Cookie: await signIn() }
    expect((await fetch(`${app.baseUrl}/`, { headers })).status).toBe(200)

    await postgres!.stop()
    postgres = undefined

    const health = await fetch(`${app.baseUrl}/healthz`)
    expect(health.status).toBe(503)
    expect(await health.json()).toMatchObject({ status: 'unavailable' })
    const page = await fetch(`${app.baseUrl}/`, { headers })
    expect(page.status).toBe(503)
    expect(await page.text()).toContain('The database is not answering')
    expect(app.process.exitCode).toBeNull()

    postgres = await start()
    let recovered = 0
    for (let attempt = 0; attempt < 40 && recovered !== 200; attempt++) {
      recovered = (await fetch(`${app.baseUrl}/`, { headers })).status
      if (recovered !== 200) await new Promise((resolve) => setTimeout(resolve, 250))
    }
    expect(recovered).toBe(200)
    expect((await fetch(`${app.baseUrl}/healthz`)).status).toBe(200)
  })
})
