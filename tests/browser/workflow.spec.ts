// The verification workflow on the claim page, as the people on the desk do it: take, research,
// cite, propose, return, approve, reopen, assign and discuss. Each test makes its own claim.
import type { Locator, Page } from '@playwright/test'
import { test, expect, toast, addComment, JAVASCRIPT_OFF } from './fixtures'

/** Opens `linkName` from a queue list, following its "Next page" links if other claims come first. */
async function openFromQueue(page: Page, list: Locator, linkName: string) {
  await expect(list).toBeVisible()
  for (let pages = 0; pages < 20; pages++) {
    const link = list.getByRole('link', { name: linkName, exact: true })
    if (await link.isVisible()) return link.click()
    await list.getByRole('link', { name: 'Next page →' }).click()
    await expect(page).toHaveURL(/\?/)
  }
  throw new Error(`${linkName} is not in the list`)
}

function claimSection(page: Page) {
  return page.getByRole('region', { name: 'The claim' })
}

/** The claim's history, folded away at the foot of the panel until asked for. */
async function openHistory(page: Page) {
  await page.locator('summary', { hasText: /^History/ }).click()
  return page.getByRole('list', { name: 'History of this claim' })
}

test('takes a claim from unreviewed to approved through a return, with every step in the history', async ({
  page,
  desk,
  browser,
}) => {
  const reporter = await desk.user({ role: 'REPORTER' })
  const checker = await desk.user({ role: 'FACT_CHECKER' })
  const editor = await desk.user({ role: 'EDITOR' })
  const article = await desk.article({ by: reporter })
  const text = `Container traffic at the harbour grew 14 percent in 2025 (${article.id}).`
  const claim = { ...(await desk.claim({ article, by: reporter, text })), text }
  const claimPath = `/claims/${claim.id}`
  const sourceUrl = `https://www.aa.com.tr/en/europe/harbour-${claim.id}?utm_source=newsletter#top`

  await test.step('the checker takes the claim, researches it and proposes a verdict', async () => {
    await desk.signIn(page, checker)
    await page.goto(claimPath)
    await expect(page.getByRole('heading', { level: 2, name: claim.text })).toBeVisible()
    // Its quote is highlighted in the article beside the panel.
    // Its first mark is its anchor; every mark of it carries its number.
    const number = await page.locator(`#quote-${claim.id}`).getAttribute('data-n')
    const quote = page.locator(`[data-article-body] mark[data-n="${number}"]`)
    await expect(quote.first()).toBeVisible()
    await expect.poll(async () => (await quote.allTextContents()).join('')).toBe(claim.quote)
    await page.getByRole('button', { name: 'Take this claim' }).click()
    await expect(toast(page, 'The claim is assigned to you.')).toBeVisible()
    await page.getByRole('button', { name: 'Start research', exact: true }).click()
    await expect(toast(page, 'Research started.')).toBeVisible()
    await expect(claimSection(page).getByText('In research', { exact: true })).toBeVisible()

    await page.getByText('Attach a source', { exact: true }).click()
    await page.getByLabel('Address (URL)').fill(sourceUrl)
    await page.getByLabel('Title', { exact: true }).fill('Harbour traffic figures for 2025')
    await page.getByLabel('Publisher').fill('Anadolu Agency')
    await page.getByLabel('Kind').selectOption('NEWS_REPORT')
    await page.getByLabel('Stance').selectOption('SUPPORTS')
    await page.getByLabel('Excerpt').fill('Container traffic grew 14 percent.')
    await page.getByRole('button', { name: 'Attach source' }).click()
    await expect(toast(page, 'Source attached.')).toBeVisible()
    const sources = page.getByRole('region', { name: 'Sources (1)' })
    await expect(sources.getByRole('link', { name: /Harbour traffic figures for 2025/ })).toBeVisible()
    await expect(sources.getByText('aa.com.tr')).toBeVisible()

    await page.getByLabel('Verdict', { exact: true }).selectOption('MOSTLY_TRUE')
    await page
      .getByLabel('Rationale')
      .fill('The harbour board’s report gives 14 percent; “fastest in a decade” is not in it.')
    await page.getByRole('button', { name: 'Propose verdict' }).click()
    await expect(toast(page, 'Verdict proposed. It now waits for an editor’s review.')).toBeVisible()
    await expect(claimSection(page).getByText('Needs review', { exact: true })).toBeVisible()
  })

  const editorContext = await browser.newContext()
  const editorPage = await editorContext.newPage()
  await test.step('the editor finds it waiting for review and returns it with a note', async () => {
    await desk.signIn(editorPage, editor)
    await editorPage.goto('/queue')
    await openFromQueue(editorPage, editorPage.getByRole('region', { name: /^Waiting for my review/ }), claim.text)
    await expect(editorPage).toHaveURL(new RegExp(`${claimPath}$`))
    await editorPage
      .getByLabel('Note to the fact-checker')
      .fill('Where does “fastest in a decade” come from? Add a source for it.')
    await editorPage.getByRole('button', { name: 'Return to research' }).click()
    await expect(toast(editorPage, 'Claim returned to research with your note.')).toBeVisible()
  })

  await test.step('the checker finds it returned, keeps the draft verdict and proposes again', async () => {
    await page.goto('/queue')
    const returned = page.getByRole('region', { name: /^Returned to me/ })
    await expect(returned.getByText('Where does “fastest in a decade” come from? Add a source for it.')).toBeVisible()
    await returned.getByRole('link', { name: claim.text, exact: true }).click()
    await expect(page).toHaveURL(new RegExp(`${claimPath}$`))
    await expect(page.getByText(`Returned to research by ${editor.name}`)).toBeVisible()
    await expect(page.getByLabel('Verdict', { exact: true })).toHaveValue('MOSTLY_TRUE')
    await page
      .getByLabel('Rationale')
      .fill('The report gives 14 percent; the “decade” comparison is the board’s own, in the same report.')
    await page.getByRole('button', { name: 'Propose verdict' }).click()
    await expect(toast(page, 'Verdict proposed. It now waits for an editor’s review.')).toBeVisible()
    await page.goto('/queue')
    await expect(page.getByRole('heading', { name: /^Returned to me/ })).toBeVisible()
    await expect(
      page.getByRole('region', { name: /^Returned to me/ }).getByRole('link', { name: claim.text, exact: true }),
    ).toHaveCount(0)
  })

  await test.step('the editor approves, and the history lists every step', async () => {
    await editorPage.goto(claimPath)
    await editorPage.getByRole('button', { name: 'Approve', exact: true }).click()
    await expect(toast(editorPage, 'Verdict approved.')).toBeVisible()
    const section = claimSection(editorPage)
    await expect(section.getByText('Approved', { exact: true })).toBeVisible()
    await expect(section.getByText('Mostly true', { exact: true })).toBeVisible()
    const history = await openHistory(editorPage)
    // Each step reads "What happened · Who", then when.
    await expect(history.locator(':scope > li > p:first-of-type')).toHaveText([
      `Added the claim · ${reporter.name}`,
      `Took the claim · ${checker.name}`,
      `Started research · ${checker.name}`,
      `Attached a source · ${checker.name}`,
      `Proposed a verdict for review · ${checker.name}`,
      `Returned the claim to research · ${editor.name}`,
      `Proposed a verdict for review · ${checker.name}`,
      `Approved the verdict · ${editor.name}`,
    ])
    await expect(history.getByText('Where does “fastest in a decade” come from? Add a source for it.')).toBeVisible()
    await expect(
      history.getByText(
        `“Harbour traffic figures for 2025” (https://www.aa.com.tr/en/europe/harbour-${claim.id}) as Supports`,
      ),
    ).toBeVisible()
  })
  await editorContext.close()
})

