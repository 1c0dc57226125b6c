// Admin › Users and Admin › Settings: the admin's forms.
import { test, expect, toast, openFromMenu, submitSignIn } from './fixtures'

test('creates an account and shows its one-time password once', async ({ page, desk }) => {
  await desk.signInAs(page, 'ADMIN')
  await openFromMenu(page, 'Admin')
  await expect(page.getByRole('heading', { name: 'Users', level: 1 })).toBeVisible()
  const email = `new-${Date.now().toString(36)}@browser.test`
  const form = page.locator('form').filter({ has: page.getByRole('button', { name: 'Create account' }) })
  await form.getByLabel('Name').fill('Nadia Newcomer')
  await form.getByLabel('Email').fill(email)
  await form.getByLabel('Role').selectOption('REPORTER')
  await page.getByRole('button', { name: 'Create account' }).click()
  await expect(page.getByText(`Nadia Newcomer (${email}) can now sign in as reporter.`)).toBeVisible()
  await expect(page.getByTestId('one-time-password')).toHaveText(/\S{8,}/)
  await expect(page).toHaveURL(/\/admin\/users$/)
  // The form is cleared for the next person.
  await expect(form.getByLabel('Email')).toHaveValue('')
  const [row] = await desk.query<{ role: string; mustChangePassword: boolean }>(
    'SELECT role, "mustChangePassword" FROM "User" WHERE email = $1',
    [email],
  )
  expect(row).toEqual({ role: 'REPORTER', mustChangePassword: true })
})

test('refuses an email that already has an account, keeping what was typed', async ({ page, desk }) => {
  const admin = await desk.user({ role: 'ADMIN' })
  const existing = await desk.user({ role: 'REPORTER' })
  await desk.signIn(page, admin)
  await page.goto('/admin/users')
  await page.getByLabel('Name').fill('Second Copy')
  await page.getByLabel('Email').fill(existing.email)
  await page.getByRole('button', { name: 'Create account' }).click()
  await expect(page.getByText('A user with this email already exists.')).toBeVisible()
  await expect(page.getByLabel('Name')).toHaveValue('Second Copy')
})

test('finds a person by name', async ({ page, desk }) => {
  const admin = await desk.user({ role: 'ADMIN' })
  const person = await desk.user({ role: 'FACT_CHECKER', name: `Quentin Searchable ${Date.now().toString(36)}` })
  await desk.signIn(page, admin)
  await page.goto('/admin/users')
  await page.getByLabel('Search users').fill(person.name)
  await page.getByRole('button', { name: 'Search', exact: true }).click()
  await expect(page).toHaveURL(/\?q=/)
  const rows = page.getByRole('row').filter({ hasText: person.email })
  await expect(rows).toHaveCount(1)
  await expect(page.getByRole('row')).toHaveCount(2)
})

test.describe('row actions', () => {
  test('changes a person’s role', async ({ page, desk }) => {
    const admin = await desk.user({ role: 'ADMIN' })
    const person = await desk.user({ role: 'REPORTER' })
    await desk.signIn(page, admin)
    await page.goto(`/admin/users?q=${encodeURIComponent(person.email)}`)
    await page.getByLabel(`Role of ${person.name}`, { exact: true }).selectOption('EDITOR')
    await page.getByRole('button', { name: `Save role of ${person.name}` }).click()
    await expect(toast(page, `Role changed for ${person.email}. It applies on their next page.`)).toBeVisible()
    await expect(page).toHaveURL(/\/admin\/users\?q=/)
    await expect(page.getByLabel(`Role of ${person.name}`, { exact: true })).toHaveValue('EDITOR')
  })

  test('deactivates a person and reactivates them', async ({ page, desk }) => {
    const admin = await desk.user({ role: 'ADMIN' })
    const person = await desk.user({ role: 'FACT_CHECKER' })
    await desk.signIn(page, admin)
    await page.goto(`/admin/users?q=${encodeURIComponent(person.email)}`)
    const row = page.getByRole('row').filter({ hasText: person.email })
    await page.getByRole('button', { name: `Deactivate ${person.name}` }).click()
    await page
      .getByRole('group', { name: `Deactivate ${person.name} (${person.email})?` })
      .getByRole('button', { name: 'Yes, deactivate' })
      .click()
    await expect(toast(page, `${person.email} is deactivated and signed out everywhere.`)).toBeVisible()
    await expect(row.getByText('Deactivated')).toBeVisible()
    await page.getByRole('button', { name: `Reactivate ${person.name}` }).click()
    await expect(toast(page, `${person.email} can sign in again.`)).toBeVisible()
    await expect(row.getByText('Active', { exact: true })).toBeVisible()
  })
})

test('a deactivated person cannot sign in', async ({ page, desk }) => {
  const person = await desk.user({ role: 'REPORTER', active: false })
  await page.goto('/login')
  await submitSignIn(page, person)
  await expect(page.getByText('That email and password do not match an active account.')).toBeVisible()
})
