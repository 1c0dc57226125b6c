// The article workspace as a fact-checker uses it all day: the text beside the open claim, moved through
// with the keyboard, addresses that name the claim, drafts that survive, and a sheet on a phone.
import type { Locator, Page } from '@playwright/test'
import { test, expect, toast, type Desk } from './fixtures'

const BODY = [
  'The harbour board said on Tuesday that container traffic grew 14 percent in 2025.',
  'Mayor Lena Vos announced that the city will spend 40 million euros on a new tram line.',
  'According to the statistics office, unemployment in the region fell to 5.2 percent last year.',
].join('\n\n')

/** Presses Tab (or Shift+Tab) until `target` has focus, as a keyboard user would. */
async function tabTo(page: Page, target: Locator, { backwards = false } = {}) {
  for (let presses = 0; presses < 80; presses++) {
    if (await target.evaluate((element) => element === document.activeElement)) return
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab')
  }
  throw new Error('Tab never reached the element')
}

/** Cites a page with `a` and the keyboard: the address, a title, "Supports", then Enter. */
async function attachByKeyboard(page: Page, url: string, title: string) {
  await page.keyboard.press('a')
  await expect(page.getByLabel('Address (URL)')).toBeFocused()
  await page.keyboard.type(url)
  await page.keyboard.press('Tab')
  await page.keyboard.type(title)
  await tabTo(page, page.getByLabel('Stance'))
  await page.keyboard.type('Supports')
  await tabTo(page, page.getByLabel('Archived copy (URL)'))
  await page.keyboard.press('Enter')
  await expect(toast(page, 'Source attached.')).toBeVisible()
}

const nextStep = (page: Page) => page.getByTestId('next-step-bar')
const panelTitle = (page: Page) => page.locator('#claim-panel-title')

type ClaimOptions = Omit<Parameters<Desk['claim']>[0], 'article' | 'by' | 'assignee'> & { mine?: boolean }

/** A fact-checker and an article of theirs holding these claims, in body order (`mine`: assigned to them). */
async function deskWith(desk: Desk, wanted: readonly ClaimOptions[]) {
  const checker = await desk.user({ role: 'FACT_CHECKER' })
  const article = await desk.article({ by: checker, body: BODY })
  const claims = []
  for (const { mine, ...options } of wanted)
    claims.push(await desk.claim({ article, by: checker, assignee: mine ? checker : null, ...options }))
  return { checker, article, claims }
}

