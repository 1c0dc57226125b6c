// Drives Debian's Chromium through playwright-core; a failing step leaves a screenshot under test-results/.
import fs from 'node:fs'
import path from 'node:path'
import { chromium, type Browser, type Locator, type Page } from 'playwright-core'
import { RESULTS_DIR } from './app-server.ts'

export const baseUrl = () => {
  const url = process.env.E2E_BASE_URL
  if (!url) throw new Error('E2E_BASE_URL is not set: run the browser tests with `npm run test:e2e`.')
  return url
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  })
}

/** Runs `steps` in a fresh browser context; on failure saves a full-page screenshot named after the test. */
export async function inPage(browser: Browser, name: string, steps: (page: Page) => Promise<void>, viewport = { width: 1280, height: 900 }) {
  const context = await browser.newContext({ baseURL: baseUrl(), viewport })
  const page = await context.newPage()
  try {
    await steps(page)
  } catch (error) {
    fs.mkdirSync(RESULTS_DIR, { recursive: true })
    const file = path.join(RESULTS_DIR, `${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.png`)
    await page.screenshot({ path: file, fullPage: true }).catch(() => {})
    throw error
  } finally {
    await context.close()
  }
}

/** Waits (up to 10 s) until the element is visible, as a person would wait for the page to settle. */
export async function expectVisible(locator: Locator) {
  await locator.first().waitFor({ state: 'visible', timeout: 10_000 })
}