test('an editor reopens an approved claim with a note, and it is unreviewed again', async ({ page, desk }) => {
  await desk.openClaim(page, { role: 'EDITOR', claim: { status: 'APPROVED', verdict: 'FALSE' } })
  await expect(claimSection(page).getByText('Approved', { exact: true })).toBeVisible()
  await page.getByRole('button', { name: 'Reopen', exact: true }).click()
  await expect(page.getByLabel('Why reopen it?')).toHaveAttribute('aria-invalid', 'true')
  await page.getByLabel('Why reopen it?').fill('A reader sent the corrected harbour figures.')
  await page.getByRole('button', { name: 'Reopen', exact: true }).click()
  await expect(toast(page, 'Claim reopened. It is unreviewed again.')).toBeVisible()
  await expect(claimSection(page).getByText('Unreviewed', { exact: true })).toBeVisible()
  await expect((await openHistory(page)).getByText('A reader sent the corrected harbour figures.')).toBeVisible()
})

test('returning without a note is refused beside the note, keeping the claim in review', async ({ page, desk }) => {
  await desk.openClaim(page, { role: 'EDITOR', by: 'FACT_CHECKER', claim: { status: 'NEEDS_REVIEW' } })
  await page.getByRole('button', { name: 'Return to research' }).click()
  await expect(page.getByLabel('Note to the fact-checker')).toHaveAttribute('aria-invalid', 'true')
  await expect(claimSection(page).getByText('Needs review', { exact: true })).toBeVisible()
})