test('a claim goes from unreviewed to approved in the workspace by keyboard', async ({
  page,
  desk,
  browser,
  baseURL,
}) => {
  const { checker, article, claims } = await deskWith(desk, [{}])
  const [claim] = claims as [(typeof claims)[0]]
  const editor = await desk.user({ role: 'EDITOR' })
  await desk.signIn(page, checker)
  await page.goto(`/articles/${article.id}`)

  await test.step('the checker opens the claim from the list and starts research', async () => {
    await page.keyboard.press('j')
    await expect(page.locator(`#claim-${claim.id} > a`)).toBeFocused()
    await page.keyboard.press('Enter')
    await expect(page).toHaveURL(new RegExp(`/articles/${article.id}/claims/${claim.id}$`))
    await expect(nextStep(page)).toContainText('Needs someone to start research.')
    await page.keyboard.press('s')
    await expect(toast(page, 'Research started.')).toBeVisible()
    await expect(nextStep(page)).toContainText('Needs a source before a verdict can be proposed.')
    await expect(page.locator('#claim-panel')).toContainText('In research')
    // Focus stays in the panel, on the section the step was taken in.
    await expect(page.getByRole('heading', { name: 'Next step' })).toBeFocused()
  })

  await test.step('attaches a source from the keyboard', async () => {
    await attachByKeyboard(page, `https://harbour.example/traffic-${claim.id}`, 'Harbour traffic 2025')
    await expect(page.getByRole('region', { name: 'Sources (1)' })).toBeVisible()
    await expect(nextStep(page)).toContainText('Needs a verdict and a rationale')
  })

  await test.step('proposes a verdict', async () => {
    await tabTo(page, page.getByLabel('Verdict', { exact: true }), { backwards: true })
    await page.keyboard.type('True')
    await tabTo(page, page.getByLabel('Rationale'))
    await page.keyboard.type('The harbour board’s annual report gives 14 percent.')
    await tabTo(page, page.getByRole('button', { name: 'Propose verdict' }))
    await page.keyboard.press('Enter')
    await expect(toast(page, 'Verdict proposed. It now waits for an editor’s review.')).toBeVisible()
    await expect(nextStep(page)).toContainText('Waiting for an editor’s review.')
  })

  const editorContext = await browser.newContext({ baseURL })
  try {
    const editorPage = await editorContext.newPage()
    await test.step('another editor approves it from the claim’s address', async () => {
      await desk.signIn(editorPage, editor)
      await editorPage.goto(`/articles/${article.id}/claims/${claim.id}`)
      await expect(nextStep(editorPage)).toContainText('Waiting for your review.')
      await tabTo(editorPage, editorPage.getByRole('button', { name: 'Approve', exact: true }))
      await editorPage.keyboard.press('Enter')
      await expect(toast(editorPage, 'Verdict approved.')).toBeVisible()
      await expect(nextStep(editorPage)).toContainText('Done: the verdict is approved')
      await expect(
        editorPage.getByRole('link', { name: `Claim 1: Approved, True` }),
        'the highlight takes the colour and name of the verdict',
      ).toHaveText('1 · True')
    })
  } finally {
    await editorContext.close()
  }
})

test('the editor who proposed a verdict is told it waits for someone else', async ({ page, desk }) => {
  const editor = await desk.user({ role: 'EDITOR' })
  const article = await desk.article({ by: editor, body: BODY })
  const claim = await desk.claim({ article, by: editor, status: 'NEEDS_REVIEW' })
  await desk.signIn(page, editor)
  await page.goto(`/articles/${article.id}/claims/${claim.id}`)
  await expect(nextStep(page)).toContainText('Waiting for an editor other than you.')
  await expect(page.getByRole('button', { name: 'Approve', exact: true })).toHaveCount(0)
})

test('the address names the open claim: deep links, history, reload, /claims/:id', async ({ page, desk }) => {
  const { checker, article, claims } = await deskWith(desk, [{}, {}, {}])
  const [first, second, third] = claims as [(typeof claims)[0], (typeof claims)[0], (typeof claims)[0]]
  const at = (claim: { id: string }) => new RegExp(`/articles/${article.id}/claims/${claim.id}$`)
  await desk.signIn(page, checker)

  // The open claim's words carry a blue wash over their own colours; the others do not.
  const washed = (claim: { id: string }) =>
    page.locator(`#quote-${claim.id}`).evaluate((mark) => getComputedStyle(mark).backgroundImage.includes('gradient'))
  await page.goto(`/articles/${article.id}/claims/${second.id}`)
  await expect(panelTitle(page)).toContainText(second.quote)
  expect([await washed(first), await washed(second), await washed(third)]).toEqual([false, true, false])
  // Opening another claim changes the panel only: the page is not loaded again.
  await page.evaluate(() => ((window as { stayed?: boolean }).stayed = true))
  await page.getByRole('article', { name: 'Article text' }).getByRole('link', { name: 'Claim 3: Unreviewed' }).click()
  await expect(page).toHaveURL(at(third))
  await expect(panelTitle(page)).toContainText(third.quote)
  await expect.poll(() => Promise.all([washed(second), washed(third)])).toEqual([false, true])
  // A click on the words of a claim opens it too.
  await page.locator(`#quote-${first.id}`).click()
  await expect(page).toHaveURL(at(first))
  await expect(panelTitle(page)).toContainText(first.quote)
  expect(await page.evaluate(() => (window as { stayed?: boolean }).stayed)).toBe(true)

  await page.goBack()
  await expect(page).toHaveURL(at(third))
  await expect(panelTitle(page)).toContainText(third.quote)
  await page.goBack()
  await expect(panelTitle(page)).toContainText(second.quote)
  await page.goForward()
  await expect(page).toHaveURL(at(third))
  await page.reload()
  await expect(panelTitle(page)).toContainText(third.quote)

  await page.keyboard.press('Escape')
  await expect(page).toHaveURL(new RegExp(`/articles/${article.id}$`))
  await expect(page.locator(`#claim-${third.id} > a`)).toBeFocused()

  await page.goto(`/claims/${first.id}`)
  await expect(page).toHaveURL(at(first))
  await expect(panelTitle(page)).toContainText(first.quote)
})

