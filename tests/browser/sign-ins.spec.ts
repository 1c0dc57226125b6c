// Slowed sign-ins as people meet them: the owner told when to try again, an admin clearing the lockout,
// and the account page saying why a new password is too weak.
import { test, expect, toast, JAVASCRIPT_OFF, type DeskUser, type Desk, openFromMenu, submitSignIn } from './fixtures'
import type { Page } from '@playwright/test'

/** Nine wrong passwords on record from elsewhere, ten minutes ago; the owner's own slip now makes ten, and a wait of minutes. */
async function almostLockedOut(desk: Desk, user: DeskUser) {
  await desk.query(
    `INSERT INTO "LoginFailure" (scope, key, email, "ipAddress", "createdAt")
     SELECT 'ACCOUNT', $1, $1, '198.51.100.44', now() - interval '10 minutes' FROM generate_series(1, 9)`,
    [user.email],
  )
}

async function tryToSignIn(page: Page, user: { email: string }, password: string) {
  await page.goto('/login')
  await submitSignIn(page, { email: user.email, password })
}

test('an admin sees the lockout that slows an editor, clears it, and the editor signs in at once', async ({
  page,
  desk,
}) => {
  const [editor, admin] = [await desk.user({ role: 'EDITOR' }), await desk.user({ role: 'ADMIN' })]
  await almostLockedOut(desk, editor)
  await tryToSignIn(page, editor, 'not my password at all')
  await expect(page.getByText('That email and password do not match an active account.')).toBeVisible()
  await tryToSignIn(page, editor, editor.password)
  await expect(page.getByRole('alert')).toContainText(
    /Too many failed sign-in attempts\. Try again in \d+ (seconds|minutes)\./,
  )
  await expect(page).toHaveURL(/\/login$/)

  await desk.signIn(page, admin)
  await openFromMenu(page, 'Sign-ins')
  await expect(page.getByRole('heading', { name: 'Sign-in lockouts' })).toBeVisible()
  const lockout = page.getByRole('listitem').filter({ hasText: editor.email })
  await expect(lockout).toContainText('Slowing sign-ins')
  await expect(lockout).toContainText('10 wrong passwords')
  await lockout.getByRole('button', { name: `Clear the lockout of ${editor.email}` }).click()
  await expect(toast(page, `Lockout cleared: ${editor.email} is no longer slowed.`)).toBeVisible()
  await expect(page.getByRole('listitem').filter({ hasText: editor.email })).toHaveCount(0)

  await page.getByRole('link', { name: 'All, with history' }).click()
  await expect(page.getByRole('listitem').filter({ hasText: editor.email })).toContainText(`Cleared by ${admin.name}`)

  await page.getByRole('button', { name: 'Sign out', exact: true }).click()
  await expect(page).toHaveURL(/\/login$/)
  await desk.signIn(page, editor)
  await expect(page.getByTestId('current-role')).toHaveText('Editor')
})

test('the Sign-ins page is reached from the admin nav by keyboard', async ({ page, desk }) => {
  await desk.signInAs(page, 'ADMIN')
  const link = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sign-ins' })
  await link.focus()
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/\/admin\/sign-ins$/)
  await expect(page.getByRole('heading', { name: 'Sign-in lockouts' })).toBeVisible()
})

async function chooseNewPassword(page: Page, user: DeskUser, password: string) {
  await page.goto('/account')
  await page.getByLabel('Current password').fill(user.password)
  await page.getByLabel('New password', { exact: true }).fill(password)
  await page.getByLabel('New password again').fill(password)
  await page.getByRole('button', { name: 'Change password' }).click()
}

test('a user is told next to the field that a new password is too weak, and why', async ({ page, desk }) => {
  const reporter = await desk.signInAs(page, 'REPORTER')
  await chooseNewPassword(page, reporter, 'Password123!')
  const field = page.getByLabel('New password', { exact: true })
  await expect(field).toHaveAttribute('aria-invalid', 'true')
  await expect(field).toHaveAccessibleDescription(
    /This password is too weak, because it is similar to a commonly used password\. Add more words that are less common\./,
  )
  await chooseNewPassword(page, reporter, 'lantern orchard pebble river')
  await expect(toast(page, /Password changed/)).toBeVisible()
})

test.describe('without JavaScript', () => {
  test.use(JAVASCRIPT_OFF)

  test('a too-weak new password is refused with the reason next to the field', async ({ page, desk }) => {
    const checker = await desk.signInAs(page, 'FACT_CHECKER')
    await chooseNewPassword(page, checker, 'aaaaaaaaaaaa')
    await expect(page.getByLabel('New password', { exact: true })).toHaveAccessibleDescription(
      /This password is too weak, because repeated characters like "aaa" are easy to guess\./,
    )
  })
})
