// Live updates and notifications, as two people on one claim see them: no reload on the page being
// watched, and the notifications page with JavaScript on and off.
import type { Page } from '@playwright/test'
import { claimSnippet } from '../../app/notifications/kinds.ts'
import { test, expect, toast, JAVASCRIPT_OFF } from './fixtures'
import { startTestApp } from './support/app-server.ts'

function bell(page: Page) {
  return page.getByRole('link', { name: /^Notifications, / })
}

test('the editor approves, and the fact-checker’s open panel updates and the bell counts, with no reload', async ({
  page,
  desk,
  browser,
  baseURL,
}) => {
  const checker = await desk.user({ role: 'FACT_CHECKER' })
  const editor = await desk.user({ role: 'EDITOR' })
  const article = await desk.article({ by: checker })
  const claim = await desk.claim({ article, by: checker, status: 'NEEDS_REVIEW', verdict: 'MOSTLY_TRUE' })

  await desk.signIn(page, checker)
  await page.goto(`/articles/${article.id}/claims/${claim.id}`)
  await expect(bell(page)).toHaveAccessibleName('Notifications, none unread')
  await expect(page.locator('html[data-live="open"]')).toBeAttached()
  // Something half-written, and a mark that disappears if the page reloads.
  await page.getByLabel('Add a comment').fill('Half-written thought about the figures')
  await page.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true))

  const editorContext = await browser.newContext({ baseURL })
  try {
    const editorPage = await editorContext.newPage()
    await desk.signIn(editorPage, editor)
    await editorPage.goto(`/claims/${claim.id}`)
    await expect(page.getByText(`${editor.name} is viewing this claim`)).toBeVisible()
    await editorPage.getByRole('button', { name: 'Approve', exact: true }).click()
    await expect(toast(editorPage, 'Verdict approved.')).toBeVisible()
  } finally {
    await editorContext.close()
  }

  await expect(page.getByText(`Changed by ${editor.name} just now: status → Approved`)).toBeVisible()
  await expect(page.getByRole('region', { name: 'The claim' }).getByText('Approved', { exact: true })).toBeVisible()
  await expect(bell(page)).toHaveAccessibleName('Notifications, 1 unread')
  await expect(bell(page)).toHaveText('1')
  await expect(page.getByLabel('Add a comment')).toHaveValue('Half-written thought about the figures')
  expect(await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true)

  // The bell is reached by keyboard and opens the list, whose entry leads back to the claim.
  await bell(page).focus()
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/\/notifications$/)
  const entry = page.getByRole('link', {
    name: `${editor.name} approved your verdict on ${claimSnippet(claim.quote)}.`,
  })
  await expect(entry).toBeVisible()
  await page.getByRole('button', { name: /^Mark read/ }).click()
  await expect(toast(page, 'Marked read.')).toBeVisible()
  await expect(bell(page)).toHaveAccessibleName('Notifications, none unread')
  await entry.click()
  await expect(page).toHaveURL(new RegExp(`/claims/${claim.id}$`))
})

test('a change that arrives while the checker is selecting words leaves the selection, then shows', async ({
  page,
  desk,
  browser,
  baseURL,
}) => {
  const checker = await desk.user({ role: 'FACT_CHECKER' })
  const editor = await desk.user({ role: 'EDITOR' })
  const article = await desk.article({ by: checker })
  const claim = await desk.claim({ article, by: checker, status: 'NEEDS_REVIEW', verdict: 'MOSTLY_TRUE' })
  await desk.signIn(page, checker)
  await page.goto(`/articles/${article.id}/claims/${claim.id}`)
  await expect(page.locator('html[data-live="open"]')).toBeAttached()
  const quote = page.locator(`#quote-${claim.id}`)
  await expect(quote).toHaveClass(/hl-review/)

  // The checker selects words of another sentence, to mark them as a claim.
  const phrase = 'unemployment in the region'
  await page.evaluate((words) => {
    const body = document.querySelector('[data-article-body]')!
    const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(words)
      if (at < 0) continue
      const range = document.createRange()
      range.setStart(node, at)
      range.setEnd(node, at + words.length)
      getSelection()!.removeAllRanges()
      getSelection()!.addRange(range)
      return
    }
    throw new Error(`not in the body: ${words}`)
  }, phrase)
  await page.mouse.up()
  const addClaim = page.getByRole('link', { name: 'Add claim', exact: true })
  await expect(addClaim).toBeVisible()

  const editorContext = await browser.newContext({ baseURL })
  try {
    const editorPage = await editorContext.newPage()
    await desk.signIn(editorPage, editor)
    await editorPage.goto(`/claims/${claim.id}`)
    await editorPage.getByRole('button', { name: 'Approve', exact: true }).click()
    await expect(toast(editorPage, 'Verdict approved.')).toBeVisible()
  } finally {
    await editorContext.close()
  }

  // The panel shows the approval; the words stay selected and can still be added.
  await expect(page.getByText(`Changed by ${editor.name} just now: status → Approved`)).toBeVisible()
  await expect(page.getByRole('region', { name: 'The claim' }).getByText('Approved', { exact: true })).toBeVisible()
  expect(await page.evaluate(() => getSelection()!.toString())).toBe(phrase)
  await expect(addClaim).toBeVisible()
  // Once the selection ends, the text shows the claim in its verdict's colour.
  await page.evaluate(() => getSelection()!.removeAllRanges())
  await expect(quote).toHaveClass(/hl-mostly-true/)
  await expect(
    page.getByRole('article', { name: 'Article text' }).getByRole('link', { name: 'Claim 1: Approved, Mostly true' }),
  ).toBeVisible()
})

