// A person's queue (the claims they hold, a page at a time, and those up for grabs) and the desk's
// filtered claim list.
import { test, expect, toast } from './fixtures'

test('lists the claims assigned to a checker ten at a time, with a link to the rest', async ({ page, desk }) => {
  const checker = await desk.user({ role: 'FACT_CHECKER' })
  const article = await desk.article({ by: checker })
  for (let i = 0; i < 12; i++)
    await desk.claim({ article, by: checker, status: 'IN_RESEARCH', text: `Queued claim number ${i + 1}` })
  await desk.signIn(page, checker)
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Queue' }).click()
  const mine = page.getByRole('region', { name: 'Assigned to me (12)' })
  await expect(mine.getByRole('link', { name: /^Queued claim number/ })).toHaveCount(10)
  await mine.getByRole('link', { name: 'Next page →' }).click()
  await expect(page).toHaveURL(/mine=/)
  await expect(mine.getByRole('link', { name: /^Queued claim number/ })).toHaveCount(2)
  await mine.getByRole('link', { name: '← First page' }).click()
  await expect(mine.getByRole('link', { name: /^Queued claim number/ })).toHaveCount(10)
  // A checker has no review list.
  await expect(page.getByRole('region', { name: /^Waiting for my review/ })).toHaveCount(0)
})

test('says so when nothing is assigned or returned', async ({ page, desk }) => {
  const checker = await desk.user({ role: 'FACT_CHECKER' })
  await desk.signIn(page, checker)
  await page.goto('/queue')
  await expect(page.getByText('Nothing is assigned to you.')).toBeVisible()
  await expect(page.getByText('Nothing has been returned to you.')).toBeVisible()
})

test('lets a fact-checker take a claim nobody holds from Up for grabs', async ({ page, desk }) => {
  const reporter = await desk.user({ role: 'REPORTER' })
  const checker = await desk.user({ role: 'FACT_CHECKER' })
  const article = await desk.article({ by: reporter })
  const text = `Nobody holds this claim ${Date.now()}`
  const claim = await desk.claim({ article, by: reporter, text, assignee: null })
  // Waiting longer than anything else on the desk, so it heads the list.
  await desk.query(`UPDATE "Claim" SET "createdAt" = '2000-01-01' WHERE id = $1`, [claim.id])
  await desk.signIn(page, checker)
  await page.goto('/queue')
  const grabs = page.getByRole('region', { name: /^Up for grabs \(\d+\)$/ })
  const row = grabs.getByRole('listitem').filter({ has: page.getByRole('link', { name: text }) })
  await row.getByRole('button', { name: `Take “${text}”` }).click()
  await expect(page).toHaveURL(new RegExp(`/claims/${claim.id}$`))
  await expect(toast(page, 'The claim is assigned to you.')).toBeVisible()
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Queue' }).click()
  await expect(page.getByRole('region', { name: 'Assigned to me (1)' }).getByRole('link', { name: text })).toBeVisible()
  await expect(grabs.getByRole('link', { name: text })).toHaveCount(0)
})

test('offers reporters nothing to take', async ({ page, desk }) => {
  const reporter = await desk.user({ role: 'REPORTER' })
  await desk.signIn(page, reporter)
  await page.goto('/queue')
  await expect(page.getByRole('region', { name: 'Assigned to me (0)' })).toBeVisible()
  await expect(page.getByRole('region', { name: /^Up for grabs/ })).toHaveCount(0)
})

test('lists the desk’s claims under a filter, twenty-five at a time', async ({ page, desk }) => {
  const reporter = await desk.user({ role: 'REPORTER' })
  const article = await desk.article({ by: reporter })
  const tag = `paging-${Math.random().toString(36).slice(2, 8)}`
  for (let i = 0; i < 27; i++) await desk.claim({ article, by: reporter, tags: [tag], text: `Listed claim ${i + 1}` })
  await desk.signIn(page, reporter)
  await page.goto('/claims')
  await page.getByLabel('Tag').fill(tag)
  await page.getByRole('button', { name: 'Apply' }).click()
  await expect(page).toHaveURL(new RegExp(`tag=${tag}`))
  const list = page.getByRole('region', { name: 'Matching claims (27)' })
  await expect(list.getByRole('link', { name: /^Listed claim/ })).toHaveCount(25)
  await expect(list.getByText('Unreviewed').first()).toBeVisible()
  await list.getByRole('link', { name: 'Next page →' }).click()
  await expect(page).toHaveURL(/after=/)
  await expect(list.getByRole('link', { name: /^Listed claim/ })).toHaveCount(2)
  await list.getByRole('link', { name: '← First page' }).click()
  await expect(list.getByRole('link', { name: /^Listed claim/ })).toHaveCount(25)
  // Words narrow the same list: part of a word in the claim is enough.
  await page.getByLabel('Words').fill('claim 2')
  await page.getByRole('button', { name: 'Apply' }).click()
  await expect(page).toHaveURL(/q=claim\+2/)
  const narrowed = page.getByRole('region', { name: /^Matching claims/ })
  await expect(narrowed.getByRole('link', { name: /^Listed claim 2/ })).toHaveCount(9)
  // A value the list cannot use is explained, and the rest of the filter still applies.
  await page.goto(`/claims?tag=${tag}&status=SOMETIMES`)
  await expect(page.getByText('That is not a claim status.')).toBeVisible()
  await expect(page.getByRole('region', { name: 'Matching claims (27)' })).toBeVisible()
})
