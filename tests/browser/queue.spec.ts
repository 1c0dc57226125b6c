// A person's queue: the claims they hold, a page at a time.
import { test, expect } from './fixtures'

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
