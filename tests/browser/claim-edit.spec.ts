// The claim's own page for its details: saving changes and deleting an unreviewed claim.
import { test, expect, toast } from './fixtures'

test('the reporter who added a claim corrects its claimant and tags', async ({ page, desk }) => {
  const { article, claim } = await desk.openClaim(page)
  await page.getByRole('link', { name: 'Edit claim' }).click()
  await expect(page.getByRole('heading', { name: 'Edit claim' })).toBeVisible()
  await page.getByLabel('Claimant').fill('Harbour board')
  await page.getByLabel('Tags').fill('Shipping, statistics')
  await page.getByRole('button', { name: 'Save claim' }).click()
  await expect(toast(page, 'Claim saved.')).toBeVisible()
  await expect(page).toHaveURL(new RegExp(`/articles/${article.id}#claim-${claim.id}$`))
  // Back in the workspace with the claim's row in view; its panel shows what was saved.
  await expect(page.getByRole('complementary', { name: 'Claims (1)' }).locator(`#claim-${claim.id}`)).toBeInViewport()
  await page.locator(`#claim-${claim.id} > a`).click()
  const details = page.getByRole('region', { name: 'The claim' })
  await expect(details.getByText('Harbour board', { exact: true })).toBeVisible()
  await expect(details.getByText('shipping', { exact: true })).toBeVisible()
})

test('a claim with too many characters in a tag is refused beside the tags, keeping the typing', async ({
  page,
  desk,
}) => {
  await desk.openClaim(page, { edit: true })
  const tags = `fine, ${'x'.repeat(200)}`
  await page.getByLabel('Claimant').fill('Kept claimant')
  await page.getByLabel('Tags').fill(tags)
  await page.getByRole('button', { name: 'Save claim' }).click()
  await expect(page.getByLabel('Tags')).toHaveAttribute('aria-invalid', 'true')
  await expect(page.getByLabel('Claimant')).toHaveValue('Kept claimant')
})

test('deletes an unreviewed claim after confirming, and the article no longer lists it', async ({ page, desk }) => {
  const { article } = await desk.openClaim(page, { edit: true })
  await page.getByText('Delete…').click()
  await page.getByRole('button', { name: 'Yes, delete the claim' }).click()
  await expect(toast(page, 'Claim deleted. Its history is kept.')).toBeVisible()
  await expect(page).toHaveURL(new RegExp(`/articles/${article.id}$`))
  await expect(page.getByRole('complementary', { name: 'Claims (0)' })).toBeVisible()
})

test('says why a claim waiting for review cannot be edited', async ({ page, desk }) => {
  await desk.openClaim(page, { role: 'FACT_CHECKER', claim: { status: 'NEEDS_REVIEW' }, edit: true })
  await expect(page.getByText('This claim cannot be edited now')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Save claim' })).toHaveCount(0)
})
