// A new colleague's first day: an admin creates their account, they sign in with the one-time password,
// are taken to choose their own, and reach the desk. With JavaScript on, where every step is a data request.
import { test, expect, openFromMenu, submitSignIn } from './fixtures'

test('a user created by an admin signs in with the one-time password, chooses their own and reaches the desk', async ({
  page,
  desk,
}) => {
  const email = `new-colleague-${Date.now().toString(36)}@browser.test`
  await desk.signInAs(page, 'ADMIN')
  await openFromMenu(page, 'Admin')
  await expect(page.getByRole('heading', { name: 'Users', level: 1 })).toBeVisible()

  await page.getByLabel('Name', { exact: true }).fill('Nadia Kovalenko')
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Role', { exact: true }).selectOption({ label: 'Fact-checker' })
  await page.getByRole('button', { name: 'Create account' }).click()
  const oneTimePassword = page.getByTestId('one-time-password')
  await expect(oneTimePassword).toBeVisible()
  const password = (await oneTimePassword.textContent())!.trim()
  expect(password.length).toBeGreaterThanOrEqual(20)

  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(page).toHaveURL(/\/login$/)
  await submitSignIn(page, { email, password })

  await expect(page).toHaveURL(/\/account$/)
  await expect(page.getByRole('alert')).toContainText(
    'You signed in with a one-time password. Choose your own password to continue.',
  )
  await page.getByLabel('One-time password').fill(password)
  await page.getByLabel('New password', { exact: true }).fill('sunflower ledger canyon')
  await page.getByLabel('New password again').fill('sunflower ledger canyon')
  await page.getByRole('button', { name: 'Change password' }).click()

  await expect(page).toHaveURL(/\/$/)
  await expect(page.getByRole('heading', { name: 'The desk' })).toBeVisible()
  await expect(page.getByRole('status').filter({ hasText: 'Password changed.' })).toBeVisible()
  await expect(page.getByTestId('current-role')).toHaveText('Fact-checker')

  // The password chosen is the one that works from now on.
  const [row] = await desk.query<{ mustChangePassword: boolean }>(
    `SELECT "mustChangePassword" FROM "User" WHERE email = $1`,
    [email],
  )
  expect(row?.mustChangePassword).toBe(false)
})

test('a user with a one-time password who opens another page is sent to choose a password first', async ({
  page,
  desk,
}) => {
  const invited = await desk.user({ role: 'REPORTER', mustChangePassword: true })
  await page.goto('/login')
  await submitSignIn(page, invited)
  await expect(page).toHaveURL(/\/account$/)
  await openFromMenu(page, 'Dashboard')
  await expect(page).toHaveURL(/\/account$/)
  await expect(page.getByRole('alert')).toContainText('Choose your own password to continue.')
})
