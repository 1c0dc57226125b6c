// Admin › Users with JavaScript on: every row action is a data request, and each must end back on the
// list (not on a "Page not found" for /admin/users.data) with the change shown.
import { test, expect, JAVASCRIPT_OFF, type DeskUser, openFromMenu } from './fixtures'
import type { Page } from '@playwright/test'

async function openUsers(page: Page, search: string) {
  await openFromMenu(page, 'Admin')
  await expect(page.getByRole('heading', { name: 'Users', level: 1 })).toBeVisible()
  await page.getByLabel('Search users').fill(search)
  await page.getByRole('button', { name: 'Search', exact: true }).click()
  await expect(page).toHaveURL(new RegExp(`/admin/users\\?q=`))
}

function personRow(page: Page, name: string) {
  return page.getByRole('row').filter({ has: page.getByText(name, { exact: true }) })
}

async function expectOnList(page: Page) {
  await expect(page).toHaveURL(/\/admin\/users(\?|$)/)
  await expect(page.getByRole('heading', { name: 'Page not found' })).toHaveCount(0)
  await expect(page.getByRole('heading', { name: 'Users', level: 1 })).toBeVisible()
}

test('an admin creates a user, changes their role, deactivates them after confirming, and reactivates them', async ({
  page,
  desk,
}) => {
  const suffix = Date.now().toString(36)
  const name = `Olena Marchenko ${suffix}`
  const email = `olena-${suffix}@browser.test`
  await desk.signInAs(page, 'ADMIN')
  await openFromMenu(page, 'Admin')
  await page.getByLabel('Name', { exact: true }).fill(name)
  await page.getByLabel('Email', { exact: true }).fill(email)
  await page.getByLabel('Role', { exact: true }).selectOption({ label: 'Reporter' })
  await page.getByRole('button', { name: 'Create account' }).click()
  await expect(
    page.getByRole('status').filter({ hasText: `${name} (${email}) can now sign in as reporter.` }),
  ).toBeVisible()

  await openUsers(page, email)
  const row = personRow(page, name)
  await expect(row.getByText('Invited')).toBeVisible()

  // Change the role.
  await row.getByRole('combobox', { name: `Role of ${name}` }).selectOption({ label: 'Editor' })
  await row.getByRole('button', { name: `Save role of ${name}` }).click()
  await expectOnList(page)
  await expect(page.getByRole('status').filter({ hasText: `Role changed for ${email}.` })).toBeVisible()
  await expect(personRow(page, name).getByRole('combobox', { name: `Role of ${name}` })).toHaveValue('EDITOR')
  await expect(page).toHaveURL(/q=/)

  // Deactivate: the first press only asks; Cancel leaves the person active.
  await personRow(page, name)
    .getByRole('button', { name: `Deactivate ${name}` })
    .click()
  const question = page.getByRole('group', { name: `Deactivate ${name} (${email})?` })
  await expect(question).toBeVisible()
  await expect(question).toBeFocused()
  await expect(question).toContainText('signed out everywhere at once')
  await question.getByRole('link', { name: 'Cancel' }).click()
  await expect(question).toHaveCount(0)
  await expect(personRow(page, name).getByText('Invited')).toBeVisible()

  await personRow(page, name)
    .getByRole('button', { name: `Deactivate ${name}` })
    .click()
  await page
    .getByRole('group', { name: `Deactivate ${name} (${email})?` })
    .getByRole('button', { name: 'Yes, deactivate' })
    .click()
  await expectOnList(page)
  await expect(
    page.getByRole('status').filter({ hasText: `${email} is deactivated and signed out everywhere.` }),
  ).toBeVisible()
  await expect(personRow(page, name).getByText('Deactivated')).toBeVisible()
  await expect(page.getByRole('group', { name: /^Deactivate / })).toHaveCount(0)

  // Reactivate.
  await personRow(page, name)
    .getByRole('button', { name: `Reactivate ${name}` })
    .click()
  await expectOnList(page)
  await expect(page.getByRole('status').filter({ hasText: `${email} can sign in again.` })).toBeVisible()
  await expect(personRow(page, name).getByText('Invited')).toBeVisible()

  const [stored] = await desk.query<{ role: string; active: boolean }>(
    `SELECT role::text, active FROM "User" WHERE email = $1`,
    [email],
  )
  expect(stored).toEqual({ role: 'EDITOR', active: true })
})

test.describe('without JavaScript', () => {
  test.use(JAVASCRIPT_OFF)

  test('deactivating still asks first, and only the confirmation deactivates', async ({ page, desk }) => {
    const admin = await desk.user({ role: 'ADMIN' })
    const leaver: DeskUser = await desk.user({ role: 'FACT_CHECKER' })
    await desk.signIn(page, admin)
    await openUsers(page, leaver.email)
    await personRow(page, leaver.name)
      .getByRole('button', { name: `Deactivate ${leaver.name}` })
      .click()
    const question = page.getByRole('group', { name: `Deactivate ${leaver.name} (${leaver.email})?` })
    await expect(question).toBeVisible()
    const [before] = await desk.query<{ active: boolean }>(`SELECT active FROM "User" WHERE id = $1`, [leaver.id])
    expect(before?.active).toBe(true)
    await question.getByRole('button', { name: 'Yes, deactivate' }).click()
    await expectOnList(page)
    await expect(personRow(page, leaver.name).getByText('Deactivated')).toBeVisible()
    const [after] = await desk.query<{ active: boolean }>(`SELECT active FROM "User" WHERE id = $1`, [leaver.id])
    expect(after?.active).toBe(false)
  })
})
