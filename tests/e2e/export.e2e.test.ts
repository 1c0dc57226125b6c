// An editor exports the seeded desk's approved claims through the real pages: the count before
// download, the CSV file itself, the history line it leaves, and a cross-site post that is refused.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { parse } from 'csv-parse/sync'
import fs from 'node:fs'
import pg from 'pg'
import type { Browser } from 'playwright-core'
import { baseUrl, expectVisible, inPage, launchBrowser } from './support/browser.ts'
import { DEMO, DEMO_PASSWORD, signInAs } from './support/session.ts'

const SEED_ARTICLE_ID = 'seed-ukraine-prisoner-exchange'

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

async function query<T>(sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL })
  await client.connect()
  try {
    return (await client.query(sql, values)).rows as T[]
  } finally {
    await client.end()
  }
}

const exportCount = async () => (await query<{ n: number }>('SELECT count(*)::int AS n FROM "Export"'))[0]!.n

describe('exporting claims in a browser', () => {
  it('shows the count of approved claims, downloads them as CSV, and lists the download', async () => {
    const approved = await query<{ text: string; claimant: string }>(
      `SELECT text, claimant FROM "Claim" WHERE "articleId" = $1 AND status = 'APPROVED' AND "deletedAt" IS NULL`,
      [SEED_ARTICLE_ID],
    )
    expect(approved).toHaveLength(5)

    await inPage(browser, 'export csv', async (page) => {
      await signInAs(page, DEMO.editor)
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Export' }).click()
      await page.waitForURL((url) => url.pathname === '/export')
      await expectVisible(page.getByRole('heading', { name: 'Export claims' }))
      await expectVisible(page.getByTestId('export-count').filter({ hasText: '5 claims match' }))

      // The count follows the form: only the seed's one True claim, then back to all five.
      await page.getByRole('checkbox', { name: 'True', exact: true }).check()
      await expectVisible(page.getByTestId('export-count').filter({ hasText: '1 claim matches' }))
      await page.getByRole('checkbox', { name: 'True', exact: true }).uncheck()
      await expectVisible(page.getByTestId('export-count').filter({ hasText: '5 claims match' }))

      const before = await exportCount()
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()])
      expect(download.suggestedFilename()).toMatch(/^factdesk-claims-\d{4}-\d\d-\d\d\.csv$/)
      const file = await download.path()
      const rows = parse(fs.readFileSync(file!, 'utf8'), { columns: true, bom: true }) as Array<Record<string, string>>
      expect(rows).toHaveLength(5)
      expect(rows.map((row) => row.claim_text).sort()).toEqual(approved.map((claim) => claim.text).sort())
      for (const row of rows) expect(row.article_title).toBe('Ukraine pushes for exchange of 1,200 prisoners held in Russia')
      expect(await exportCount()).toBe(before + 1)

      // The history shows the download (the page refreshes it shortly after the download starts).
      const history = page.getByRole('table', { name: 'Past exports, newest first' })
      await expectVisible(history.getByRole('row').filter({ hasText: 'Eddie Marsh' }).filter({ hasText: 'All approved claims' }))
    })
  })

  it('says when the dates are the wrong way round, and counts again once they are put right', async () => {
    await inPage(browser, 'export dates', async (page) => {
      await signInAs(page, DEMO.editor)
      await page.goto('/export')
      await page.getByLabel('From', { exact: true }).fill('2030-03-01')
      await page.getByLabel('To', { exact: true }).fill('2030-01-01')
      await expectVisible(page.getByText('The end date is before the start date.'))
      expect(await page.getByRole('button', { name: 'Download CSV' }).count()).toBe(0)
      await page.getByLabel('To', { exact: true }).fill('2030-12-31')
      await page.getByLabel('To', { exact: true }).blur()
      // Nothing was approved in 2030.
      await expectVisible(page.getByTestId('export-count').filter({ hasText: '0 claims match' }))
      await page.getByText('The end date is before the start date.').waitFor({ state: 'detached', timeout: 10_000 })
    })
  })

  it('refuses a download posted from another site, recording nothing', async () => {
    const login = await fetch(`${baseUrl()}/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { Origin: baseUrl() },
      body: new URLSearchParams({ email: DEMO.editor, password: DEMO_PASSWORD }),
    })
    const cookie = login.headers.get('Set-Cookie')!.split(';')[0]!
    const before = await exportCount()
    for (const path of ['/exports/claims.csv', '/exports/claims.json', '/exports/claimreview.jsonld']) {
      const response = await fetch(`${baseUrl()}${path}`, {
        method: 'POST',
        redirect: 'manual',
        headers: { Origin: 'https://evil.example', Cookie: cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ scope: 'any' }),
      })
      expect({ path, status: response.status }).toEqual({ path, status: 403 })
    }
    expect(await exportCount()).toBe(before)
  })
})
