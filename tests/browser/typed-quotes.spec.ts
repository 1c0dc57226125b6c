// Adding a claim by typing its quote: a keyboard's straight quotes, hyphens and spacing find the
// article's curly quotes, dashes and line breaks, and the claim keeps the article's own text.
import { test, expect } from './fixtures'

const QUESTION = '“What is Nigeria’s annual national budget?”'
const BODY = [
  `At the briefing a reporter asked: ${QUESTION} The minister – smiling – declined to answer.`,
  'Officials later said the figure would be published in March.',
].join('\n\n')

test('a quote typed with a straight apostrophe is found where the article has a curly one', async ({ page, desk }) => {
  const reporter = await desk.user({ role: 'REPORTER' })
  const article = await desk.article({ by: reporter, body: BODY })
  await desk.signIn(page, reporter)
  await page.goto(`/articles/${article.id}`)
  await page.getByRole('link', { name: 'add a claim by typing the quote', exact: true }).click()

  await page.getByRole('textbox', { name: 'Quote' }).fill(`What is Nigeria's annual national budget?`)
  await page.getByRole('button', { name: 'Add claim' }).click()

  await expect(page).toHaveURL(new RegExp(`/articles/${article.id}/claims/\\w+#quote-`))
  await expect(page.getByRole('status')).toContainText('Claim added.')
  // Saved with the article's characters, so it is the exact span of the body; the new claim is open.
  await expect(page.getByRole('heading', { name: 'Claim 1: What is Nigeria’s annual national budget?' })).toBeVisible()
  const [saved] = await desk.query<{ quote: string; startOffset: number }>(
    `SELECT quote, "startOffset" FROM "Claim" WHERE "articleId" = $1`,
    [article.id],
  )
  expect(saved).toEqual({ quote: 'What is Nigeria’s annual national budget?', startOffset: BODY.indexOf('What is') })
})

test('a typed hyphen and single spaces find an en dash and a paragraph break', async ({ page, desk }) => {
  const reporter = await desk.user({ role: 'REPORTER' })
  const article = await desk.article({ by: reporter, body: BODY })
  await desk.signIn(page, reporter)
  await page.goto(`/articles/${article.id}/claims/new`)

  await page
    .getByRole('textbox', { name: 'Quote' })
    .fill('The minister - smiling - declined to answer. Officials later said')
  await page.getByRole('button', { name: 'Add claim' }).click()

  await expect(page.getByRole('status')).toContainText('Claim added.')
  const [saved] = await desk.query<{ quote: string }>(`SELECT quote FROM "Claim" WHERE "articleId" = $1`, [article.id])
  expect(saved?.quote).toBe('The minister – smiling – declined to answer.\n\nOfficials later said')
})

test('a quote with different words is still refused, and what was typed stays in the form', async ({ page, desk }) => {
  const reporter = await desk.user({ role: 'REPORTER' })
  const article = await desk.article({ by: reporter, body: BODY })
  await desk.signIn(page, reporter)
  await page.goto(`/articles/${article.id}/claims/new`)

  const quote = page.getByRole('textbox', { name: 'Quote' })
  await quote.fill(`What is Nigeria's yearly national budget?`)
  await page.getByRole('textbox', { name: 'Claimant' }).fill('A reporter')
  await page.getByRole('button', { name: 'Add claim' }).click()

  await expect(page.getByText('That quote does not appear in the article')).toBeVisible()
  await expect(quote).toHaveValue(`What is Nigeria's yearly national budget?`)
  await expect(page.getByRole('textbox', { name: 'Claimant' })).toHaveValue('A reporter')
  await expect(quote).toBeFocused()
})
