// Marking claims: a reporter drags across a sentence, adds it as a claim and sees it highlighted and
// listed; marks a phrase inside it; types a quote instead; and accepts or dismisses the suggestions.
import type { Page } from '@playwright/test'
import { test, expect, toast, JAVASCRIPT_OFF } from './fixtures'

/** The article text highlighted for one claim, whatever pieces the highlight is drawn in. */
async function highlightedText(page: Page, title: string) {
  return (await page.locator(`[data-article-body] mark[title="${title}"]`).allTextContents()).join('')
}

const SENTENCE = 'The mayor, Ana Ruiz, announced a new ferry line to the three outer islands.'
const BODY = [
  'The port authority said on Monday that cargo volumes rose 12 percent in 2025, the busiest year on record.',
  `Officials expect a further rise next year. ${SENTENCE} Critics say the plan is unaffordable.`,
  'The council will vote on the budget in March.',
].join('\n\n')

/** Presses the mouse on the first letter of `text` in the article body and drags to its last character, as a person would. */
async function dragAcross(page: Page, text: string) {
  const rectOf = (wanted: string) =>
    page.evaluate((wanted) => {
      const root = document.querySelector('[data-article-body]')!
      // The body's own text: claim numbers are not part of it.
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
        acceptNode: (node) =>
          node.parentElement?.closest('.cm') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
      })
      const nodes: Text[] = []
      for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text)
      const start = nodes
        .map((node) => node.data)
        .join('')
        .indexOf(wanted)
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
      return {
        x1: first.left + 1,
        y1: first.top + first.height / 2,
        x2: last.right - 1,
        y2: last.top + last.height / 2,
      }
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
      await expect(addClaim).toBeVisible({ timeout: 5_000 })
      return addClaim
    } catch (error) {
      if (attempt === 3) throw error
    }
  }
}

test('adds a claim by selecting a sentence, and shows it highlighted and listed', async ({ page, desk }) => {
  const reporter = await desk.user({ role: 'REPORTER' })
  await desk.signIn(page, reporter)
  const title = `Port city plans a ferry line ${Date.now().toString(36)}`

  await page.goto('/articles/new')
  await page.getByLabel('Title', { exact: true }).fill(title)
  await page.getByLabel('Text', { exact: true }).fill(BODY)
  await page.getByRole('button', { name: 'Save article' }).click()
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
  const articlePath = new URL(page.url()).pathname

  await (await selectForClaim(page, SENTENCE)).click()
  await expect(page).toHaveURL(new RegExp(`${articlePath}/claims/new\\?start=`))
  await expect(page.getByRole('heading', { name: 'Add a claim' })).toBeVisible()
  // The form quotes exactly the selected words.
  await expect(page.locator('blockquote mark')).toHaveText(SENTENCE)
  await page.getByLabel('Claimant').fill('Ana Ruiz')
  await page.getByLabel('Tags').fill('Transport, budget')
  await page.getByRole('button', { name: 'Add claim' }).click()

  await expect(toast(page, 'Claim added.')).toBeVisible()
  // The new claim opens beside the text, with what the form recorded.
  await expect(page).toHaveURL(new RegExp(`${articlePath}/claims/\\w+#quote-`))
  await expect(page.getByRole('heading', { level: 2, name: `Claim 1: ${SENTENCE}` })).toBeVisible()
  await expect(page.getByRole('region', { name: 'The claim' }).getByText('Ana Ruiz', { exact: true })).toBeVisible()
  // The claim's last word is a highlight of its own, kept on one line with the claim's number.
  await expect.poll(() => highlightedText(page, 'Claim 1: Unreviewed')).toBe(SENTENCE)

  // Escape goes back to the list, which holds it.
  await page.keyboard.press('Escape')
  const list = page.getByRole('complementary', { name: 'Claims (1)' })
  await expect(list.getByText(SENTENCE, { exact: true })).toBeVisible()
  await expect(list.getByRole('listitem').filter({ hasText: SENTENCE }).getByText('Unreviewed')).toBeVisible()

  // A phrase inside that claim: the highlight splits the text, and the offsets must still be right.
  await (await selectForClaim(page, 'Ana Ruiz')).click()
  await expect(page.getByRole('heading', { name: 'Add a claim' })).toBeVisible()
  await expect(page.locator('blockquote mark')).toHaveText('Ana Ruiz')
  await page.getByRole('button', { name: 'Add claim' }).click()

  await expect(page.getByRole('heading', { level: 2, name: 'Claim 2: Ana Ruiz' })).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(page.getByRole('complementary', { name: 'Claims (2)' })).toBeVisible()
  // Both claims cover "Ana Ruiz": the sentence's mark holds the phrase's mark.
  const nested = page.locator('[data-article-body] mark[data-depth="2"] > mark')
  await expect.poll(async () => (await nested.allTextContents()).join('')).toBe('Ana Ruiz')
  await expect(page.locator('[data-article-body] mark[data-depth="2"]').first()).toHaveAttribute(
    'title',
    'Claims 1 (Unreviewed); 2 (Unreviewed)',
  )
  // Each claim's number after its text opens it beside the text.
  await page.locator('[data-article-body]').getByRole('link', { name: 'Claim 2: Unreviewed' }).click()
  await expect(page).toHaveURL(new RegExp(`${articlePath}/claims/`))
  await expect(page.getByRole('heading', { level: 2, name: 'Claim 2: Ana Ruiz' })).toBeVisible()
})

