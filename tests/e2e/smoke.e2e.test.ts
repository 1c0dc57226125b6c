import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { Browser } from 'playwright-core'
import { inPage, launchBrowser } from './support/browser.ts'

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

describe('the desk in a browser', () => {
  it('opens the home page and shows the seeded desk', async () => {
    await inPage(browser, 'home page', async (page) => {
      const response = await page.goto('/')
      expect(response?.status()).toBe(200)
      await expect(page.getByRole('heading', { name: 'The desk' }).isVisible()).resolves.toBe(true)
      await expect(page.getByRole('link', { name: 'Ukraine pushes for exchange of 1,200 prisoners held in Russia' }).isVisible()).resolves.toBe(true)
      await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).isVisible()).resolves.toBe(true)
    })
  })

  it('answers an unknown address with the friendly 404 page', async () => {
    await inPage(browser, 'not found page', async (page) => {
      const response = await page.goto('/no/such/page')
      expect(response?.status()).toBe(404)
      await expect(page.getByRole('heading', { name: 'Page not found' }).isVisible()).resolves.toBe(true)
      // No stack trace reaches the page outside development.
      expect(await page.locator('body').innerText()).not.toMatch(/node_modules|\bat \S+ \(/)
    })
  })
})
