// Two people edit one claim at once: the second save meets the conflict view, which says who changed
// which field, and "Save mine over theirs" writes only what the second person changed.
import type { Browser, Page } from '@playwright/test'
import { test, expect, toast, type Desk } from './fixtures'

/**
 * A fact-checker and an editor (on `page`) open the edit page of the fact-checker's claim; the fact-checker
 * changes `field` from `from` to `to` and saves, then the editor, not knowing, sets the claimant to
 * "Harbour board" and saves, and meets their version.
 */
async function editAtOnce(
  { page, browser, baseURL, desk }: { page: Page; browser: Browser; baseURL?: string; desk: Desk },
  { tags, field, from, to }: { tags?: string[]; field: string; from: string; to: string },
) {
  const checker = await desk.user({ role: 'FACT_CHECKER' })
  const editor = await desk.user({ role: 'EDITOR' })
  const article = await desk.article({ by: checker })
  const claim = await desk.claim({ article, by: checker, tags })

  const theirs = await browser.newContext({ baseURL })
  try {
    const checkerPage = await theirs.newPage()
    await desk.signIn(checkerPage, checker)
    await checkerPage.goto(`/claims/${claim.id}/edit`)
    // The editor opens the same claim before the fact-checker saves.
    await desk.signIn(page, editor)
    await page.goto(`/claims/${claim.id}/edit`)
    await expect(page.getByLabel(field)).toHaveValue(from)

    await checkerPage.getByLabel(field).fill(to)
    await checkerPage.getByRole('button', { name: 'Save claim' }).click()
    await expect(toast(checkerPage, 'Claim saved.')).toBeVisible()
  } finally {
    await theirs.close()
  }

  await page.getByLabel('Claimant').fill('Harbour board')
  await page.getByRole('button', { name: 'Save claim' }).click()
  return { claim, saved: page.getByRole('complementary', { name: 'Their version, saved now' }) }
}

test('saving mine over theirs keeps their tags and my claimant', async ({ page, browser, baseURL, desk }) => {
  const { claim, saved } = await editAtOnce(
    { page, browser, baseURL, desk },
    { tags: ['harbour'], field: 'Tags', from: 'harbour', to: 'harbour, trade statistics' },
  )
  await expect(saved).toBeVisible()
  await expect(saved.getByRole('term').filter({ hasText: 'Tags' })).toContainText(
    'Changed by them: saving keeps theirs',
  )
  await expect(saved.getByRole('term').filter({ hasText: 'Claimant' })).toContainText('Changed by you')
  await expect(saved.getByRole('term').filter({ hasText: 'Claim' }).first()).not.toContainText('Changed')

  await page.getByRole('button', { name: 'Save mine over theirs' }).click()
  await expect(toast(page, 'Claim saved.')).toBeVisible()
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
  const { claim, saved } = await editAtOnce(
    { page, browser, baseURL, desk },
    { field: 'Claimant', from: '', to: 'Port authority' },
  )
  await expect(saved.getByRole('term').filter({ hasText: 'Claimant' })).toContainText('Changed by them and by you')
  await expect(saved.getByRole('definition').filter({ hasText: 'Port authority' })).toBeVisible()
  await expect(page.getByLabel('Claimant')).toHaveValue('Harbour board')

  await page.getByRole('button', { name: 'Save mine over theirs' }).click()
  await expect(toast(page, 'Claim saved.')).toBeVisible()
  const [row] = await desk.query<{ claimant: string }>(`SELECT claimant FROM "Claim" WHERE id = $1`, [claim.id])
  expect(row?.claimant).toBe('Harbour board')
})
