import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { Browser } from 'playwright-core'
import { expectVisible, inPage, launchBrowser } from './support/browser.ts'
import { DEMO, signInAs } from './support/session.ts'

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

describe('the desk in a browser', () => {
  it('opens the home page after sign-in and shows the seeded desk', async () => {
    await inPage(browser, 'home page', async (page) => {
      await page.goto('/')
      expect(new URL(page.url()).pathname).toBe('/login')
      await signInAs(page, DEMO.reporter)
      expect(new URL(page.url()).pathname).toBe('/')
      await expectVisible(page.getByRole('heading', { name: 'The desk' }))
      await expectVisible(page.getByRole('link', { name: 'Ukraine pushes for exchange of 1,200 prisoners held in Russia' }))
      await expectVisible(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }))
    })
  })

  it('answers an unknown address with the friendly 404 page', async () => {
    await inPage(browser, 'not found page', async (page) => {
      const response = await page.goto('/no/such/page')
      expect(response?.status()).toBe(404)
      await expectVisible(page.getByRole('heading', { name: 'Page not found' }))
      // No stack trace reaches the page outside development.
      expect(await page.locator('body').innerText()).not.toMatch(/node_modules|\bat \S+ \(/)
    })
  })
})