test('adds a claim by typing its quote', async ({ page, desk }) => {
  const reporter = await desk.user({ role: 'REPORTER' })
  const article = await desk.article({ by: reporter, body: BODY })
  await desk.signIn(page, reporter)
  await page.goto(`/articles/${article.id}`)
  await page.getByRole('link', { name: 'add a claim by typing the quote' }).first().click()
  await page.getByLabel('Quote').fill('Critics say the plan is unaffordable.')
  await page.getByLabel('Claimant').fill('Critics')
  await page.getByRole('button', { name: 'Add claim' }).click()
  await expect(toast(page, 'Claim added.')).toBeVisible()
  await expect(
    page.getByRole('heading', { level: 2, name: 'Claim 1: Critics say the plan is unaffordable.' }),
  ).toBeVisible()
})

test('refuses a typed quote that is not in the article, keeping it for correction', async ({ page, desk }) => {
  const reporter = await desk.user({ role: 'REPORTER' })
  const article = await desk.article({ by: reporter, body: BODY })
  await desk.signIn(page, reporter)
  await page.goto(`/articles/${article.id}/claims/new`)
  await page.getByLabel('Quote').fill('The council already approved the budget.')
  await page.getByRole('button', { name: 'Add claim' }).click()
  await expect(page.getByLabel('Quote')).toHaveAttribute('aria-invalid', 'true')
  await expect(page.getByLabel('Quote')).toHaveValue('The council already approved the budget.')
})

test('asks which occurrence a typed quote means when it appears twice', async ({ page, desk }) => {
  const reporter = await desk.user({ role: 'REPORTER' })
  const body = 'Fares rose 5 percent in May.\n\nWages rose 5 percent in June.'
  const article = await desk.article({ by: reporter, body })
  await desk.signIn(page, reporter)
  await page.goto(`/articles/${article.id}/claims/new`)
  await page.getByLabel('Quote').fill('rose 5 percent')
  await page.getByRole('button', { name: 'Add claim' }).click()
  const which = page.getByRole('group', { name: 'Which occurrence?' })
  await expect(which).toBeVisible()
  await which.getByRole('radio', { name: /In paragraph 2/ }).check()
  await page.getByRole('button', { name: 'Add claim' }).click()
  await expect(toast(page, 'Claim added.')).toBeVisible()
  const [claim] = await desk.query<{ startOffset: number }>(
    'SELECT "startOffset" FROM "Claim" WHERE "articleId" = $1',
    [article.id],
  )
  expect(claim?.startOffset).toBe(body.lastIndexOf('rose 5 percent'))
})

test('accepts one suggestion as a claim and dismisses another, which can be restored', async ({ page, desk }) => {
  const reporter = await desk.user({ role: 'REPORTER' })
  const article = await desk.article({ by: reporter })
  await desk.signIn(page, reporter)
  await page.goto(`/articles/${article.id}`)
  const suggestions = page.getByRole('complementary', { name: 'Suggested claims' })
  const accept = suggestions.getByRole('button', { name: /^Accept as a claim: / })
  await expect(accept.first()).toBeVisible()
  const before = await accept.count()
  await accept.first().click()
  await expect(toast(page, 'Suggestion added as a claim.')).toBeVisible()
  await expect(page.getByRole('complementary', { name: 'Claims (1)' })).toBeVisible()
  await expect(accept).toHaveCount(before - 1)

  await suggestions
    .getByRole('button', { name: /^Dismiss suggestion: / })
    .first()
    .click()
  await expect(toast(page, 'Suggestion dismissed for everyone.')).toBeVisible()
  await expect(accept).toHaveCount(before - 2)
  await suggestions.getByText('Show dismissed (1)').click()
  await suggestions.getByRole('button', { name: /^Restore suggestion: / }).click()
  await expect(toast(page, 'Suggestion restored.')).toBeVisible()
  await expect(accept).toHaveCount(before - 1)
})

test.describe('without JavaScript', () => {
  test.use(JAVASCRIPT_OFF)

  test('adds a claim by typing its quote', async ({ page, desk }) => {
    const reporter = await desk.user({ role: 'REPORTER' })
    const article = await desk.article({ by: reporter, body: BODY })
    await desk.signIn(page, reporter)
    await page.goto(`/articles/${article.id}/claims/new`)
    await page.getByLabel('Quote').fill(SENTENCE)
    await page.getByLabel('Tags').fill('transport')
    await page.getByRole('button', { name: 'Add claim' }).click()
    await expect(toast(page, 'Claim added.')).toBeVisible()
    await expect.poll(() => highlightedText(page, 'Claim 1: Unreviewed')).toBe(SENTENCE)
  })

  test('accepts a suggestion', async ({ page, desk }) => {
    const reporter = await desk.user({ role: 'REPORTER' })
    const article = await desk.article({ by: reporter })
    await desk.signIn(page, reporter)
    await page.goto(`/articles/${article.id}`)
    await page
      .getByRole('complementary', { name: 'Suggested claims' })
      .getByRole('button', { name: /^Accept as a claim: / })
      .first()
      .click()
    await expect(toast(page, 'Suggestion added as a claim.')).toBeVisible()
    await expect(page.getByRole('complementary', { name: 'Claims (1)' })).toBeVisible()
  })
})
