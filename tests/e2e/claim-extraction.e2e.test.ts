// Marking claims with the mouse: a reporter pastes an article, drags across a sentence, adds it as a
// claim and sees it highlighted in the text and listed beside it; then marks a phrase inside that claim.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { Browser, Page } from 'playwright-core'
import { inPage, launchBrowser } from './support/browser.ts'

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

const SENTENCE = 'The mayor, Ana Ruiz, announced a new ferry line to the three outer islands.'
const BODY = [
  'The port authority said on Monday that cargo volumes rose 12 percent in 2025, the busiest year on record.',
  `Officials expect a further rise next year. ${SENTENCE} Critics say the plan is unaffordable.`,
  'The council will vote on the budget in March.',
].join('\n\n')

async function signIn(page: Page) {
  await page.goto('/login')
  await page.getByLabel('Email').fill('reporter@factdesk.example')
  await page.getByLabel('Password').fill('factdesk-demo-2026')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.waitForURL((url) => !url.pathname.startsWith('/login'))
}

/** Presses the mouse on the first letter of `text` in the article body and drags to its last character, as a person would. */
async function dragAcross(page: Page, text: string) {
  const rectOf = (wanted: string) =>
    page.evaluate((wanted) => {
      const root = document.querySelector('[data-article-body]')!
      // The body's own text: claim numbers are not part of it.
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
        acceptNode: (node) => (node.parentElement?.closest('[data-offset-ignore]') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
      })
      const nodes: Text[] = []
      for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text)
      const start = nodes.map((node) => node.data).join('').indexOf(wanted)
      if (start < 0) throw new Error(`not in the article: ${wanted}`)
      const locate = (offset: number): [Text, number] => {
        let seen = 0
        for (const node of nodes) {
          if (offset < seen + node.length) return [node, offset - seen]
          seen += node.length
        }
        throw new Error('offset outside the body')
      }
      const charRect = (offset: number) => {
        const [node, at] = locate(offset)
        const range = document.createRange()
        range.setStart(node, at)
        range.setEnd(node, at + 1)
        return range.getBoundingClientRect()
      }
      const first = charRect(start)
      const last = charRect(start + wanted.length - 1)
      return { x1: first.left + 1, y1: first.top + first.height / 2, x2: last.right - 1, y2: last.top + last.height / 2 }
    }, wanted)
  // Bring the words to the middle of the screen, wait for any scrolling (a #fragment jump) to settle,
  // then measure where they are.
  const before = await rectOf(text)
  await page.mouse.wheel(0, before.y1 - 450)
  await page.waitForFunction(
    () =>
      new Promise<boolean>((resolve) => {
        const start = window.scrollY
        requestAnimationFrame(() => requestAnimationFrame(() => resolve(window.scrollY === start)))
      }),
  )
  const points = await rectOf(text)
  await page.mouse.move(points.x1, points.y1)
  await page.mouse.down()
  await page.mouse.move((points.x1 + points.x2) / 2, (points.y1 + points.y2) / 2, { steps: 5 })
  await page.mouse.move(points.x2, points.y2, { steps: 10 })
  await page.mouse.up()
}

/** Selects `text` and waits for the floating button; a person whose selection slipped simply selects again. */
async function selectForClaim(page: Page, text: string) {
  const addClaim = page.getByRole('link', { name: 'Add claim', exact: true })
  for (let attempt = 1; ; attempt++) {
    await dragAcross(page, text)
    try {
      await addClaim.waitFor({ state: 'visible', timeout: 5_000 })
      return addClaim
    } catch (error) {
      if (attempt === 3) throw error
    }
  }
}

describe('marking claims in an article', () => {
  it('adds a claim by selecting a sentence, and shows it highlighted and listed', async () => {
    await inPage(browser, 'claim extraction', async (page) => {
      await signIn(page)

      await page.goto('/articles/new')
      await page.getByLabel('Title', { exact: true }).fill('Port city plans a ferry line')
      await page.getByLabel('Text', { exact: true }).fill(BODY)
      await page.getByRole('button', { name: 'Save article' }).click()
      await page.waitForURL((url) => /^\/articles\/(?!new$)[^/]+$/.test(url.pathname))
      const articlePath = new URL(page.url()).pathname
      await page.getByRole('heading', { level: 1, name: 'Port city plans a ferry line' }).waitFor()

      const addClaim = await selectForClaim(page, SENTENCE)
      await addClaim.click()

      await page.waitForURL((url) => url.pathname === `${articlePath}/claims/new` && url.searchParams.has('start'))
      await page.getByRole('heading', { name: 'Add a claim' }).waitFor()
      // The form quotes exactly the selected words.
      await expect(page.locator('blockquote mark').textContent()).resolves.toBe(SENTENCE)
      await page.getByLabel('Claimant').fill('Ana Ruiz')
      await page.getByLabel('Tags').fill('Transport, budget')
      await page.getByRole('button', { name: 'Add claim' }).click()

      await page.waitForURL((url) => url.pathname === articlePath)
      await page.getByRole('status').getByText('Claim added.').waitFor()
      const mark = page.locator('[data-article-body] mark', { hasText: SENTENCE })
      await expect(mark.count()).resolves.toBe(1)
      await expect(mark.textContent()).resolves.toBe(SENTENCE)
      await expect(mark.getAttribute('title')).resolves.toBe('Claim 1: Unreviewed')

      const list = page.getByRole('complementary', { name: 'Claims (1)' })
      await expect(list.getByText(SENTENCE, { exact: true }).isVisible()).resolves.toBe(true)
      await expect(list.getByText('Ana Ruiz', { exact: true }).isVisible()).resolves.toBe(true)
      await expect(list.getByText('Unreviewed').isVisible()).resolves.toBe(true)

      // A phrase inside that claim: the highlight splits the text, and the offsets must still be right.
      await (await selectForClaim(page, 'Ana Ruiz')).click()
      await page.waitForURL((url) => url.pathname === `${articlePath}/claims/new`)
      await page.getByRole('heading', { name: 'Add a claim' }).waitFor()
      await expect(page.locator('blockquote mark').textContent()).resolves.toBe('Ana Ruiz')
      await page.getByRole('button', { name: 'Add claim' }).click()
      await page.waitForURL((url) => url.pathname === articlePath)

      await page.getByRole('complementary', { name: 'Claims (2)' }).waitFor()
      // Both claims cover "Ana Ruiz": the sentence's mark holds the phrase's mark.
      const nested = page.locator('[data-article-body] mark[data-depth="2"] > mark')
      await expect(nested.textContent()).resolves.toBe('Ana Ruiz')
      await expect(page.locator('[data-article-body] mark[data-depth="2"]').getAttribute('title')).resolves.toBe(
        'Claims 1 (Unreviewed), 2 (Unreviewed)',
      )
      // Each claim's number after its text leads to it in the list.
      await page.locator('[data-article-body]').getByRole('link', { name: 'Claim 2: Unreviewed' }).click()
      await page.waitForURL((url) => url.hash.startsWith('#claim-'))
      const listed = page.locator(`[id="${new URL(page.url()).hash.slice(1)}"]`)
      await expect(listed.getByText('Ana Ruiz', { exact: true }).first().isVisible()).resolves.toBe(true)
    })
  })
})
