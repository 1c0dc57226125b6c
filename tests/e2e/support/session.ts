import type { Page } from 'playwright-core'

export const DEMO_PASSWORD = 'factdesk-demo-2026'
export const DEMO = {
  reporter: 'reporter@factdesk.example',
  checker: 'checker@factdesk.example',
  checker2: 'checker2@factdesk.example',
  editor: 'editor@factdesk.example',
  admin: 'admin@factdesk.example',
} as const

/** Signs in through the login form, as a person would. */
export async function signInAs(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto('/login')
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill(password)
  await Promise.all([page.waitForURL((url) => !url.pathname.startsWith('/login')), page.getByRole('button', { name: 'Sign in' }).click()])
}
