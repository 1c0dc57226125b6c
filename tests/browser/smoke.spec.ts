// The desk opens in a browser: sign-in leads to the home page, and an unknown address gets the friendly 404.
import { test, expect } from './fixtures'

test('opens the home page after sign-in and lists an article on the desk', async ({ page, desk }) => {
  const reporter = await desk.user({ role: 'REPORTER' })
  const article = await desk.article({ by: reporter })
  await page.goto('/')
  await expect(page).toHaveURL(/\/login(\?|$)/)
  await desk.signIn(page, reporter)
  await expect(page).toHaveURL(/\/$/)
  await expect(page.getByRole('heading', { name: 'The desk' })).toBeVisible()
  await expect(page.getByRole('link', { name: article.title })).toBeVisible()
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' })).toBeVisible()
})

test('answers an unknown address with the friendly 404 page and no stack trace', async ({ page, guard }) => {
  guard.allowStatus(404)
  const response = await page.goto('/no/such/page')
  expect(response?.status()).toBe(404)
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible()
  await expect(page.locator('body')).not.toContainText(/node_modules|\bat \S+ \(/)
})
