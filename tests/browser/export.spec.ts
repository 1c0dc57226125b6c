// Exporting claims through the real pages: the count before download, each file format, the history
// line a download leaves, and a cross-site post that is refused. Each test exports its own article.
import type { Download, Page } from '@playwright/test'
import { parse } from 'csv-parse/sync'
import fs from 'node:fs'
import { test, expect, JAVASCRIPT_OFF, type Desk, openFromMenu } from './fixtures'

async function approvedArticle(desk: Desk) {
  const editor = await desk.user({ role: 'EDITOR' })
  const checker = await desk.user({ role: 'FACT_CHECKER' })
  const article = await desk.article({
    by: checker,
    title: `Harbour exports ${Math.random().toString(36).slice(2, 8)}`,
  })
  const approved = [
    await desk.claim({ article, by: checker, status: 'APPROVED', verdict: 'TRUE', approvedBy: editor }),
    await desk.claim({ article, by: checker, status: 'APPROVED', verdict: 'FALSE', approvedBy: editor }),
  ]
  await desk.claim({ article, by: checker })
  return { editor, article, approved }
}

async function chooseArticle(page: Page, title: string) {
  await page.getByLabel('Article', { exact: true }).selectOption({ label: title })
}

const readDownload = async (download: Download) => fs.readFileSync((await download.path())!, 'utf8')
const exportsBy = async (desk: Desk, userId: string) =>
  (await desk.query<{ n: number }>('SELECT count(*)::int AS n FROM "Export" WHERE "userId" = $1', [userId]))[0]!.n

test('counts an article’s approved claims, downloads them as CSV, and lists the download', async ({ page, desk }) => {
  const { editor, article, approved } = await approvedArticle(desk)
  await desk.signIn(page, editor)
  await openFromMenu(page, 'Export')
  await expect(page.getByRole('heading', { name: 'Export claims' })).toBeVisible()
  await chooseArticle(page, article.title)
  const count = page.getByTestId('export-count')
  await expect(count).toHaveText('2 claims match')

  // The count follows the form: only the True claim, then both again.
  await page.getByRole('checkbox', { name: 'True', exact: true }).check()
  await expect(count).toHaveText('1 claim matches')
  await page.getByRole('checkbox', { name: 'True', exact: true }).uncheck()
  await expect(count).toHaveText('2 claims match')

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download CSV' }).click(),
  ])
  expect(download.suggestedFilename()).toMatch(/^factdesk-claims-\d{4}-\d\d-\d\d\.csv$/)
  const rows = parse(await readDownload(download), { columns: true, bom: true }) as Array<Record<string, string>>
  expect(rows.map((row) => row.claim_text).sort()).toEqual(approved.map((claim) => claim.quote).sort())
  for (const row of rows) expect(row.article_title).toBe(article.title)
  expect(await exportsBy(desk, editor.id)).toBe(1)

  // The history shows the download (the page refreshes it shortly after the download starts).
  const history = page.getByRole('table', { name: 'Past exports, newest first' })
  await expect(history.getByRole('row').filter({ hasText: editor.name })).toHaveCount(1)
})

test('downloads JSON and ClaimReview JSON-LD for the same choice', async ({ page, desk }) => {
  const { editor, article } = await approvedArticle(desk)
  await desk.signIn(page, editor)
  await page.goto('/export')
  await chooseArticle(page, article.title)
  await expect(page.getByTestId('export-count')).toHaveText('2 claims match')

  await page.getByRole('radio', { name: /^JSON\b/ }).check()
  const [json] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download JSON' }).click(),
  ])
  const claims = JSON.parse(await readDownload(json)) as unknown[]
  expect(claims).toHaveLength(2)

  await page.getByRole('radio', { name: /^ClaimReview JSON-LD/ }).check()
  const [jsonLd] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download ClaimReview JSON-LD' }).click(),
  ])
  const text = await readDownload(jsonLd)
  expect(() => JSON.parse(text)).not.toThrow()
  expect(text.match(/"@type":\s*"ClaimReview"/g)).toHaveLength(2)

  await page.getByRole('radio', { name: /^CSV for Excel/ }).check()
  const [excel] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download CSV for Excel' }).click(),
  ])
  expect((await readDownload(excel)).charCodeAt(0)).toBe(0xfeff)
  expect(await exportsBy(desk, editor.id)).toBe(3)
})

test('shows the chosen format and scope as checked', async ({ page, desk }) => {
  const { editor } = await approvedArticle(desk)
  await desk.signIn(page, editor)
  await page.goto('/export')
  await expect(page.getByRole('radio', { name: /^Approved claims/ })).toBeChecked()
  await expect(page.getByRole('radio', { name: /^CSV One row/ })).toBeChecked()
  await page.getByRole('radio', { name: /^JSON\b/ }).check()
  await expect(page.getByRole('radio', { name: /^JSON\b/ })).toBeChecked()
})

test('says when the dates are the wrong way round, and counts again once they are put right', async ({
  page,
  desk,
}) => {
  const { editor } = await approvedArticle(desk)
  await desk.signIn(page, editor)
  await page.goto('/export')
  await page.getByLabel('From', { exact: true }).fill('2030-03-01')
  await page.getByLabel('To', { exact: true }).fill('2030-01-01')
  await expect(page.getByText('The end date is before the start date.')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Download CSV' })).toHaveCount(0)
  await page.getByLabel('To', { exact: true }).fill('2030-12-31')
  await page.getByLabel('To', { exact: true }).blur()
  // Nothing was approved in 2030.
  await expect(page.getByTestId('export-count')).toHaveText('0 claims match')
  await expect(page.getByText('The end date is before the start date.')).toHaveCount(0)
})

test('refuses a download posted from another site, recording nothing', async ({ request, desk, baseURL }) => {
  const editor = await desk.user({ role: 'EDITOR' })
  const login = await request.post('/login', {
    headers: { Origin: baseURL! },
    form: { email: editor.email, password: editor.password },
    maxRedirects: 0,
  })
  expect(login.status()).toBe(302)
  for (const path of ['/exports/claims.csv', '/exports/claims.json', '/exports/claimreview.jsonld']) {
    const response = await request.post(path, {
      headers: { Origin: 'https://evil.example' },
      form: { scope: 'any' },
      maxRedirects: 0,
    })
    expect({ path, status: response.status() }).toEqual({ path, status: 403 })
  }
  expect(await exportsBy(desk, editor.id)).toBe(0)
})

test.describe('without JavaScript', () => {
  test.use(JAVASCRIPT_OFF)

  test('counts with the Count button and downloads the CSV', async ({ page, desk }) => {
    const { editor, article } = await approvedArticle(desk)
    await desk.signIn(page, editor)
    await page.goto('/export')
    await chooseArticle(page, article.title)
    await page.getByRole('button', { name: 'Count claims' }).click()
    await expect(page.getByTestId('export-count').first()).toHaveText('2 claims match')
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download CSV' }).first().click(),
    ])
    const rows = parse(await readDownload(download), { columns: true, bom: true }) as Array<Record<string, string>>
    expect(rows).toHaveLength(2)
    expect(await exportsBy(desk, editor.id)).toBe(1)
  })
})
