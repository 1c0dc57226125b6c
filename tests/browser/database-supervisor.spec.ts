// `npm start` on its embedded PostgreSQL, whose postmaster is killed (SIGKILL) while requests keep coming:
// every answer is 200 or a 503 with Retry-After (never a 500), the supervisor starts PostgreSQL again, and
// the same app process serves pages once more. Ctrl-C then stops both cleanly.
import { expect, test } from '@playwright/test'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { freePort } from '../../scripts/lib/embedded-postgres.ts'
import { startTestApp, type TestApp } from './support/app-server.ts'

let dataDir: string
let app: TestApp

test.beforeAll(async () => {
  test.setTimeout(180_000)
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'factdesk-supervised-'))
  app = await startTestApp(undefined, 'supervisor', {
    script: 'scripts/start.ts',
    env: { DATABASE_URL: undefined, FACTDESK_DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(await freePort()) },
    timeoutMs: 150_000,
  })
})

test.afterAll(async () => {
  await app?.stop()
  fs.rmSync(dataDir, { recursive: true, force: true })
})

const postmasterPid = () =>
  Number(fs.readFileSync(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0])

function isRunning(pid: number) {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

async function signIn() {
  const body = new URLSearchParams({ email: 'editor@factdesk.example', password: 'factdesk-demo-2026' })
  const response = await fetch(`${app.baseUrl}/login`, {
    method: 'POST',
    body,
    redirect: 'manual',
    headers: { Origin: app.baseUrl },
  })
  expect(response.status).toBe(302)
  return response.headers.get('Set-Cookie')!.split(';')[0]!
}

type Answer = { path: string; status: number; retryAfter: string | null }

test.describe.configure({ mode: 'serial' })

test.describe('when the embedded PostgreSQL is killed under a running app', () => {
  test('answers 503 with Retry-After, never 500, restarts PostgreSQL and recovers without restarting the app', async () => {
    test.setTimeout(150_000)
    const headers = { Cookie: await signIn() }
    // A document, a client-side navigation (.data) and a resource route.
    const paths = ['/articles', '/articles.data', '/healthz']
    const ask = async (target: string): Promise<Answer> => {
      const response = await fetch(`${app.baseUrl}${target}`, { headers, signal: AbortSignal.timeout(15_000) })
      await response.arrayBuffer()
      return { path: target, status: response.status, retryAfter: response.headers.get('Retry-After') }
    }
    for (const target of paths) expect((await ask(target)).status).toBe(200)

    const killed = postmasterPid()
    const appPid = app.process.pid
    process.kill(killed, 'SIGKILL')

    const answers: Answer[] = []
    let recovered = false
    const deadline = Date.now() + 90_000
    while (!recovered && Date.now() < deadline) {
      const round = await Promise.all(paths.map(ask))
      answers.push(...round)
      recovered = round.every((answer) => answer.status === 200)
      if (!recovered) await new Promise((resolve) => setTimeout(resolve, 200))
    }

    expect(recovered).toBe(true)
    expect(answers.filter((answer) => answer.status !== 200 && answer.status !== 503)).toEqual([])
    const unavailable = answers.filter((answer) => answer.status === 503)
    expect(unavailable.length).toBeGreaterThan(0)
    expect(unavailable.filter((answer) => answer.retryAfter !== '5')).toEqual([])
    expect(new Set(unavailable.map((answer) => answer.path))).toEqual(new Set(paths))

    expect(app.process.exitCode).toBeNull()
    expect(app.process.pid).toBe(appPid)
    expect(postmasterPid()).not.toBe(killed)
    expect(isRunning(postmasterPid())).toBe(true)
    expect(fs.readFileSync(path.join(dataDir, 'postgres.log'), 'utf8')).toContain(
      'PostgreSQL exited unexpectedly; restarting',
    )
  })

  test('stops the app and its PostgreSQL cleanly on Ctrl-C', async () => {
    test.setTimeout(30_000)
    const postmaster = postmasterPid()
    const exit = new Promise<number | null>((resolve) => app.process.once('exit', (code) => resolve(code)))
    app.process.kill('SIGINT')
    expect(await exit).toBe(0)
    const deadline = Date.now() + 20_000
    while (isRunning(postmaster) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100))
    expect(isRunning(postmaster)).toBe(false)
    expect(fs.existsSync(path.join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false)
  })
})