test('a comment the editor adds appears in the fact-checker’s open panel, with no reload', async ({
  page,
  desk,
  browser,
  baseURL,
}) => {
  const checker = await desk.user({ role: 'FACT_CHECKER' })
  const editor = await desk.user({ role: 'EDITOR' })
  const article = await desk.article({ by: checker })
  const claim = await desk.claim({ article, by: checker, status: 'NEEDS_REVIEW', verdict: 'FALSE' })
  await desk.signIn(page, checker)
  await page.goto(`/articles/${article.id}/claims/${claim.id}`)
  await expect(page.locator('html[data-live="open"]')).toBeAttached()
  await page.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true))

  const editorContext = await browser.newContext({ baseURL })
  try {
    const editorPage = await editorContext.newPage()
    await desk.signIn(editorPage, editor)
    await editorPage.goto(`/claims/${claim.id}`)
    await editorPage.getByLabel('Add a comment').fill('Which year is the 14 percent from?')
    await editorPage.getByRole('button', { name: 'Add comment' }).click()
    await expect(toast(editorPage, 'Comment added.')).toBeVisible()
  } finally {
    await editorContext.close()
  }

  await expect(page.getByText(`Changed by ${editor.name} just now: comment added`)).toBeVisible()
  await expect(
    page.getByRole('region', { name: 'Comments (1)' }).getByText('Which year is the 14 percent from?'),
  ).toBeVisible()
  expect(await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true)
})

test('a change made on a second app process reaches a page served by the first', async ({ page, desk, browser }) => {
  const checker = await desk.user({ role: 'FACT_CHECKER' })
  const editor = await desk.user({ role: 'EDITOR' })
  const article = await desk.article({ by: checker })
  const claim = await desk.claim({ article, by: checker, status: 'NEEDS_REVIEW', verdict: 'FALSE' })
  await desk.signIn(page, checker)
  await page.goto(`/articles/${article.id}/claims/${claim.id}`)
  await expect(page.locator('html[data-live="open"]')).toBeAttached()

  // Another process of the app on the same database, as behind a load balancer.
  const second = await startTestApp(process.env.FACTDESK_TEST_DATABASE_URL, 'second-process')
  const editorContext = await browser.newContext({ baseURL: second.baseUrl })
  try {
    const editorPage = await editorContext.newPage()
    await desk.signIn(editorPage, editor)
    await editorPage.goto(`/claims/${claim.id}`)
    await editorPage.getByRole('button', { name: 'Approve', exact: true }).click()
    await expect(toast(editorPage, 'Verdict approved.')).toBeVisible()

    await expect(page.getByText(`Changed by ${editor.name} just now: status → Approved`)).toBeVisible()
    await expect(bell(page)).toHaveAccessibleName('Notifications, 1 unread')
  } finally {
    await editorContext.close()
    await second.stop()
  }
})

test.describe('without JavaScript', () => {
  test.use(JAVASCRIPT_OFF)

  test('the notifications page lists, marks one read and marks all read', async ({ page, desk, browser, baseURL }) => {
    const checker = await desk.user({ role: 'FACT_CHECKER' })
    const editor = await desk.user({ role: 'EDITOR' })
    const article = await desk.article({ by: editor })
    const first = await desk.claim({ article, by: editor })
    const second = await desk.claim({ article, by: editor })
    const editorContext = await browser.newContext({ baseURL, javaScriptEnabled: false })
    try {
      const editorPage = await editorContext.newPage()
      await desk.signIn(editorPage, editor)
      for (const claim of [first, second]) {
        await editorPage.goto(`/claims/${claim.id}`)
        await editorPage.getByLabel('Assign to').selectOption({ label: checker.name })
        await editorPage.getByRole('button', { name: 'Save assignment' }).click()
        await expect(toast(editorPage, `Assigned to ${checker.name}.`)).toBeVisible()
      }
    } finally {
      await editorContext.close()
    }

    await desk.signIn(page, checker)
    await page.goto('/notifications')
    await expect(bell(page)).toHaveAccessibleName('Notifications, 2 unread')
    await expect(
      page.getByRole('link', { name: `${editor.name} assigned ${claimSnippet(first.quote)} to you.` }),
    ).toBeVisible()
    await page
      .getByRole('button', { name: `Mark read: ${editor.name} assigned ${claimSnippet(second.quote)} to you.` })
      .click()
    await expect(toast(page, 'Marked read.')).toBeVisible()
    await expect(bell(page)).toHaveAccessibleName('Notifications, 1 unread')
    await page.getByRole('button', { name: 'Mark all read' }).click()
    await expect(toast(page, 'Marked 1 notification read.')).toBeVisible()
    await expect(bell(page)).toHaveAccessibleName('Notifications, none unread')
    await expect(page.getByRole('button', { name: 'Mark all read' })).toBeDisabled()
  })
})
