// An editor publishes an article's report from the desk; a signed-out reader opens the public report and a
// claim's page (with its ClaimReview JSON-LD); once unpublished, the page is gone.
import type { Browser, Page } from '@playwright/test'
import { expect, test } from './fixtures'

/** A reader's browser: its own context (no desk cookie, an empty cache), failing on any page error. */
async function readerPage(browser: Browser, width = 1280) {
  const context = await browser.newContext({ viewport: { width, height: 900 } })
  const page = await context.newPage()
  const problems: string[] = []
  page.on('pageerror', (error) => problems.push(error.message))
  page.on('console', (message) => {
    if (message.type() === 'error' && !/status of 404/.test(message.text())) problems.push(message.text())
  })
  return { page, problems, close: () => context.close() }
}

async function jsonLd(page: Page) {
  const text = await page.locator('script[type="application/ld+json"]').textContent()
  return JSON.parse(text ?? 'null')
}

test('an editor publishes a report, a signed-out reader reads it and its claims, and unpublishing takes it down', async ({
  page,
  desk,
  browser,
}) => {
  const editor = await desk.user({ role: 'EDITOR' })
  const article = await desk.article({ by: editor, title: `Harbour traffic and the tram budget ${Date.now()}` })
  const approved = await desk.claim({
    article,
    by: editor,
    status: 'APPROVED',
    verdict: 'MOSTLY_TRUE',
    claimant: 'Harbour board',
    rationale:
      'The board’s annual report shows 13.6 percent growth, which rounds to 14. It was the fastest in nine years.',
  })
  await desk.claim({ article, by: editor, status: 'APPROVED', verdict: 'FALSE', claimant: 'Mayor Lena Vos' })
  await desk.claim({ article, by: editor, status: 'IN_RESEARCH' })

  await desk.signIn(page, editor)
  await page.goto(`/articles/${article.id}`)
  await page.screenshot({ path: 'test-results/workspace-publish-1280.png' })
  await page.getByRole('link', { name: 'Publish', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Public report' })).toBeVisible()
  await expect(page.getByTestId('publication-status')).toHaveText('Not published')
  await page.getByRole('button', { name: 'Publish report' }).click()
  await expect(page.getByTestId('publication-status')).toHaveText('Published')
  await expect(page.getByRole('status').filter({ hasText: 'Report published' })).toBeVisible()
  const reportUrl = (await page.getByTestId('public-report-link').getAttribute('href'))!
  expect(new URL(reportUrl).pathname).toMatch(/^\/reports\/harbour-traffic-and-the-tram-budget-\d+$/)
  const reportPath = new URL(reportUrl).pathname
  await page.screenshot({ path: 'test-results/publish-page-1280.png', fullPage: true })

  const reader = await readerPage(browser)
  const response = await reader.page.goto(reportPath)
  expect(response?.status()).toBe(200)
  expect(response?.headers()['set-cookie']).toBeUndefined()
  expect(response?.headers()['cache-control']).toMatch(/^public, max-age=\d+, stale-while-revalidate=\d+$/)
  expect(response?.headers()['etag']).toMatch(/^W\//)
  await expect(reader.page.getByRole('heading', { level: 1, name: article.title })).toBeVisible()
  await expect(reader.page.getByRole('link', { name: 'Sign in' })).toHaveCount(0)
  const claims = reader.page.getByRole('region', { name: 'What we checked' }).getByRole('listitem')
  await expect(claims).toHaveCount(2)
  await expect(claims.first()).toContainText('Mostly true')
  await expect(claims.nth(1)).toContainText('False')
  expect((await jsonLd(reader.page)).map((review: { '@type': string }) => review['@type'])).toEqual([
    'ClaimReview',
    'ClaimReview',
  ])
  // A reader who holds the page gets 304 with no body, and no policy that would replace the cached page's.
  const etag = response!.headers()['etag']!
  const revalidated = await reader.page.request.get(reportPath, { headers: { 'If-None-Match': etag } })
  expect(revalidated.status()).toBe(304)
  expect(revalidated.headers()['content-security-policy']).toBeUndefined()
  expect((await reader.page.request.get(reportPath, { headers: { 'If-None-Match': 'W/"old"' } })).status()).toBe(200)
  await expect(reader.page.locator('link[rel="canonical"]')).toHaveAttribute('href', reportUrl)
  await expect(reader.page.locator('meta[property="og:title"]')).toHaveAttribute(
    'content',
    `Fact check: ${article.title}`,
  )
  await reader.page.screenshot({ path: 'test-results/public-report-1280.png', fullPage: true })

  await claims
    .first()
    .getByRole('link', { name: /Read the fact check/ })
    .click()
  await expect(reader.page).toHaveURL(/\/reports\/[^/]+\/claims\/the-harbour-board-said/)
  await expect(reader.page.getByTestId('public-verdict')).toContainText('Mostly true')
  await expect(reader.page.locator('mark')).toHaveText(approved.quote)
  await expect(reader.page.getByRole('heading', { name: 'Sources' })).toBeVisible()
  const review = await jsonLd(reader.page)
  expect(review).toMatchObject({
    '@type': 'ClaimReview',
    url: reader.page.url(),
    reviewRating: { alternateName: 'Mostly true', ratingValue: 4 },
  })
  const claimPath = new URL(reader.page.url()).pathname
  await reader.page.emulateMedia({ media: 'print' })
  await reader.page.screenshot({ path: 'test-results/public-claim-print.png', fullPage: true })
  await reader.page.emulateMedia({ media: 'screen' })
  await reader.page.screenshot({ path: 'test-results/public-claim-1280.png', fullPage: true })
  await reader.page.setViewportSize({ width: 390, height: 844 })
  await reader.page.screenshot({ path: 'test-results/public-claim-390.png', fullPage: true })
  await reader.page.goto(reportPath)
  await reader.page.screenshot({ path: 'test-results/public-report-390.png', fullPage: true })
  // The masthead leads to every published fact check, and the list back to this one.
  await reader.page.getByRole('link', { name: 'All fact checks' }).click()
  await expect(reader.page).toHaveURL(/\/reports$/)
  await expect(reader.page.getByRole('heading', { level: 1, name: 'Fact checks' })).toBeVisible()
  const listed = reader.page.getByRole('listitem').filter({ hasText: article.title })
  await expect(listed).toContainText('2 claims checked')
  await reader.page.screenshot({ path: 'test-results/public-reports-390.png', fullPage: true })
  await reader.page.setViewportSize({ width: 1280, height: 900 })
  await reader.page.screenshot({ path: 'test-results/public-reports-1280.png', fullPage: true })
  await listed.getByRole('link', { name: article.title }).click()
  await expect(reader.page).toHaveURL(new RegExp(`${reportPath}$`))
  expect(reader.problems).toEqual([])
  await reader.close()

  await page.getByRole('button', { name: 'Unpublish report' }).click()
  await expect(page.getByTestId('publication-status')).toHaveText('Unpublished')

  const later = await readerPage(browser)
  for (const path of [reportPath, claimPath]) {
    const gone = await later.page.goto(path)
    expect(gone?.status()).toBe(404)
    await expect(later.page.getByRole('heading', { name: 'This fact check is not available' })).toBeVisible()
  }
  const sitemap = await later.page.request.get('/sitemap.xml')
  expect(await sitemap.text()).not.toContain(reportPath)
  await later.close()
})
