// A session that runs out while someone works: the next click leads to the login page, which says why,
// and signing in again lands on the page that was clicked (with JavaScript on, a data request).
import { test, expect, openFromMenu, submitSignIn } from './fixtures'

test('after the idle timeout a click on Dashboard asks to sign in again, saying why, and then opens the dashboard', async ({
  page,
  desk,
}) => {
  const editor = await desk.signInAs(page, 'EDITOR')
  await openFromMenu(page, 'Articles')
  await expect(page).toHaveURL(/\/articles$/)

  // Idle for longer than the timeout (480 minutes by default), as if the laptop had been closed overnight.
  await desk.query(`UPDATE "Session" SET "lastSeenAt" = now() - interval '9 hours' WHERE "userId" = $1`, [editor.id])
  await openFromMenu(page, 'Dashboard')

  await expect(page).toHaveURL(/\/login\?/)
  const address = new URL(page.url())
  expect(address.searchParams.get('redirectTo')).toBe('/dashboard')
  await expect(page.getByRole('status').filter({ hasText: 'Your session has expired.' })).toContainText('Sign in again')

  await submitSignIn(page, editor)
  await expect(page).toHaveURL(/\/dashboard$/)
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible()
})

test('a session ended by its absolute lifetime also comes back to the page with its filters', async ({
  page,
  desk,
}) => {
  const reporter = await desk.signInAs(page, 'REPORTER')
  await page.goto('/articles?q=harbour')
  await desk.query(`UPDATE "Session" SET "expiresAt" = now() - interval '1 second' WHERE "userId" = $1`, [reporter.id])
  await openFromMenu(page, 'Queue')
  await expect(page).toHaveURL(/\/login\?/)
  await expect(page.getByRole('status').filter({ hasText: 'Your session has expired.' })).toBeVisible()
  await submitSignIn(page, reporter)
  await expect(page).toHaveURL(/\/queue$/)
})

test('a visitor who was never signed in sees no expiry notice on the login page', async ({ page }) => {
  await page.goto('/dashboard')
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Fdashboard$/)
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible()
  await expect(page.getByText('Your session has expired.')).toHaveCount(0)
})
