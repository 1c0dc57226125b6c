// "Checked before": a claim worded differently from one the desk approved in another article is offered
// that claim (on the suggestions list and in its panel) and can start from it; an editor imports
// another fact-checker's ClaimReview file.
import { test, expect, toast, openFromMenu } from './fixtures'

const APPROVED = 'Ukraine and Russia exchanged 1,200 prisoners of war on Sunday, the largest swap of the war.'
const LATER = 'On Sunday Russia and Ukraine swapped 1,200 prisoners of war, officials said.'

test('a new claim worded differently from an approved one is offered it, and starts from it', async ({
  page,
  desk,
}) => {
  const editor = await desk.user({ role: 'EDITOR' })
  const earlier = await desk.article({ by: editor, title: 'The great exchange', body: `${APPROVED} Talks continue.` })
  await desk.claim({
    article: earlier,
    by: editor,
    quote: APPROVED,
    status: 'APPROVED',
    verdict: 'FALSE',
    rationale: 'The ministry counted 800.',
  })
  const checker = await desk.user({ role: 'FACT_CHECKER' })
  const article = await desk.article({
    by: checker,
    title: 'Weekend in review',
    body: `${LATER}\n\nThe weather was mild for the season.`,
  })
  await desk.signIn(page, checker)
  await page.goto(`/articles/${article.id}`)

  // The suggestion list already knows the sentence was checked.
  const suggestions = page.getByRole('complementary', { name: 'Suggested claims' })
  await expect(suggestions.getByText('Checked before: False')).toBeVisible()

  await page.getByRole('link', { name: 'add a claim by typing the quote' }).first().click()
  await page.getByLabel('Quote').fill(LATER)
  await page.getByRole('button', { name: 'Add claim' }).click()
  await expect(toast(page, 'Claim added.')).toBeVisible()
  // The new claim opens in the panel: what was checked before is in view without another click.
  await expect(page).toHaveURL(new RegExp(`/articles/${article.id}/claims/\\w+#quote-`))

  const section = page.getByRole('region', { name: 'Checked before' })
  const match = section.getByRole('list', { name: 'Approved claims that match' }).getByRole('listitem')
  await expect(match).toHaveCount(1)
  await expect(match.getByRole('link', { name: APPROVED })).toBeVisible()
  await expect(match.getByText('False', { exact: true })).toBeVisible()
  await expect(match.getByText('in The great exchange')).toBeVisible()

  await page.setViewportSize({ width: 1280, height: 900 })
  await section.scrollIntoViewIfNeeded()
  await page.screenshot({ path: 'test-results/checked-before-1280.png' })
  await page.setViewportSize({ width: 390, height: 844 })
  await section.scrollIntoViewIfNeeded()
  await page.screenshot({ path: 'test-results/checked-before-390.png' })
  await page.setViewportSize({ width: 1280, height: 900 })

  await match.getByRole('button', { name: 'Use as a starting point' }).click()
  await expect(section.getByText('1 source copied; the verdict and rationale are in your draft.')).toBeVisible()
  await expect(page.getByRole('region', { name: /^Sources \(1\)/ })).toBeVisible()

  // The claim keeps its status; the verdict waits in the draft of the proposal.
  await page.getByRole('button', { name: 'Start research', exact: true }).click()
  const proposal = page.locator('#workflow-propose')
  await expect(proposal.getByLabel('Verdict', { exact: true })).toHaveValue('FALSE')
  await expect(proposal.getByLabel('Rationale', { exact: true })).toHaveValue('The ministry counted 800.')
  await expect(proposal.getByText('Your unsent draft is back.')).toBeVisible()

  // The two are the same claim: grouped, each shows the other.
  await match.getByRole('button', { name: 'Same claim: group them' }).click()
  await expect(section.getByText('Grouped as the same claim.')).toBeVisible()
  await expect(
    section.getByRole('list', { name: 'Claims grouped with this one' }).getByRole('link', { name: APPROVED }),
  ).toBeVisible()
})

test('an editor imports a ClaimReview file from the fact-checks page', async ({ page, desk }) => {
  await desk.signInAs(page, 'EDITOR')
  await page.goto('/articles')
  await openFromMenu(page, 'Fact-checks')
  await expect(page.getByRole('heading', { level: 1, name: 'External fact-checks' })).toBeVisible()

  const review = {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    url: `https://fullfact.example/wheat-${Date.now()}`,
    claimReviewed: 'Ukraine exported no wheat at all in 2023.',
    author: { '@type': 'Organization', name: 'Full Fact' },
    reviewRating: { '@type': 'Rating', alternateName: 'False' },
  }
  await page.getByLabel('ClaimReview file').setInputFiles({
    name: 'reviews.json',
    mimeType: 'application/ld+json',
    buffer: Buffer.from('{"@type": "ClaimReview",'),
  })
  await page.getByRole('button', { name: 'Import file' }).click()
  await expect(page.getByText(/That is not valid JSON-LD/)).toBeVisible()

  await page.getByLabel('ClaimReview file').setInputFiles({
    name: 'reviews.json',
    mimeType: 'application/ld+json',
    buffer: Buffer.from(JSON.stringify(review)),
  })
  await page.getByRole('button', { name: 'Import file' }).click()
  await expect(toast(page, 'Imported 1 fact-check (1 new).')).toBeVisible()
  const imported = page
    .getByRole('list', { name: 'Imported fact-checks' })
    .getByRole('listitem')
    .filter({ hasText: review.claimReviewed })
  await expect(imported).toContainText('Full Fact')
  await expect(imported.getByRole('link', { name: 'Read the fact-check by Full Fact' })).toHaveAttribute(
    'href',
    review.url,
  )
  await page.screenshot({ path: 'test-results/fact-checks-1280.png', fullPage: true })
})
