// Suggested claims ranked by the trained model: a fact-checker splits a suggestion that states two
// checkable facts into two claims, one for each fact, and the sentence is no longer suggested.
import type { Page } from '@playwright/test'
import { test, expect, toast } from './fixtures'

const FIRST_FACT = 'The ministry said rice output rose from five million to 11 million tonnes between 2015 and 2023'
const SECOND_FACT = 'the new mills cut the import bill by 90 per cent.'
const BODY = [
  `${FIRST_FACT}, and ${SECOND_FACT}`,
  'Farmers in the delta welcomed the news with a quiet sense of relief.',
  'Critics say the subsidy costs $2 billion a year.',
].join('\n\n')

async function highlightedText(page: Page, title: string) {
  return (await page.locator(`[data-article-body] mark[title="${title}"]`).allTextContents()).join('')
}

test('a fact-checker splits a suggestion stating two facts into two claims', async ({ page, desk }) => {
  const checker = await desk.signInAs(page, 'FACT_CHECKER')
  const article = await desk.article({ by: checker, body: BODY })
  await page.goto(`/articles/${article.id}`)

  const suggestions = page.getByRole('complementary', { name: 'Suggested claims' })
  const split = suggestions.getByRole('button', { name: /^Split into 2 claims of the suggestion: The ministry/ })
  const row = suggestions.locator('li', { has: page.getByRole('button', { name: /^Split into 2 claims/ }) })
  await expect(row.getByText('States 2 checkable facts:')).toBeVisible()
  await expect(row.getByRole('list', { name: 'Checkable facts it states' }).getByRole('listitem')).toHaveText([
    FIRST_FACT,
    SECOND_FACT,
  ])
  // The figures are the evidence shown; the other sentences state one fact or none and cannot be split.
  await expect(row.getByRole('list', { name: 'Why it was suggested' })).toContainText('11 million')
  await expect(split).toHaveCount(1)

  await split.click()
  await expect(toast(page, 'Suggestion split into two claims.')).toBeVisible()
  await expect(page.getByRole('complementary', { name: 'Claims (2)' })).toBeVisible()
  await expect.poll(() => highlightedText(page, 'Claim 1: Unreviewed')).toBe(FIRST_FACT)
  await expect.poll(() => highlightedText(page, 'Claim 2: Unreviewed')).toBe(SECOND_FACT)
  await expect(suggestions.getByText('cut the import bill')).toHaveCount(0)
  await expect(suggestions.getByText('Critics say the subsidy costs $2 billion a year.', { exact: true })).toBeVisible()

  const claims = await desk.query<{ quote: string; checkworthiness: number }>(
    'SELECT quote, checkworthiness FROM "Claim" WHERE "articleId" = $1 ORDER BY "startOffset"',
    [article.id],
  )
  expect(claims.map((claim) => claim.quote)).toEqual([FIRST_FACT, SECOND_FACT])
  for (const claim of claims) expect(claim.checkworthiness).toBeGreaterThan(0)
})
