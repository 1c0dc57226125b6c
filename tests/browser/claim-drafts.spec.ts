// What a person types on a claim survives the page's other forms, reloads, refusals and an expired
// session, until they send it or discard it.
import { test, expect, submitSignIn, type Desk } from './fixtures'
import type { Page } from '@playwright/test'

const done = (page: Page, message: string) => expect(page.getByRole('status').getByText(message)).toBeVisible()

/** A fact-checker signed in on a claim of theirs in research (or as `options` say), its forms loaded. */
async function openClaim(page: Page, desk: Desk, options: Parameters<Desk['openClaim']>[1] = {}) {
  const opened = await desk.openClaim(page, { role: 'FACT_CHECKER', claim: { status: 'IN_RESEARCH' }, ...options })
  await expect(page.getByRole('heading', { name: 'Next step' })).toBeVisible()
  return { checker: opened.user, claim: opened.claim }
}

const LOST_COMMENT = 'The 14 percent is year on year, not since 2015.'

/** A fact-checker writes a comment on their claim, and their session expires before they send it. */
async function commentAfterExpiry(page: Page, desk: Desk) {
  const { checker, claim } = await openClaim(page, desk)
  await page.getByLabel('Add a comment').fill(LOST_COMMENT)
  await desk.query(`DELETE FROM "Session" WHERE "userId" = $1`, [checker.id])
  await page.getByRole('button', { name: 'Add comment' }).click()
  await expect(page).toHaveURL(/\/login(\?|$)/)
  return { checker, claim }
}

test('attaching a source keeps the verdict and rationale being written', async ({ page, desk }) => {
  const { claim } = await openClaim(page, desk)

  await page.getByLabel('Verdict', { exact: true }).selectOption({ label: 'Mostly true' })
  await page
    .getByLabel('Rationale')
    .fill('The harbour board’s annual report gives 13.8 percent, rounded up in the article.')

  await page.getByText('Attach a source', { exact: true }).click()
  await page.getByLabel('Address (URL)').fill('https://harbour.example/annual-report-2025')
  await page.getByLabel('Title', { exact: true }).fill('Harbour board annual report 2025')
  await page.getByLabel('Stance').selectOption('SUPPORTS')
  await page.getByRole('button', { name: 'Attach source' }).click()
  await done(page, 'Source attached.')
  await expect(page.getByRole('region', { name: 'Sources (1)' })).toBeVisible()

  await expect(page.getByLabel('Verdict', { exact: true })).toHaveValue('MOSTLY_TRUE')
  await expect(page.getByLabel('Rationale')).toHaveValue(
    'The harbour board’s annual report gives 13.8 percent, rounded up in the article.',
  )
  // The source form itself folds away and starts empty again for the next source.
  await expect(page.getByLabel('Address (URL)')).toBeHidden()
  await page.getByText('Attach a source', { exact: true }).click()
  await expect(page.getByLabel('Address (URL)')).toHaveValue('')

  await page.getByRole('button', { name: 'Propose verdict' }).click()
  await done(page, 'Verdict proposed. It now waits for an editor’s review.')
  const [row] = await desk.query<{ verdict: string; rationale: string }>(
    `SELECT verdict, rationale FROM "Claim" WHERE id = $1`,
    [claim.id],
  )
  expect(row).toEqual({
    verdict: 'MOSTLY_TRUE',
    rationale: 'The harbour board’s annual report gives 13.8 percent, rounded up in the article.',
  })
})

test('an unsent comment comes back after a reload, and is gone once posted', async ({ page, desk }) => {
  await openClaim(page, desk)

  await page.getByLabel('Add a comment').fill('Ask the harbour board for the monthly figures.')
  await page.reload()
  await expect(page.getByLabel('Add a comment')).toHaveValue('Ask the harbour board for the monthly figures.')
  await expect(page.getByText('Your unsent draft is back.')).toBeVisible()

  // A slow machine: React may then render only the last of the router's states after the submission.
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 30 })
  await page.getByRole('button', { name: 'Add comment' }).click()
  await done(page, 'Comment added.')
  await expect(page.getByLabel('Add a comment')).toHaveValue('')
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 })
  await expect(
    page
      .getByRole('region', { name: 'Comments (1)' })
      .getByRole('listitem')
      .filter({ hasText: 'Ask the harbour board for the monthly figures.' }),
  ).toBeVisible()
  await expect(page.getByLabel('Add a comment')).toHaveValue('')
  await page.reload()
  await expect(page.getByLabel('Add a comment')).toHaveValue('')
  await expect(page.getByRole('button', { name: 'Discard draft of the comment' })).toHaveCount(0)
})

