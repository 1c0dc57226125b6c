// Signing in and out, the account page, and what each role's header shows.
import type { Page } from '@playwright/test'
import { test, expect, toast, JAVASCRIPT_OFF, type Desk, type Role, submitSignIn } from './fixtures'

const ROLES: Array<[Role, string]> = [
  ['REPORTER', 'Reporter'],
  ['FACT_CHECKER', 'Fact-checker'],
  ['EDITOR', 'Editor'],
  ['ADMIN', 'Admin'],
]

for (const [role, label] of ROLES) {
  test(`signs in as ${role === 'ADMIN' || role === 'EDITOR' ? 'an' : 'a'} ${label.toLowerCase()} and shows the role in the header`, async ({
    page,
    desk,
  }) => {
    const user = await desk.user({ role })
    await desk.signIn(page, user)
    await expect(page.getByTestId('current-role')).toHaveText(label)
    const adminLink = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' })
    await expect(adminLink).toHaveCount(role === 'ADMIN' ? 1 : 0)
  })
}

test('shows a reporter the 403 page at /admin/users', async ({ page, desk }) => {
  await desk.signInAs(page, 'REPORTER')
  const response = await page.goto('/admin/users')
  expect(response?.status()).toBe(403)
  await expect(page.getByRole('heading', { name: 'Not allowed' })).toBeVisible()
  await expect(page.getByText('Only admins can do this.')).toBeVisible()
})

/** A wrong password is refused on the sign-in page, which says so and keeps the email typed. */
async function expectWrongPasswordRefused(page: Page, desk: Desk) {
  const editor = await desk.user({ role: 'EDITOR' })
  await page.goto('/login')
  await submitSignIn(page, { email: editor.email, password: 'certainly not the password' })
  await expect(page.getByText('That email and password do not match an active account.')).toBeVisible()
  await expect(page.getByLabel('Email')).toHaveValue(editor.email)
  await expect(page).toHaveURL(/\/login$/)
}

test('keeps the typed email and explains a failed sign-in', async ({ page, desk }) => {
  await expectWrongPasswordRefused(page, desk)
})

test('signs out from the header and lands on the sign-in page', async ({ page, desk }) => {
  await desk.signInAs(page, 'FACT_CHECKER')
  await page.getByRole('button', { name: 'Sign out', exact: true }).click()
  await expect(page).toHaveURL(/\/login$/)
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible()
  // The session is over: the desk sends the person back to sign in.
  await page.goto('/queue')
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Fqueue/)
})

test('changes the password on the account page, and the new one signs in', async ({ page, desk }) => {
  const reporter = await desk.signInAs(page, 'REPORTER')
  await page.getByRole('link', { name: /^Your account/ }).click()
  await expect(page.getByRole('heading', { name: 'Your account' })).toBeVisible()
  await page.getByLabel('Current password').fill(reporter.password)
  await page.getByLabel('New password', { exact: true }).fill('lantern orchard pebble river')
  await page.getByLabel('New password again').fill('lantern orchard pebble river')
  await page.getByRole('button', { name: 'Change password' }).click()
  await expect(toast(page, 'Password changed.')).toBeVisible()
  await expect(page).toHaveURL(/\/account$/)
  // Nothing typed stays on the page for the next person at this screen.
  for (const label of ['Current password', 'New password', 'New password again'])
    await expect(page.getByLabel(label, { exact: true })).toHaveValue('')

  await page.getByRole('button', { name: 'Sign out', exact: true }).click()
  await desk.signIn(page, { email: reporter.email, password: 'lantern orchard pebble river' })
  await expect(page.getByTestId('current-role')).toHaveText('Reporter')
})

test('refuses a wrong current password next to the field', async ({ page, desk }) => {
  await desk.signInAs(page, 'REPORTER')
  await page.goto('/account')
  await page.getByLabel('Current password').fill('not my password at all')
  await page.getByLabel('New password', { exact: true }).fill('lantern orchard pebble river')
  await page.getByLabel('New password again').fill('lantern orchard pebble river')
  await page.getByRole('button', { name: 'Change password' }).click()
  await expect(page.getByText('That is not your current password.')).toBeVisible()
  await expect(page.getByLabel('Current password')).toHaveAttribute('aria-invalid', 'true')
})

test('signs out every other session of the account', async ({ page, desk, browser }) => {
  const editor = await desk.user({ role: 'EDITOR' })
  const other = await browser.newContext()
  const otherPage = await other.newPage()
  await desk.signIn(otherPage, editor)
  await desk.signIn(page, editor)
  await page.goto('/account')
  await page.getByRole('button', { name: 'Sign out everywhere else' }).click()
  await expect(toast(page, 'Signed out of 1 other session.')).toBeVisible()
  await otherPage.goto('/queue')
  await expect(otherPage).toHaveURL(/\/login/)
  await other.close()
})

test('a new person signs in with the one-time password and chooses their own', async ({ page, desk }) => {
  const invited = await desk.user({ role: 'FACT_CHECKER', mustChangePassword: true, password: 'one-time-pass-4821' })
  await page.goto('/login')
  await submitSignIn(page, invited)
  await expect(page).toHaveURL(/\/account$/)
  await expect(page.getByRole('alert')).toHaveText(
    'You signed in with a one-time password. Choose your own password to continue.',
  )
  await page.getByLabel('One-time password').fill(invited.password)
  await page.getByLabel('New password', { exact: true }).fill('copper meadow lantern wave')
  await page.getByLabel('New password again').fill('copper meadow lantern wave')
  await page.getByRole('button', { name: 'Change password' }).click()
  await expect(page).toHaveURL(/\/$/)
  await expect(toast(page, 'Password changed.')).toBeVisible()
})

test('serves pages with an enforcing Content-Security-Policy and the other security headers', async ({ request }) => {
  const response = await request.get('/login')
  const csp = response.headers()['content-security-policy'] ?? ''
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/)
  expect(csp).toContain("frame-ancestors 'none'")
  expect(response.headers()['x-content-type-options']).toBe('nosniff')
  expect(response.headers()['referrer-policy']).toBe('strict-origin-when-cross-origin')
})

test.describe('without JavaScript', () => {
  test.use(JAVASCRIPT_OFF)

  test('signs in and out', async ({ page, desk }) => {
    await desk.signInAs(page, 'EDITOR')
    await expect(page.getByRole('heading', { name: 'The desk' })).toBeVisible()
    await page.getByRole('button', { name: 'Sign out', exact: true }).click()
    await expect(page).toHaveURL(/\/login$/)
  })

  test('explains a failed sign-in and keeps the email', async ({ page, desk }) => {
    await expectWrongPasswordRefused(page, desk)
  })
})
