// The verification workflow in a browser, as the people on the desk do it: a fact-checker takes an
// unreviewed claim, researches it and proposes a verdict; an editor returns it with a note; the
// checker finds it in "Returned to me" and proposes again; the editor approves.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { Browser, Page } from 'playwright-core'
import { expectVisible, inPage, launchBrowser } from './support/browser.ts'
import { DEMO, signInAs } from './support/session.ts'

const CLAIM = '/claims/seed-claim-10'
const CLAIM_TEXT = 'Talks on the exchange are continuing in Ankara, Abu Dhabi and Kyiv.'

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

/** Clicks a button and waits for the message the next page shows. */
async function act(page: Page, button: string, message: string) {
  await page.getByRole('button', { name: button, exact: true }).click()
  await expectVisible(page.getByRole('status').getByText(message))
}

describe('the verification workflow in a browser', () => {
  it('takes a claim from unreviewed to approved through a return, with every step in the history', async () => {
    await inPage(browser, 'workflow checker researches', async (page) => {
      await signInAs(page, DEMO.checker)
      await page.goto(CLAIM)
      await expectVisible(page.getByRole('heading', { name: CLAIM_TEXT }))
      await expectVisible(page.locator('mark').getByText('As talks continue in Ankara, Abu Dhabi, and Kyiv'))
      await act(page, 'Take this claim', 'The claim is assigned to you.')
      await act(page, 'Start research', 'Research started.')

      await page.getByText('Attach a source', { exact: true }).click()
      await page.getByLabel('Address (URL)').fill('https://www.aa.com.tr/en/europe/prisoner-exchange-talks?utm_source=newsletter#top')
      await page.getByLabel('Title', { exact: true }).fill('Prisoner exchange talks continue in Ankara')
      await page.getByLabel('Publisher').fill('Anadolu Agency')
      await page.getByLabel('Kind').selectOption('NEWS_REPORT')
      await page.getByLabel('Stance').selectOption('SUPPORTS')
      await page.getByLabel('Excerpt').fill('Delegations met in Ankara and Abu Dhabi this week.')
      await act(page, 'Attach source', 'Source attached.')
      const sources = page.getByRole('region', { name: 'Sources (1)' })
      await expectVisible(sources.getByRole('link', { name: /Prisoner exchange talks continue in Ankara/ }))
      await expectVisible(sources.getByText('aa.com.tr'))

      await page.getByLabel('Verdict', { exact: true }).selectOption('MOSTLY_TRUE')
      await page.getByLabel('Rationale').fill('Talks in Ankara and Abu Dhabi are documented; Kyiv hosted only preparatory meetings.')
      await act(page, 'Propose verdict', 'Verdict proposed. It now waits for an editor’s review.')
      await expectVisible(page.getByText('Needs review').first())
    })

    await inPage(browser, 'workflow editor returns', async (page) => {
      await signInAs(page, DEMO.editor)
      await page.goto('/queue')
      const waiting = page.getByRole('region', { name: /^Waiting for my review/ })
      await waiting.getByRole('link', { name: CLAIM_TEXT }).click()
      await page.waitForURL((url) => url.pathname === CLAIM)
      await page.getByLabel('Note to the fact-checker').fill('Which meetings took place in Kyiv? Add a source for that part.')
      await act(page, 'Return to research', 'Claim returned to research with your note.')
    })

    await inPage(browser, 'workflow checker resubmits', async (page) => {
      await signInAs(page, DEMO.checker)
      await page.goto('/queue')
      const returned = page.getByRole('region', { name: /^Returned to me/ })
      await expectVisible(returned.getByText('Which meetings took place in Kyiv? Add a source for that part.'))
      await returned.getByRole('link', { name: CLAIM_TEXT }).click()
      await page.waitForURL((url) => url.pathname === CLAIM)
      await expectVisible(page.getByText(/Returned to research by Eddie Marsh/))
      // The draft verdict is kept; the checker sharpens the rationale and sends it again.
      await expect(page.getByLabel('Verdict', { exact: true }).inputValue()).resolves.toBe('MOSTLY_TRUE')
      await page.getByLabel('Rationale').fill('Talks in Ankara and Abu Dhabi are documented; the Kyiv meetings were preparatory, per the same report.')
      await act(page, 'Propose verdict', 'Verdict proposed. It now waits for an editor’s review.')
      await page.goto('/queue')
      await expectVisible(page.getByRole('heading', { name: /^Returned to me/ }))
      await expect(page.getByRole('region', { name: /^Returned to me/ }).getByRole('link', { name: CLAIM_TEXT }).count()).resolves.toBe(0)
    })

    await inPage(browser, 'workflow editor approves', async (page) => {
      await signInAs(page, DEMO.editor)
      await page.goto(CLAIM)
      await act(page, 'Approve', 'Verdict approved.')
      await expectVisible(page.getByRole('heading', { name: 'The claim' }))
      const claim = page.getByRole('region', { name: 'The claim' })
      await expectVisible(claim.getByText('Approved', { exact: true }))
      await expectVisible(claim.getByText('Mostly true', { exact: true }))
      const history = page.getByRole('list', { name: 'History of this claim' })
      // Each step reads "What happened · Who", then when.
      const titles = (await history.locator(':scope > li').allInnerTexts()).map((text) => text.split(' · ')[0]!.trim())
      expect(titles).toEqual([
        'Added the claim',
        'Took the claim',
        'Started research',
        'Attached a source',
        'Proposed a verdict for review',
        'Returned the claim to research',
        'Proposed a verdict for review',
        'Approved the verdict',
      ])
      await expectVisible(history.getByText('Which meetings took place in Kyiv? Add a source for that part.'))
      await expectVisible(history.getByText('“Prisoner exchange talks continue in Ankara” (https://www.aa.com.tr/en/europe/prisoner-exchange-talks) as Supports'))

      // The browser tests share one seeded desk and others count its approved claims: reopening puts
      // the claim back where the seed left it (and shows the last step of the workflow).
      await page.getByLabel('Why reopen it?').fill('Browser test finished; back to unreviewed.')
      await act(page, 'Reopen', 'Claim reopened. It is unreviewed again.')
      await expectVisible(claim.getByText('Unreviewed', { exact: true }))
    })
  })
})
