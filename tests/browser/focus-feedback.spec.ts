// After an action a keyboard user stays where the work is: focus moves to what the action produced
// (the section, the new item, the error), and the message about it is in view and never out of date.
import { test, expect, addComment } from './fixtures'

test('after starting research from the keyboard, focus is on the Next step section, not the top of the page', async ({
  page,
  desk,
}) => {
  await desk.openClaim(page, { role: 'FACT_CHECKER' })

  await page.getByRole('button', { name: 'Start research' }).focus()
  await page.keyboard.press('Enter')

  await expect(page.getByRole('status', { name: 'Messages' })).toContainText('Research started.')
  await expect(page.getByRole('heading', { name: 'Next step' })).toBeFocused()
  await expect(page.getByRole('heading', { name: 'Next step' })).toBeInViewport()
  // The next Tab goes on into the section's new form.
  await page.keyboard.press('Tab')
  await expect(page.getByRole('combobox', { name: 'Verdict' })).toBeFocused()
})

test('after adding a claim far down a long article, the message is in view and focus is on the new highlight', async ({
  page,
  desk,
}) => {
  const reporter = await desk.user({ role: 'REPORTER' })
  const filler = Array.from(
    { length: 30 },
    (_, i) => `Paragraph ${i + 1} of the report describes the harbour in some detail.`,
  )
  const last = 'The harbour board said cargo volumes rose 12 percent in 2025.'
  const article = await desk.article({ by: reporter, body: [...filler, last].join('\n\n') })
  await desk.signIn(page, reporter)
  await page.goto(`/articles/${article.id}/claims/new`)

  await page.getByRole('textbox', { name: 'Quote' }).fill(last)
  await page.getByRole('button', { name: 'Add claim' }).click()

  await expect(page).toHaveURL(/#quote-/)
  const highlight = page.locator(`#${new URL(page.url()).hash.slice(1)}`)
  await expect(highlight).toBeInViewport()
  await expect(page.getByRole('status', { name: 'Messages' }).getByText('Claim added.')).toBeInViewport()
  await expect(highlight).toBeFocused()
})

test('after adding a comment, focus is on the new comment', async ({ page, desk }) => {
  await desk.openClaim(page, { role: 'FACT_CHECKER', claim: { status: 'IN_RESEARCH' } })

  await addComment(page, 'The 2024 figure is in the annual report.')
  const comment = page.getByRole('listitem').filter({ hasText: 'The 2024 figure is in the annual report.' })
  await expect(comment).toBeFocused()
  await expect(comment).toBeInViewport()
})

test('a later refusal replaces the earlier message and takes focus, keeping what was typed', async ({ page, desk }) => {
  // In research without a source, so a proposed verdict is refused.
  await desk.openClaim(page, { role: 'FACT_CHECKER', claim: { status: 'IN_RESEARCH' } })

  await addComment(page, 'Looking for the source now.')

  await page.getByRole('combobox', { name: 'Verdict' }).selectOption({ label: 'Misleading' })
  await page.getByRole('textbox', { name: 'Rationale' }).fill('The rise is measured from an unusually low year.')
  await page.getByRole('button', { name: 'Propose verdict' }).click()

  const refusal = page.getByRole('alert').filter({ hasText: 'The verdict was not proposed' })
  await expect(refusal).toBeVisible()
  await expect(page.getByRole('status', { name: 'Messages' })).not.toContainText('Comment added.')
  await expect(refusal).toBeFocused()
  await expect(page.getByRole('textbox', { name: 'Rationale' })).toHaveValue(
    'The rise is measured from an unusually low year.',
  )
})

test('when the claim changed meanwhile, focus is on the explanation of what changed', async ({ page, desk }) => {
  const { claim } = await desk.openClaim(page, { role: 'FACT_CHECKER' })
  // Someone else edits the claim after the page was loaded.
  await desk.query(`UPDATE "Claim" SET version = version + 1, text = 'Edited elsewhere' WHERE id = $1`, [claim.id])

  await page.getByRole('button', { name: 'Start research' }).click()

  const conflict = page.getByRole('alert').filter({ hasText: 'This claim changed while you had it open' })
  await expect(conflict).toBeFocused()
  await expect(conflict).toBeInViewport()
})
