// The dashboard in a browser: scores and coverage, the charts and their tables, sorting and filters.
// Each test tags its own claims and filters on that tag, so other tests' data never changes its figures.
import type { Page } from '@playwright/test'
import { test, expect, type Desk, type DeskUser } from './fixtures'

/** An article whose claims carry a tag no other test uses: 3 approved and scored, 1 in review, 1 unreviewed. */
async function taggedArticle(desk: Desk, by: DeskUser) {
  const tag = `harbour-${Math.random().toString(36).slice(2, 8)}`
  const article = await desk.article({ by, title: `Harbour figures ${tag}` })
  const checker = await desk.user({ role: 'FACT_CHECKER' })
  for (const verdict of ['TRUE', 'MOSTLY_TRUE', 'HALF_TRUE'] as const) {
    await desk.claim({ article, by: checker, status: 'APPROVED', verdict, tags: [tag] })
  }
  await desk.claim({ article, by: checker, status: 'NEEDS_REVIEW', verdict: 'MISLEADING', tags: [tag] })
  await desk.claim({ article, by, tags: [tag] })
  return { tag, article }
}

async function openFiltered(page: Page, tag: string) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click()
  // The whole desk's figures come first; on a busy machine with a large desk they take a while.
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible({ timeout: 45_000 })
  await page.getByLabel('Tag').fill(tag)
  await page.getByRole('button', { name: 'Apply' }).click()
  await expect(page).toHaveURL(new RegExp(`tag=${tag}`))
  await expect(page.getByText(`Counting only claims tagged “${tag}”.`)).toBeVisible()
}

test('shows a reporter the score and coverage of the claims under a tag', async ({ page, desk }) => {
  const reporter = await desk.user({ role: 'REPORTER' })
  const { tag, article } = await taggedArticle(desk, reporter)
  await desk.signIn(page, reporter)
  await openFiltered(page, tag)
  // (1 + 0.75 + 0.5) / 3 = 0.75 → 75, based on the 3 approved of 5 claims.
  await expect(page.getByTestId('desk-credibility')).toContainText('based on 3 of 5 claims')
  await expect(page.getByTestId('desk-credibility')).toContainText(/claims\s*75\s*out of/)
  const row = page
    .getByTestId('article-table')
    .getByRole('row')
    .filter({ has: page.getByRole('link', { name: article.title }) })
  await expect(row).toContainText('3 of 5')
  await expect(row).toContainText(/\b75\b/)
  await expect(page.getByTestId('review-queue')).toContainText('1')
})

test('draws the charts with each bar’s label and number, and keeps the same numbers in a table', async ({
  page,
  desk,
}) => {
  const reporter = await desk.user({ role: 'REPORTER' })
  const { tag } = await taggedArticle(desk, reporter)
  await desk.signIn(page, reporter)
  await openFiltered(page, tag)
  const byStatus = page.getByRole('region', { name: 'Claims by status' })
  // Each bar says its status and its number in words, not by colour alone.
  const statusBars = byStatus.getByRole('list', { name: 'Claims by status' }).getByRole('listitem')
  await expect(statusBars.filter({ hasText: 'Approved: 3 claims' })).toHaveCount(1)
  await expect(statusBars.filter({ hasText: 'Needs review: 1 claim' })).toContainText('1')
  await byStatus.getByText('Show as table').click()
  const table = byStatus.getByRole('table', { name: 'Claims by status' })
  await expect(table.getByRole('row', { name: /Approved/ }).getByRole('cell')).toHaveText('3')
  await expect(table.getByRole('row', { name: /Needs review/ }).getByRole('cell')).toHaveText('1')
  // The table's numbers lead to their claims as the bars' do.
  await expect(table.getByRole('link', { name: 'Approved claims: 3, list them' })).toHaveAttribute(
    'href',
    new RegExp(`/claims\\?.*status=APPROVED`),
  )

  const byVerdict = page.getByRole('region', { name: 'Claims by verdict' })
  const verdictBars = byVerdict.getByRole('list', { name: 'Claims by verdict' }).getByRole('listitem')
  await expect(verdictBars.filter({ hasText: 'Misleading: 0 approved, 1 proposed awaiting review' })).toContainText(
    '0 + 1',
  )
  await byVerdict.getByText('Show as table').click()
  // Approved, then proposed: the misleading verdict is only proposed so far.
  await expect(
    byVerdict
      .getByRole('table')
      .getByRole('row', { name: /Misleading/ })
      .getByRole('cell'),
  ).toHaveText(['0', '1'])
  await expect(byVerdict.getByRole('table').getByRole('row', { name: /^True/ }).getByRole('cell')).toHaveText([
    '1',
    '0',
  ])
})

