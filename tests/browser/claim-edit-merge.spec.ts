// Two people edit one claim at once: the second save meets the conflict view, which says who changed
// which field, and "Save mine over theirs" writes only what the second person changed.
import { test, expect } from './fixtures'

test('saving mine over theirs keeps their tags and my claimant', async ({ page, browser, baseURL, desk }) => {
  const checker = await desk.user({ role: 'FACT_CHECKER' })
  const editor = await desk.user({ role: 'EDITOR' })
  const article = await desk.article({ by: checker })
  const claim = await desk.claim({ article, by: checker, tags: ['harbour'] })

  const theirs = await browser.newContext({ baseURL })
  try {
    const checkerPage = await theirs.newPage()
    await desk.signIn(checkerPage, checker)
    await checkerPage.goto(`/claims/${claim.id}/edit`)
    // The editor opens the same claim before the fact-checker saves.
    await desk.signIn(page, editor)
    await page.goto(`/claims/${claim.id}/edit`)
    await expect(page.getByLabel('Tags')).toHaveValue('harbour')

    await checkerPage.getByLabel('Tags').fill('harbour, trade statistics')
    await checkerPage.getByRole('button', { name: 'Save claim' }).click()
    await expect(checkerPage.getByRole('status').getByText('Claim saved.')).toBeVisible()
  } finally {
    await theirs.close()
  }

  await page.getByLabel('Claimant').fill('Harbour board')
  await page.getByRole('button', { name: 'Save claim' }).click()
  const saved = page.getByRole('complementary', { name: 'Their version, saved now' })
  await expect(saved).toBeVisible()
  await expect(saved.getByRole('term').filter({ hasText: 'Tags' })).toContainText(
    'Changed by them: saving keeps theirs',
  )
  await expect(saved.getByRole('term').filter({ hasText: 'Claimant' })).toContainText('Changed by you')
  await expect(saved.getByRole('term').filter({ hasText: 'Claim' }).first()).not.toContainText('Changed')

  await page.getByRole('button', { name: 'Save mine over theirs' }).click()
  await expect(page.getByRole('status').getByText('Claim saved.')).toBeVisible()
  await page.goto(`/claims/${claim.id}`)
  const details = page.getByRole('region', { name: 'The claim' })
  await expect(details.getByText('Harbour board', { exact: true })).toBeVisible()
  await expect(details.getByText('trade statistics', { exact: true })).toBeVisible()
  const [row] = await desk.query<{ claimant: string; tags: string[] }>(
    `SELECT claimant, tags FROM "Claim" WHERE id = $1`,
    [claim.id],
  )
  expect(row).toEqual({ claimant: 'Harbour board', tags: ['harbour', 'trade statistics'] })
})

test('the conflict view marks a field both people changed, and saving again puts mine there', async ({
  page,
  browser,
  baseURL,
  desk,
}) => {
  const checker = await desk.user({ role: 'FACT_CHECKER' })
  const editor = await desk.user({ role: 'EDITOR' })
  const article = await desk.article({ by: checker })
  const claim = await desk.claim({ article, by: checker })

  const theirs = await browser.newContext({ baseURL })
  try {
    const checkerPage = await theirs.newPage()
    await desk.signIn(checkerPage, checker)
    await desk.signIn(page, editor)
    await checkerPage.goto(`/claims/${claim.id}/edit`)
    await page.goto(`/claims/${claim.id}/edit`)
    await checkerPage.getByLabel('Claimant').fill('Port authority')
    await checkerPage.getByRole('button', { name: 'Save claim' }).click()
    await expect(checkerPage.getByRole('status').getByText('Claim saved.')).toBeVisible()
  } finally {
    await theirs.close()
  }

  await page.getByLabel('Claimant').fill('Harbour board')
  await page.getByRole('button', { name: 'Save claim' }).click()
  const saved = page.getByRole('complementary', { name: 'Their version, saved now' })
  await expect(saved.getByRole('term').filter({ hasText: 'Claimant' })).toContainText('Changed by them and by you')
  await expect(saved.getByRole('definition').filter({ hasText: 'Port authority' })).toBeVisible()
  await expect(page.getByLabel('Claimant')).toHaveValue('Harbour board')

  await page.getByRole('button', { name: 'Save mine over theirs' }).click()
  await expect(page.getByRole('status').getByText('Claim saved.')).toBeVisible()
  const [row] = await desk.query<{ claimant: string }>(`SELECT claimant FROM "Claim" WHERE id = $1`, [claim.id])
  expect(row?.claimant).toBe('Harbour board')
})