test('j and k follow the list’s order, and filters narrow it at once', async ({ page, desk }) => {
  const { checker, article, claims } = await deskWith(desk, [
    { status: 'IN_RESEARCH', mine: true },
    {},
    { status: 'IN_RESEARCH' },
  ])
  const [mine, open, other] = claims as [(typeof claims)[0], (typeof claims)[0], (typeof claims)[0]]
  await desk.signIn(page, checker)
  await page.goto(`/articles/${article.id}/claims/${mine.id}`)

  await page.keyboard.press('j')
  await expect(panelTitle(page)).toContainText(open.quote)
  await page.keyboard.press('j')
  await expect(panelTitle(page)).toContainText(other.quote)
  await page.keyboard.press('k')
  await expect(panelTitle(page)).toContainText(open.quote)

  await page.keyboard.press('/')
  await expect(page.getByRole('searchbox', { name: 'Search the claims' })).toBeFocused()
  const list = page.getByRole('list', { name: 'Claims in the order they appear in the text' })
  await expect(list.getByRole('listitem')).toHaveCount(3)
  const filters = page.getByRole('group', { name: 'Filter the claims' })
  await filters.getByRole('button', { name: 'Mine 1' }).click()
  await expect(list.getByRole('listitem')).toHaveCount(1)
  await expect(list).toContainText(mine.quote.slice(0, 40))
  await filters.getByRole('button', { name: /^Mine/ }).click()
  await filters.getByRole('button', { name: 'In research 2' }).click()
  await filters.getByRole('button', { name: 'Unassigned 1' }).click()
  await expect(list.getByRole('listitem')).toHaveCount(1)
  await expect(list).toContainText(other.quote.slice(0, 40))
})

test('a verdict being written survives a source, another claim and a reload', async ({ page, desk }) => {
  const { checker, article, claims } = await deskWith(desk, [{ status: 'IN_RESEARCH' }, { status: 'IN_RESEARCH' }])
  const [claim, neighbour] = claims as [(typeof claims)[0], (typeof claims)[0]]
  const rationale = 'The annual report gives 13.8 percent, rounded up in the article.'
  await desk.signIn(page, checker)
  await page.goto(`/articles/${article.id}/claims/${claim.id}`)

  await page.getByLabel('Verdict', { exact: true }).selectOption({ label: 'Mostly true' })
  await page.getByLabel('Rationale').fill(rationale)
  await expect(page.getByText('Draft saved on this device.')).toBeVisible()

  await panelTitle(page).click()
  await attachByKeyboard(page, `https://harbour.example/report-${claim.id}`, 'Harbour board annual report')
  await expect(page.getByLabel('Rationale')).toHaveValue(rationale)

  await page.keyboard.press('j')
  await expect(panelTitle(page)).toContainText(neighbour.quote)
  await expect(page.getByLabel('Rationale')).toHaveValue('')
  await page.keyboard.press('k')
  await expect(panelTitle(page)).toContainText(claim.quote)
  await expect(page.getByLabel('Rationale')).toHaveValue(rationale)
  await expect(page.getByLabel('Verdict', { exact: true })).toHaveValue('MOSTLY_TRUE')

  await page.reload()
  await expect(page.getByLabel('Rationale')).toHaveValue(rationale)
  await expect(page.getByText('Your unsent draft is back.')).toBeVisible()
})

