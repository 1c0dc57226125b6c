// The export page opens with its defaults ticked, and the summary says what is ticked.
import { test, expect, JAVASCRIPT_OFF, openFromMenu } from './fixtures'
import type { Page } from '@playwright/test'

async function expectDefaultsTicked(page: Page) {
  const claims = page.getByRole('group', { name: 'Claims' })
  await expect(claims.getByRole('radio', { name: /Approved claims/ })).toBeChecked()
  await expect(claims.getByRole('radio', { name: /Any status/ })).not.toBeChecked()
  const format = page.getByRole('group', { name: 'Format' })
  await expect(format.getByRole('radio', { name: /^CSV One row per claim/ })).toBeChecked()
  await expect(format.getByRole('radio', { checked: true })).toHaveCount(1)
  await expect(page.getByRole('status').filter({ hasText: 'All approved claims, as CSV.' })).toBeVisible()
}

test('opens with Approved claims and CSV ticked, as the summary says, and follows a new choice', async ({
  page,
  desk,
}) => {
  await desk.signInAs(page, 'EDITOR')
  await openFromMenu(page, 'Export')
  await expect(page.getByRole('heading', { name: 'Export claims' })).toBeVisible()
  await expectDefaultsTicked(page)

  await page.getByRole('group', { name: 'Format' }).getByRole('radio', { name: /^JSON/ }).check()
  await expect(page.getByRole('status').filter({ hasText: 'All approved claims, as JSON.' })).toBeVisible()
  await expect(page.getByRole('group', { name: 'Format' }).getByRole('radio', { name: /^JSON/ })).toBeChecked()
})

test.describe('without JavaScript', () => {
  test.use(JAVASCRIPT_OFF)

  test('opens with Approved claims and CSV ticked, as the summary says', async ({ page, desk }) => {
    await desk.signInAs(page, 'EDITOR')
    await page.goto('/export')
    await expectDefaultsTicked(page)
  })
})
