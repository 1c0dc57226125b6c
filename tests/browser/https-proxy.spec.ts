// Factdesk behind an HTTPS proxy (APP_ORIGIN=https://…): the proxy talks plain HTTP to the app and says
// what the browser used in X-Forwarded-Proto / X-Forwarded-Host. With TRUST_PROXY the app believes it and
// same-origin form posts work; without it they are refused with a message saying to set TRUST_PROXY.
import { expect, test } from '@playwright/test'
import http from 'node:http'
import { startTestApp, type TestApp } from './support/app-server.ts'

const PUBLIC = 'https://desk.example.org'
let trusted: TestApp
let untrusted: TestApp

test.beforeAll(async () => {
  test.setTimeout(120_000)
  const databaseUrl = process.env.FACTDESK_TEST_DATABASE_URL!
  ;[trusted, untrusted] = await Promise.all([
    startTestApp(databaseUrl, 'proxy-trusted', { env: { APP_ORIGIN: PUBLIC, TRUST_PROXY: '1' } }),
    startTestApp(databaseUrl, 'proxy-untrusted', { env: { APP_ORIGIN: PUBLIC, TRUST_PROXY: undefined } }),
  ])
})

test.afterAll(async () => {
  await Promise.all([trusted?.stop(), untrusted?.stop()])
})

/** A sign-in form post as the proxy forwards it: the public host, the browser's Origin, and the protocol it used. */
function signInThroughProxy(
  app: TestApp,
  headers: Record<string, string>,
): Promise<{ status: number; location?: string; cookie?: string; body: string }> {
  const body = new URLSearchParams({ email: 'editor@factdesk.example', password: 'factdesk-demo-2026' }).toString()
  return new Promise((resolve, reject) => {
    const request = http.request(
      `${app.baseUrl}/login`,
      {
        method: 'POST',
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          Origin: PUBLIC,
          'X-Forwarded-Proto': 'https',
          ...headers,
        },
        timeout: 15_000,
      },
      (response) => {
        let text = ''
        response.setEncoding('utf8')
        response.on('data', (chunk) => (text += chunk))
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            location: response.headers.location,
            cookie: response.headers['set-cookie']?.[0],
            body: text,
          }),
        )
      },
    )
    request.on('error', reject)
    request.end(body)
  })
}

test.describe.configure({ mode: 'serial' })

test.describe('behind an HTTPS proxy', () => {
  test('signs in through a trusted proxy that keeps the Host header', async () => {
    const result = await signInThroughProxy(trusted, { Host: 'desk.example.org' })
    expect(result.status).toBe(302)
    expect(result.cookie).toMatch(/; Secure/i)
  })

  test('signs in through a trusted proxy that sends the public host as X-Forwarded-Host', async () => {
    const result = await signInThroughProxy(trusted, { 'X-Forwarded-Host': 'desk.example.org' })
    expect(result.status).toBe(302)
  })

  test('refuses the same post without TRUST_PROXY, saying to set it', async () => {
    const result = await signInThroughProxy(untrusted, { Host: 'desk.example.org' })
    expect(result.status).toBe(403)
    expect(result.body).toMatch(
      /^Refused: this form comes from https:\/\/desk\.example\.org but reached the server as http:\/\/desk\.example\.org\. .*set TRUST_PROXY/,
    )
  })

  test('still refuses a form from another site through a trusted proxy', async () => {
    const result = await signInThroughProxy(trusted, { Host: 'desk.example.org', Origin: 'https://evil.example' })
    expect(result.status).toBe(403)
    expect(result.body).toBe('Refused: a form from https://evil.example may not change anything here.')
  })
})