test('a draft the user discards does not come back', async ({ page, desk }) => {
  await openClaim(page, desk)

  await page.getByLabel('Verdict', { exact: true }).selectOption({ label: 'False' })
  await page.getByLabel('Rationale').fill('Second thoughts.')
  await page.reload()
  await expect(page.getByLabel('Rationale')).toHaveValue('Second thoughts.')
  await page.getByRole('button', { name: 'Discard draft of the verdict' }).click()
  await expect(page.getByLabel('Rationale')).toHaveValue('')
  await expect(page.getByLabel('Verdict', { exact: true })).toHaveValue('')
  await page.reload()
  await expect(page.getByLabel('Rationale')).toHaveValue('')
})

test('a note refused because the claim changed meanwhile stays in the form and after a reload', async ({
  page,
  desk,
}) => {
  const { claim } = await openClaim(page, desk, {
    role: 'EDITOR',
    by: 'FACT_CHECKER',
    claim: { status: 'NEEDS_REVIEW' },
  })

  const note = 'Which month does the 14 percent refer to? Add the board’s own table.'
  await page.getByLabel('Note to the fact-checker').fill(note)
  // Someone else changes the claim while the editor writes.
  await desk.query(`UPDATE "Claim" SET version = version + 1 WHERE id = $1`, [claim.id])
  await page.getByRole('button', { name: 'Return to research' }).click()
  await expect(page.getByRole('heading', { name: 'This claim changed while you had it open' })).toBeVisible()
  await expect(page.getByLabel('Note to the fact-checker')).toHaveValue(note)

  await page.reload()
  await expect(page.getByLabel('Note to the fact-checker')).toHaveValue(note)
  await page.getByRole('button', { name: 'Return to research' }).click()
  await done(page, 'Claim returned to research with your note.')
  await expect(page.getByRole('region', { name: 'Next step' }).getByText(note)).toBeVisible()
})

test('a claim edit not yet saved comes back after a reload', async ({ page, desk }) => {
  const { claim } = await desk.openClaim(page, { edit: true })
  await page.getByLabel('Claimant').fill('Harbour board')
  await page.getByLabel('Tags').fill('harbour, trade')
  await page.reload()
  await expect(page.getByLabel('Claimant')).toHaveValue('Harbour board')
  await expect(page.getByLabel('Tags')).toHaveValue('harbour, trade')
  await page.getByRole('button', { name: 'Save claim' }).click()
  await done(page, 'Claim saved.')
  await page.goto(`/claims/${claim.id}/edit`)
  await expect(page.getByRole('button', { name: 'Discard draft of your edit' })).toHaveCount(0)
  await expect(page.getByLabel('Tags')).toHaveValue('harbour, trade')
})

test('a comment typed before the session expired is offered back after signing in again', async ({ page, desk }) => {
  const { checker, claim } = await commentAfterExpiry(page, desk)

  await desk.signIn(page, checker)
  await page.goto(`/claims/${claim.id}`)
  await expect(page.getByLabel('Add a comment')).toHaveValue(LOST_COMMENT)
  await expect(page.getByText('Your unsent draft is back.')).toBeVisible()
  expect(await desk.query(`SELECT id FROM "Comment" WHERE "claimId" = $1`, [claim.id])).toHaveLength(0)
})

test('signing in from the page an expired session led to lands back on the claim with the comment offered back', async ({
  page,
  desk,
}) => {
  const { checker, claim } = await commentAfterExpiry(page, desk)

  await submitSignIn(page, checker)
  await expect(page).toHaveURL(new RegExp(`/claims/${claim.id}(#.*)?$`))
  await expect(page.getByLabel('Add a comment')).toHaveValue(LOST_COMMENT)
  expect(await desk.query(`SELECT id FROM "Comment" WHERE "claimId" = $1`, [claim.id])).toHaveLength(0)
})