test('an editor cannot approve a verdict they proposed themselves', async ({ page, desk }) => {
  await desk.openClaim(page, { role: 'EDITOR', claim: { status: 'NEEDS_REVIEW' } })
  await expect(claimSection(page).getByText('Needs review', { exact: true })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Approve', exact: true })).toHaveCount(0)
})

test('an editor assigns a claim to a checker with a due date', async ({ page, desk }) => {
  // Made before the page opens, so that the page offers them.
  const checker = await desk.user({ role: 'FACT_CHECKER' })
  await desk.openClaim(page, { role: 'EDITOR' })
  const assignment = page.getByRole('complementary', { name: 'Assignment' })
  await assignment.getByLabel('Assign to').selectOption({ label: checker.name })
  await assignment.getByLabel('Due date').fill('2031-05-20')
  await assignment.getByRole('button', { name: 'Save assignment' }).click()
  await expect(toast(page, `Assigned to ${checker.name}.`)).toBeVisible()
  await expect(assignment.getByRole('definition').first()).toHaveText(checker.name)
  await expect(assignment.locator('time[datetime="2031-05-20"]')).toBeVisible()
  await expect((await openHistory(page)).getByText(/^Assigned/).first()).toBeVisible()
})

test('detaches a source from a claim in research', async ({ page, desk }) => {
  const { user: checker, claim } = await desk.ownClaim({ role: 'FACT_CHECKER', claim: { status: 'IN_RESEARCH' } })
  const source = await desk.source({ title: `Port statistics ${claim.id}` })
  await desk.attach({ claim, source, by: checker })
  await desk.signIn(page, checker)
  await page.goto(`/claims/${claim.id}`)
  await expect(page.getByRole('region', { name: 'Sources (1)' })).toBeVisible()
  await page.getByRole('button', { name: `Detach ${source.title}` }).click()
  await expect(toast(page, `Detached “${source.title}”.`)).toBeVisible()
  await expect(page.getByRole('region', { name: 'Sources (0)' })).toBeVisible()
})

test('refuses a source without an address, keeping what was typed', async ({ page, desk }) => {
  await desk.openClaim(page, { role: 'FACT_CHECKER', claim: { status: 'IN_RESEARCH' } })
  await page.getByText('Attach a source', { exact: true }).click()
  await page.getByLabel('Title', { exact: true }).fill('A page with no address')
  await page.getByLabel('Stance').selectOption('REFUTES')
  await page.getByRole('button', { name: 'Attach source' }).click()
  await expect(page.getByLabel('Address (URL)')).toHaveAttribute('aria-invalid', 'true')
  await expect(page.getByLabel('Title', { exact: true })).toHaveValue('A page with no address')
  await expect(page.getByRole('region', { name: 'Sources (0)' })).toBeVisible()
})

test('attaching a source keeps the verdict and rationale being drafted', async ({ page, desk }) => {
  const { claim } = await desk.openClaim(page, { role: 'FACT_CHECKER', claim: { status: 'IN_RESEARCH' } })
  await page.getByLabel('Verdict', { exact: true }).selectOption('HALF_TRUE')
  await page.getByLabel('Rationale').fill('Half of the figure is sourced so far.')
  await page.getByText('Attach a source', { exact: true }).click()
  await page.getByLabel('Address (URL)').fill(`https://stats.example/harbour-${claim.id}`)
  await page.getByLabel('Title', { exact: true }).fill('Harbour statistics')
  await page.getByLabel('Stance').selectOption('SUPPORTS')
  await page.getByRole('button', { name: 'Attach source' }).click()
  await expect(toast(page, 'Source attached.')).toBeVisible()
  await expect(page.getByLabel('Verdict', { exact: true })).toHaveValue('HALF_TRUE')
  await expect(page.getByLabel('Rationale')).toHaveValue('Half of the figure is sourced so far.')
})

test('adds a comment and corrects it', async ({ page, desk }) => {
  await desk.openClaim(page)
  await addComment(page, 'The board publishes monthly figures too.')
  const comments = page.getByRole('region', { name: 'Comments (1)' })
  await expect(comments.locator('p', { hasText: 'The board publishes monthly figures too.' })).toBeVisible()

  await comments.getByText(/^Edit your comment of/).click()
  await comments.getByLabel('Your comment').fill('The board publishes quarterly figures too.')
  await comments.getByRole('button', { name: 'Save comment' }).click()
  await expect(toast(page, 'Comment saved.')).toBeVisible()
  await expect(comments.locator('p', { hasText: 'The board publishes quarterly figures too.' })).toBeVisible()
  await expect(comments.getByText(/^\(edited/)).toBeVisible()
})

test('an empty comment is refused with a message', async ({ page, desk }) => {
  await desk.openClaim(page)
  await page.getByRole('button', { name: 'Add comment' }).click()
  await expect(page.getByLabel('Add a comment')).toHaveAttribute('aria-invalid', 'true')
  await expect(page.getByRole('region', { name: 'Comments (0)' })).toBeVisible()
})

test.describe('without JavaScript', () => {
  test.use(JAVASCRIPT_OFF)

  test('starts research, attaches a source, proposes, and an editor approves', async ({ page, desk, browser }) => {
    const checker = await desk.user({ role: 'FACT_CHECKER' })
    const editor = await desk.user({ role: 'EDITOR' })
    const article = await desk.article({ by: checker })
    const claim = await desk.claim({ article, by: checker, assignee: checker })
    await desk.signIn(page, checker)
    await page.goto(`/claims/${claim.id}`)
    await page.getByRole('button', { name: 'Start research', exact: true }).click()
    await expect(toast(page, 'Research started.')).toBeVisible()

    await page.getByText('Attach a source', { exact: true }).click()
    await page.getByLabel('Address (URL)').fill(`https://stats.example/no-script-${claim.id}`)
    await page.getByLabel('Title', { exact: true }).fill('Harbour statistics, read without scripts')
    await page.getByLabel('Stance').selectOption('SUPPORTS')
    await page.getByRole('button', { name: 'Attach source' }).click()
    await expect(toast(page, 'Source attached.')).toBeVisible()
    await expect(page.getByRole('region', { name: 'Sources (1)' })).toBeVisible()

    await page.getByLabel('Verdict', { exact: true }).selectOption('TRUE')
    await page.getByLabel('Rationale').fill('The statistics office confirms the figure.')
    await page.getByRole('button', { name: 'Propose verdict' }).click()
    await expect(toast(page, 'Verdict proposed. It now waits for an editor’s review.')).toBeVisible()
    await expect(claimSection(page).getByText('Needs review', { exact: true })).toBeVisible()

    const editorContext = await browser.newContext({ javaScriptEnabled: false })
    const editorPage = await editorContext.newPage()
    await desk.signIn(editorPage, editor)
    await editorPage.goto(`/claims/${claim.id}`)
    await editorPage.getByRole('button', { name: 'Approve', exact: true }).click()
    await expect(toast(editorPage, 'Verdict approved.')).toBeVisible()
    await expect(claimSection(editorPage).getByText('Approved', { exact: true })).toBeVisible()
    await editorContext.close()
  })

  test('proposing without a rationale says what is missing and keeps the verdict', async ({ page, desk }) => {
    await desk.openClaim(page, { role: 'FACT_CHECKER', claim: { status: 'IN_RESEARCH' } })
    await page.getByLabel('Verdict', { exact: true }).selectOption('NOT_A_CLAIM')
    await page.getByRole('button', { name: 'Propose verdict' }).click()
    await expect(page.getByLabel('Rationale')).toHaveAttribute('aria-invalid', 'true')
    await expect(page.getByLabel('Verdict', { exact: true })).toHaveValue('NOT_A_CLAIM')
    await expect(claimSection(page).getByText('In research', { exact: true })).toBeVisible()
  })

  test('adds a comment', async ({ page, desk }) => {
    await desk.openClaim(page)
    await addComment(page, 'Checked the archive: the figure is from the annual report.')
    const comments = page.getByRole('region', { name: 'Comments (1)' })
    await expect(
      comments.locator('p', { hasText: 'Checked the archive: the figure is from the annual report.' }),
    ).toBeVisible()
  })
})