test('leads from each count to the list of exactly those claims, the filter kept', async ({ page, desk }) => {
  const reporter = await desk.user({ role: 'REPORTER' })
  const { tag } = await taggedArticle(desk, reporter)
  await desk.signIn(page, reporter)
  await openFiltered(page, tag)
  await page.getByTestId('total-claims').getByRole('link', { name: 'Claims: 5, list them' }).click()
  await expect(page).toHaveURL(new RegExp(`/claims\\?tag=${tag}$`))
  await expect(page.getByRole('region', { name: 'Matching claims (5)' })).toBeVisible()
  await expect(page.getByText(`Claims, tagged “${tag}”.`)).toBeVisible()
  await page.goBack()
  await page
    .getByRole('region', { name: 'Claims by status' })
    .getByRole('link', { name: 'Approved claims: 3, list them' })
    .click()
  const approved = page.getByRole('region', { name: 'Matching claims (3)' })
  await expect(approved.getByRole('listitem')).toHaveCount(3)
  await expect(page.getByLabel('Status')).toHaveValue('APPROVED')
  await page.goBack()
  await page
    .getByRole('region', { name: 'Claims by verdict' })
    .getByRole('link', { name: 'Proposed as Misleading, awaiting review: 1, list them' })
    .click()
  await expect(page.getByRole('region', { name: 'Matching claims (1)' })).toContainText('Draft: Misleading')
})

test('sorts the articles, keeps the order under a new filter, and clears the filter', async ({ page, desk }) => {
  const reporter = await desk.user({ role: 'REPORTER' })
  const { tag } = await taggedArticle(desk, reporter)
  await desk.signIn(page, reporter)
  await page.goto('/dashboard')
  // The whole desk's article count leads to the article list.
  await expect(
    page.getByTestId('total-articles').getByRole('link', { name: /^Articles: [\d,]+, list them$/ }),
  ).toHaveAttribute('href', '/articles')
  await page
    .getByRole('columnheader', { name: /Coverage/ })
    .getByRole('link')
    .click()
  await expect(page).toHaveURL(/sort=coverage/)
  await page.getByLabel('Tag').fill(tag)
  await page.getByRole('button', { name: 'Apply' }).click()
  await expect(page).toHaveURL(new RegExp(`tag=${tag}`))
  await expect(page).toHaveURL(/sort=coverage/)
  await expect(page.getByTestId('desk-credibility')).toContainText('based on 3 of 5 claims')
  await page.getByRole('link', { name: 'Clear filter' }).click()
  await expect(page).toHaveURL(/\/dashboard$/)
  await expect(page.getByText('Showing the whole desk.')).toBeVisible()
})

test('explains dates the wrong way round in the filter', async ({ page, desk }) => {
  const reporter = await desk.user({ role: 'REPORTER' })
  await desk.signIn(page, reporter)
  await page.goto('/dashboard')
  await page.getByLabel('Claims added from').fill('2030-03-01')
  await page.getByLabel('to', { exact: true }).fill('2030-01-01')
  await page.getByRole('button', { name: 'Apply' }).click()
  await expect(page).toHaveURL(/from=2030-03-01/)
  await expect(page.getByText('The end date is before the start date.')).toBeVisible()
  await expect(page.getByLabel('to', { exact: true })).toHaveAttribute('aria-invalid', 'true')
})

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } })

  test('fits the screen without sideways scrolling', async ({ page, desk }) => {
    const reporter = await desk.user({ role: 'REPORTER' })
    const { tag, article } = await taggedArticle(desk, reporter)
    await desk.signIn(page, reporter)
    await page.goto(`/dashboard?tag=${tag}`)
    await expect(page.getByRole('link', { name: article.title })).toBeVisible()
    await expect
      .poll(() => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth))
      .toBeLessThanOrEqual(0)
  })
})
