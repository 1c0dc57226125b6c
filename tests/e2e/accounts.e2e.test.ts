import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { Browser } from 'playwright-core'
import { baseUrl, expectVisible, inPage, launchBrowser } from './support/browser.ts'
import { DEMO, signInAs } from './support/session.ts'

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

describe('accounts in a browser', () => {
  for (const [email, role] of [
    [DEMO.reporter, 'Reporter'],
    [DEMO.checker, 'Fact-checker'],
    [DEMO.editor, 'Editor'],
    [DEMO.admin, 'Admin'],
  ] as const) {
    it(`signs in as the demo ${role.toLowerCase()} and shows the role in the header`, async () => {
      await inPage(browser, `sign in as ${role}`, async (page) => {
        await signInAs(page, email)
        await expectVisible(page.getByTestId('current-role'))
        await expect(page.getByTestId('current-role').innerText()).resolves.toBe(role)
        const adminLink = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' })
        await expect(adminLink.count()).resolves.toBe(role === 'Admin' ? 1 : 0)
      })
    })
  }

  it('shows a reporter the 403 page at /admin/users', async () => {
    await inPage(browser, 'reporter forbidden from admin', async (page) => {
      await signInAs(page, DEMO.reporter)
      const response = await page.goto('/admin/users')
      expect(response?.status()).toBe(403)
      await expectVisible(page.getByRole('heading', { name: 'Not allowed' }))
      await expectVisible(page.getByText('Only admins can do this.'))
    })
  })

  it('keeps the typed email and explains a failed sign-in', async () => {
    await inPage(browser, 'failed sign in', async (page) => {
      await page.goto('/login')
      await page.getByLabel('Email').fill(DEMO.editor)
      await page.getByLabel('Password').fill('certainly not the password')
      await page.getByRole('button', { name: 'Sign in' }).click()
      await page.getByText('That email and password do not match an active account.').waitFor()
      await expect(page.getByLabel('Email').inputValue()).resolves.toBe(DEMO.editor)
    })
  })

  it('serves pages with an enforcing Content-Security-Policy and the other security headers', async () => {
    const response = await fetch(`${baseUrl()}/login`)
    const csp = response.headers.get('Content-Security-Policy') ?? ''
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/)
    expect(csp).toContain("frame-ancestors 'none'")
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff')
    expect(response.headers.get('Referrer-Policy')).toBe('strict-origin-when-cross-origin')
  })
})
