import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { Browser, Page } from 'playwright-core'
import { expectVisible, inPage, launchBrowser } from './support/browser.ts'
import { DEMO, signInAs } from './support/session.ts'

// The seed article: 11 claims, 5 approved (MOSTLY_TRUE, HALF_TRUE, TRUE, UNPROVEN, NOT_A_CLAIM), so 3 are
// scored: (0.75 + 0.5 + 1) / 3 = 0.75 → 75, based on 3 of 11 claims.
const SEED_TITLE = 'Ukraine pushes for exchange of 1,200 prisoners held in Russia'

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

async function openDashboard(page: Page) {
  await signInAs(page, DEMO.reporter)
  await page.goto('/dashboard')
  expect(new URL(page.url()).pathname).toBe('/dashboard')
  await expectVisible(page.getByRole('heading', { name: 'Dashboard', level: 1 }))
}

function seedRow(page: Page) {
  return page.getByTestId('article-table').getByRole('row').filter({ has: page.getByRole('link', { name: SEED_TITLE }) })
}

describe('the dashboard in a browser', () => {
  it('shows a reporter the seed article’s score and coverage, and the desk’s', async () => {
    await inPage(browser, 'dashboard seed score', async (page) => {
      await openDashboard(page)
      const row = seedRow(page)
      await expectVisible(row)
      expect(await row.innerText()).toMatch(/\b75\b/)
      expect(await row.innerText()).toContain('3 of 11')
      await expectVisible(page.getByTestId('desk-credibility').getByText('based on 3 of 11 claims'))
      await expectVisible(page.getByTestId('review-queue').getByText('1', { exact: true }))
    })
  })

  it('draws the charts with their numbers and keeps the same numbers in a table', async () => {
    await inPage(browser, 'dashboard charts', async (page) => {
      await openDashboard(page)
      const byStatus = page.getByRole('region', { name: 'Claims by status' })
      await expectVisible(byStatus.getByRole('list', { name: 'Claims by status' }).getByRole('listitem').filter({ hasText: 'Approved: 5 claims' }))
      await byStatus.getByText('Show as table').click()
      const approved = byStatus.getByRole('table', { name: 'Claims by status' }).getByRole('row', { name: /Approved/ })
      await expectVisible(approved)
      expect(await approved.getByRole('cell').innerText()).toBe('5')

      const byVerdict = page.getByRole('region', { name: 'Claims by verdict' })
      await byVerdict.getByText('Show as table').click()
      const misleading = byVerdict.getByRole('table').getByRole('row', { name: /Misleading/ })
      expect(await misleading.getByRole('cell').allInnerTexts()).toEqual(['0', '1'])
    })
  })

  it('sorts the articles and narrows every figure to a tag', async () => {
    await inPage(browser, 'dashboard filter', async (page) => {
      await openDashboard(page)
      await page.getByRole('columnheader', { name: /Coverage/ }).getByRole('link').click()
      await page.waitForURL((url) => url.searchParams.get('sort') === 'coverage')

      await page.getByLabel('Tag').fill('Diplomacy')
      await page.getByRole('button', { name: 'Apply' }).click()
      await page.waitForURL((url) => url.searchParams.get('tag') === 'Diplomacy')
      expect(new URL(page.url()).searchParams.get('sort')).toBe('coverage')
      await expectVisible(page.getByText('Counting only claims tagged “diplomacy”.'))
      // Tagged diplomacy: TRUE and MOSTLY_TRUE approved, one proposed, one unreviewed → 88, 2 of 4.
      await expectVisible(page.getByTestId('desk-credibility').getByText('based on 2 of 4 claims'))
      expect(await seedRow(page).innerText()).toContain('2 of 4')

      await page.getByRole('link', { name: 'Clear filter' }).click()
      await page.waitForURL((url) => url.search === '')
      await expectVisible(page.getByTestId('desk-credibility').getByText('based on 3 of 11 claims'))
    })
  })

  it('fits a phone screen without sideways scrolling', async () => {
    await inPage(
      browser,
      'dashboard phone',
      async (page) => {
        await openDashboard(page)
        await expectVisible(seedRow(page))
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
        expect(overflow).toBeLessThanOrEqual(0)
      },
      { width: 390, height: 844 },
    )
  })
})
