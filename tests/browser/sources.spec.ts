// The source library: finding a source and rating how reliable it is.
import type { Page } from '@playwright/test'
import { test, expect, toast, JAVASCRIPT_OFF, type Desk, openFromMenu } from './fixtures'

test('finds a source by its title and shows the claims that cite it', async ({ page, desk }) => {
  const checker = await desk.user({ role: 'FACT_CHECKER' })
  const article = await desk.article({ by: checker })
  const claim = await desk.claim({ article, by: checker, status: 'IN_RESEARCH' })
  const source = await desk.source({ title: `Tide tables ${Math.random().toString(36).slice(2, 8)}` })
  await desk.attach({ claim, source, by: checker, stance: 'REFUTES' })
  await desk.signIn(page, checker)
  await openFromMenu(page, 'Sources')
  await page.getByLabel('Search by title, publisher or address').fill(source.title)
  await page.getByRole('button', { name: 'Search', exact: true }).click()
  await expect(page).toHaveURL(/\/sources\?q=/)
  const card = page.getByRole('article', { name: source.title })
  await expect(card).toBeVisible()
  await expect(card.getByText('Cited by 1 claim')).toBeVisible()
  await expect(card.getByRole('link', { name: claim.quote })).toBeVisible()
  await expect(card.getByText('Refutes', { exact: true })).toBeVisible()
  // Nobody but an editor rates sources.
  await expect(card.getByRole('button', { name: /^Save the reliability/ })).toHaveCount(0)
})

async function rateHigh(page: Page, desk: Desk) {
  const editor = await desk.user({ role: 'EDITOR' })
  const source = await desk.source({ title: `Harbour census ${Math.random().toString(36).slice(2, 8)}` })
  await desk.signIn(page, editor)
  await page.goto(`/sources?q=${encodeURIComponent(source.title)}`)
  const card = page.getByRole('article', { name: source.title })
  await card.getByRole('combobox', { name: `Reliability of ${source.title}` }).selectOption('HIGH')
  await card.getByRole('button', { name: `Save the reliability of ${source.title}` }).click()
  await expect(toast(page, `“${source.title}” is now rated high reliability.`)).toBeVisible()
  await expect(page).toHaveURL(new RegExp(`/sources\\?q=.*#source-${source.id}$`))
  await expect(card.getByRole('combobox', { name: `Reliability of ${source.title}` })).toHaveValue('HIGH')
  const [row] = await desk.query<{ reliability: string }>('SELECT reliability FROM "Source" WHERE id = $1', [source.id])
  expect(row?.reliability).toBe('HIGH')
}

test('an editor rates a source, and it stays on the list with the new rating', async ({ page, desk }) => {
  await rateHigh(page, desk)
})

test.describe('without JavaScript', () => {
  test.use(JAVASCRIPT_OFF)

  test('an editor rates a source, and it stays on the list with the new rating', async ({ page, desk }) => {
    await rateHigh(page, desk)
  })
})

test('says when no source matches', async ({ page, desk }) => {
  await desk.signInAs(page, 'REPORTER')
  await page.goto('/sources')
  await page.getByLabel('Search by title, publisher or address').fill('no source is called this zqxv')
  await page.getByRole('button', { name: 'Search', exact: true }).click()
  await expect(page.getByText('No source matches “no source is called this zqxv”')).toBeVisible()
})
