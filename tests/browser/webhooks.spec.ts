// Webhooks as an admin uses them: register an endpoint, copy its secret (shown once), approve a claim and
// watch the signed delivery reach a receiver this test runs on 127.0.0.1, then redeliver it.
import http from 'node:http'
import type net from 'node:net'
import pg from 'pg'
import { Webhook } from 'standardwebhooks'
import { test, expect, toast, JAVASCRIPT_OFF } from './fixtures'

type Received = { headers: Record<string, string>; body: string }

async function startReceiver() {
  const received: Received[] = []
  const server = http.createServer((req, res) => {
    let body = ''
    req.setEncoding('utf8')
    req.on('data', (chunk: string) => (body += chunk))
    req.on('end', () => {
      received.push({ headers: req.headers as Record<string, string>, body })
      res.writeHead(200).end('ok')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as net.AddressInfo).port
  return { received, port, close: () => new Promise((resolve) => server.close(resolve)) }
}

/** Lets the desk reach the receiver: loopback addresses are refused unless allow-listed. */
async function allowHost(host: string) {
  const client = new pg.Client({ connectionString: process.env.FACTDESK_TEST_DATABASE_URL })
  await client.connect()
  try {
    await client.query(
      `UPDATE "Settings" SET "urlImportAllowList" = array_append("urlImportAllowList", $1) WHERE id = 1
       AND NOT ($1 = ANY("urlImportAllowList"))`,
      [host],
    )
  } finally {
    await client.end()
  }
}

test('an admin registers an endpoint, sees its secret once, and an approval is delivered, signed, and redelivered', async ({
  page,
  desk,
}) => {
  const receiver = await startReceiver()
  try {
    await allowHost(`127.0.0.1:${receiver.port}`)
    const admin = await desk.signInAs(page, 'ADMIN')
    const checker = await desk.user({ role: 'FACT_CHECKER' })
    const article = await desk.article({ by: checker })
    const claim = await desk.claim({ article, by: checker, status: 'NEEDS_REVIEW' })
    const url = `http://127.0.0.1:${receiver.port}/hooks/${claim.id}`

    await page.goto('/admin/webhooks')
    await expect(page.getByRole('heading', { level: 1, name: 'Webhooks' })).toBeVisible()
    await page.getByLabel('Address').fill(url)
    await page.getByLabel('Description').fill(`Newsroom CMS for ${admin.name}`)
    await expect(page.getByRole('checkbox', { name: /claim\.approved/ })).toBeChecked()
    await page.getByRole('button', { name: 'Add endpoint' }).click()

    const secret = page.getByTestId('webhook-secret')
    await expect(secret).toHaveText(/^whsec_[A-Za-z0-9+/=]{44}$/)
    const signingSecret = (await secret.textContent())!
    const endpoints = page.getByRole('region', { name: 'Endpoints' })
    await expect(endpoints.getByText(url)).toBeVisible()
    await expect(page.getByText('It is shown only now.')).toBeVisible()
    // Shown once: the page never shows it again.
    await page.reload()
    await expect(page.getByTestId('webhook-secret')).toHaveCount(0)
    await expect(page.getByText(signingSecret)).toHaveCount(0)

    await page.goto(`/claims/${claim.id}`)
    await page.getByRole('button', { name: 'Approve', exact: true }).click()
    await expect(page.getByRole('region', { name: 'The claim' }).getByText('Approved', { exact: true })).toBeVisible()

    const ours = () => receiver.received.filter((request) => request.body.includes(claim.id))
    await expect.poll(() => ours().length).toBe(1)
    const first = ours()[0]!
    const payload = new Webhook(signingSecret).verify(first.body, first.headers) as {
      type: string
      data: { claim: { id: string } }
    }
    expect(payload).toMatchObject({ type: 'claim.approved', data: { claim: { id: claim.id } } })
    const webhookId = first.headers['webhook-id']!

    await page.goto('/admin/webhooks')
    const deliveries = page.getByRole('region', { name: 'Deliveries' })
    const row = deliveries.getByRole('row').filter({ hasText: webhookId })
    await expect(async () => {
      await page.reload()
      await expect(row.getByText('Delivered', { exact: true })).toBeVisible({ timeout: 1_000 })
    }).toPass()
    await expect(row).toContainText('claim.approved')
    await expect(row).toContainText('HTTP 200')

    await row.getByRole('button', { name: /^Redeliver/ }).click()
    await expect(toast(page, /Redelivery queued/)).toBeVisible()
    await expect.poll(() => ours().length).toBe(2)
    expect(ours()[1]!.headers['webhook-id']).toBe(webhookId)
    await expect(async () => {
      await page.reload()
      // The attempts column: the redelivery was a second attempt.
      await expect(row.getByRole('cell').nth(3)).toHaveText(/\b2$/, { timeout: 1_000 })
    }).toPass()

    // Tidy: other tests approve claims too, and this endpoint would hear of them.
    await page.getByRole('button', { name: `Delete ${url}` }).click()
    await page.getByRole('group', { name: 'Confirm deletion' }).getByRole('button', { name: 'Delete endpoint' }).click()
    await expect(toast(page, /Endpoint deleted/)).toBeVisible()
    await expect(endpoints.getByText(url)).toHaveCount(0)
  } finally {
    await receiver.close()
  }
})

const NOT_ADMINS = { REPORTER: 'a reporter', FACT_CHECKER: 'a fact-checker', EDITOR: 'an editor' } as const

for (const [role, who] of Object.entries(NOT_ADMINS) as Array<[keyof typeof NOT_ADMINS, string]>) {
  test(`refuses /admin/webhooks to ${who} with 403`, async ({ page, desk }) => {
    await desk.signInAs(page, role)
    const response = await page.goto('/admin/webhooks')
    expect(response?.status()).toBe(403)
    await expect(page.getByRole('heading', { name: 'Not allowed' })).toBeVisible()
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Webhooks' })).toHaveCount(0)
  })
}

test.describe('without JavaScript', () => {
  test.use(JAVASCRIPT_OFF)

  test('an admin adds an endpoint, sees its secret once, and deletes it after confirming', async ({ page, desk }) => {
    const receiver = await startReceiver()
    try {
      await allowHost(`127.0.0.1:${receiver.port}`)
      await desk.signInAs(page, 'ADMIN')
      const url = `http://127.0.0.1:${receiver.port}/hooks/no-script-${Date.now()}`
      await page.goto('/admin/webhooks')
      await page.getByLabel('Address').fill(url)
      await page.getByRole('button', { name: 'Add endpoint' }).click()
      await expect(page.getByTestId('webhook-secret')).toHaveText(/^whsec_[A-Za-z0-9+/=]{44}$/)
      const endpoints = page.getByRole('region', { name: 'Endpoints' })
      await expect(endpoints.getByText(url)).toBeVisible()

      // An address the desk cannot use is refused with its reason, and what was typed stays.
      await page.getByLabel('Address').fill('ftp://files.example/hook')
      await page.getByRole('button', { name: 'Add endpoint' }).click()
      await expect(page.getByLabel('Address')).toHaveValue('ftp://files.example/hook')
      await expect(page.getByLabel('Address')).toHaveAttribute('aria-invalid', 'true')
      await expect(page.getByText('starting with https:// or http://')).toBeVisible()

      await page.goto('/admin/webhooks')
      await expect(page.getByTestId('webhook-secret')).toHaveCount(0)
      await page.getByRole('button', { name: `Delete ${url}` }).click()
      await page
        .getByRole('group', { name: 'Confirm deletion' })
        .getByRole('button', { name: 'Delete endpoint' })
        .click()
      await expect(toast(page, /Endpoint deleted/)).toBeVisible()
      await expect(endpoints.getByText(url)).toHaveCount(0)
    } finally {
      await receiver.close()
    }
  })
})