test('shortcuts never fire while typing, and ? lists them', async ({ page, desk }) => {
  const { checker, article, claims } = await deskWith(desk, [{}, {}])
  await desk.signIn(page, checker)
  await page.goto(`/articles/${article.id}/claims/${claims[0]!.id}`)

  await page.keyboard.press('c')
  const comment = page.getByLabel('Add a comment')
  await expect(comment).toBeFocused()
  await page.keyboard.type('j k s a / ? then Escape')
  await page.keyboard.press('Escape')
  await expect(comment).toHaveValue('j k s a / ? then Escape')
  await expect(page).toHaveURL(new RegExp(`/claims/${claims[0]!.id}$`))
  await expect(page.getByRole('dialog')).toHaveCount(0)

  await page.getByRole('heading', { name: 'Next step' }).click()
  await page.keyboard.press('?')
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
  await expect(dialog).toBeVisible()
  await expect(dialog).toContainText('Go to the next claim')
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
})

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } })

  test('the open claim is a full-screen sheet over the list, closed with its back control', async ({ page, desk }) => {
    const { checker, article, claims } = await deskWith(desk, [{}, {}])
    await desk.signIn(page, checker)
    await page.goto(`/articles/${article.id}`)

    const row = page.locator(`#claim-${claims[1]!.id} > a`)
    await row.scrollIntoViewIfNeeded()
    await row.click()
    await expect(page).toHaveURL(new RegExp(`/claims/${claims[1]!.id}$`))
    const sheet = page.locator('#claim-panel').locator('..')
    await expect(panelTitle(page)).toBeInViewport()
    expect(await sheet.boundingBox()).toEqual({ x: 0, y: 0, width: 390, height: 844 })
    const covered = await row.evaluate((element) => {
      const box = element.getBoundingClientRect()
      return !element.contains(document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2))
    })
    expect(covered, 'the list is under the sheet').toBe(true)

    await page.getByRole('link', { name: 'All claims', exact: true }).click()
    await expect(page).toHaveURL(new RegExp(`/articles/${article.id}$`))
    await expect(page.locator('#claim-panel')).toHaveCount(0)
    await expect(row).toBeInViewport()
  })
})

test('a claim open in each status reads at 1280 px and on a phone', async ({ page, desk }) => {
  const { checker, article, claims } = await deskWith(desk, [
    { status: 'UNREVIEWED' },
    { status: 'IN_RESEARCH', mine: true },
    { status: 'NEEDS_REVIEW', verdict: 'MISLEADING', rationale: 'The figure counts only one quarter.' },
  ])
  const editor = await desk.user({ role: 'EDITOR' })
  const approvedArticle = await desk.article({ by: editor, body: BODY })
  const approved = await desk.claim({
    article: approvedArticle,
    by: editor,
    status: 'APPROVED',
    verdict: 'TRUE',
    rationale: 'The statistics office confirms 5.2 percent.',
  })
  await desk.signIn(page, checker)
  const open = [
    { name: 'unreviewed', label: 'Unreviewed', articleId: article.id, claimId: claims[0]!.id },
    { name: 'in-research', label: 'In research', articleId: article.id, claimId: claims[1]!.id },
    { name: 'needs-review', label: 'Needs review', articleId: article.id, claimId: claims[2]!.id },
    { name: 'approved', label: 'Approved', articleId: approvedArticle.id, claimId: approved.id },
  ]
  for (const { name, label, articleId, claimId } of open) {
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: width === 1280 ? 900 : 844 })
      await page.goto(`/articles/${articleId}/claims/${claimId}`)
      // The status is said in words on the open panel, not by colour alone.
      await expect(panelTitle(page)).toBeVisible()
      await expect(page.locator('#claim-panel').getByText(label, { exact: true }).first()).toBeVisible()
      await page.screenshot({ path: `test-results/workspace-${name}-${width}.png` })
    }
  }
})
