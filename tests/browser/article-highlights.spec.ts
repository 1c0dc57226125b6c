// The article view marks each claim: by its status while it is checked, by its verdict once approved,
// and always in words as well as colour. A proposed verdict reads as a draft, never as a finding.
import type { Page } from '@playwright/test'
import { test, expect, type ClaimOptions, type Desk, type DeskClaim } from './fixtures'

const OPENING = 'The council said the new library will open in June with 80,000 books.'
const CRIME = 'Crime has doubled since the new mayor took office, the opposition claimed.'
const CENSUS = 'The census counted 1.2 million residents in 2024.'
const GOVERNOR = 'Unemployment is the lowest in the country, the governor said.'
const BODY = [OPENING, CRIME, CENSUS, GOVERNOR].join(' ')

type Claims<Name extends string> = Record<Name, Omit<ClaimOptions, 'article' | 'by'>>

/** An editor, signed in, on an article of BODY with these claims of theirs, made in this order; returns them by name. */
async function openArticle<Name extends string>(page: Page, desk: Desk, claims: Claims<Name>) {
  const editor = await desk.user({ role: 'EDITOR' })
  const article = await desk.article({ by: editor, body: BODY })
  const made = {} as Record<Name, DeskClaim>
  for (const [name, options] of Object.entries(claims) as Array<[Name, Claims<Name>[Name]]>)
    made[name] = await desk.claim({ ...options, article, by: editor })
  await desk.signIn(page, editor)
  await page.goto(`/articles/${article.id}`)
  return made
}

test('an approved Misleading claim is marked and named in its colour, not in True’s green', async ({ page, desk }) => {
  const { misleading, truthful } = await openArticle(page, desk, {
    misleading: { quote: CRIME, status: 'APPROVED', verdict: 'MISLEADING' },
    truthful: { quote: CENSUS, status: 'APPROVED', verdict: 'TRUE' },
  })

  const text = page.getByRole('article', { name: 'Article text' })
  // Claims are numbered in body order: the crime sentence is claim 1, the census claim 2.
  await expect(text.getByRole('link', { name: 'Claim 1: Approved, Misleading' })).toHaveText('1 · Misleading')
  await expect(text.getByRole('link', { name: 'Claim 2: Approved, True' })).toHaveText('2 · True')

  // Where each claim's highlight starts.
  const crime = text.locator(`#quote-${misleading.id}`)
  const census = text.locator(`#quote-${truthful.id}`)
  const colour = (locator: typeof crime) => locator.evaluate((element) => getComputedStyle(element).backgroundColor)
  expect(await colour(crime)).not.toBe(await colour(census))
  // The legend's swatch for each verdict is drawn the same way as the text.
  const legend = page.getByRole('list', { name: /Approved, in the colour of its verdict/ })
  expect(await colour(crime)).toBe(await colour(legend.getByText('Misleading', { exact: true })))
  expect(await colour(census)).toBe(await colour(legend.getByText('True', { exact: true })))

  // The list beside the text agrees.
  const item = page.locator(`#claim-${misleading.id}`)
  for (const word of ['Approved', 'Misleading']) await expect(item.getByText(word, { exact: true })).toBeVisible()
})

test('a proposed verdict is shown as a draft in the text, the claim list, the credibility summary and the panel', async ({
  page,
  desk,
}) => {
  const { draft, approved } = await openArticle(page, desk, {
    draft: { quote: GOVERNOR, status: 'NEEDS_REVIEW', verdict: 'MISLEADING' },
    approved: { quote: CRIME, status: 'APPROVED', verdict: 'MISLEADING' },
    researched: { quote: OPENING, status: 'IN_RESEARCH' },
  })

  const text = page.getByRole('article', { name: 'Article text' })
  await expect(text.getByRole('link', { name: 'Claim 3: Needs review, Draft: Misleading' })).toHaveText(
    '3 · Draft: Misleading',
  )
  // A claim still in research shows its number only, marked in its status colour.
  await expect(text.getByRole('link', { name: 'Claim 1: In research' })).toHaveText('1')

  const governor = text.locator(`#quote-${draft.id}`)
  const crime = text.locator(`#quote-${approved.id}`)
  const style = (locator: typeof crime) =>
    locator.evaluate((element) => {
      const css = getComputedStyle(element)
      return `${css.backgroundColor} ${css.textDecorationColor} ${css.textDecorationStyle}`
    })
  expect(await style(governor)).not.toBe(await style(crime))
  expect(await style(governor)).toBe(
    await style(page.getByRole('list', { name: /while a claim is checked/ }).getByText('Needs review')),
  )

  await expect(page.locator(`#claim-${draft.id}`).getByText('Draft: Misleading')).toBeVisible()
  // The credibility summary counts only the approved Misleading; the draft is among those not yet approved.
  const verdicts = page.getByTestId('article-credibility').getByRole('listitem')
  await expect(verdicts.filter({ hasText: 'Misleading' })).toHaveText('Misleading1')
  await expect(verdicts.filter({ hasText: 'Not yet approved' })).toHaveText('Not yet approved2')
  // And the claim's panel names it a draft.
  await text.getByRole('link', { name: 'Claim 3: Needs review, Draft: Misleading' }).click()
  await expect(page.locator('#claim-panel').getByText('Draft: Misleading').first()).toBeVisible()
})

test('the claim’s panel and the queue show a proposed verdict as a draft', async ({ page, desk }) => {
  // Proposed by the editor, so it is in the editor's own queue ("Assigned to me").
  const { claim } = await openArticle(page, desk, {
    claim: { quote: GOVERNOR, status: 'NEEDS_REVIEW', verdict: 'FALSE' },
  })
  await page.goto(`/claims/${claim.id}`)
  await expect(page.getByRole('definition').filter({ hasText: 'Draft: False' })).toBeVisible()
  // In the panel's header and in the claim's details.
  await expect(page.locator('#claim-panel').getByText('Draft: False')).toHaveCount(2)

  await page.goto('/queue')
  const mine = page.getByRole('region', { name: /Assigned to me/ })
  await expect(mine.getByRole('listitem').filter({ hasText: GOVERNOR }).getByText('Draft: False')).toBeVisible()
})
