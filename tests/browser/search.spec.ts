// Searching the desk from the header: `/` puts the cursor in the box (not in the workspace, whose `/`
// searches its own list), a near spelling finds the claim, the matched word is marked, and a result opens.
import { test, expect, JAVASCRIPT_OFF, type Desk } from './fixtures'

const word = () => `zorbulite${Math.random().toString(36).slice(2, 7)}`

async function deskWithFinding(desk: Desk, mineral: string) {
  const editor = await desk.user({ role: 'EDITOR' })
  const body = `Officials said ${mineral} exports doubled in 2025. The port handled 3 million tonnes.`
  const title = `Mining report on ${mineral}: the harbour authority's export figures for the whole of 2025`
  const article = await desk.article({ by: editor, title, body })
  const claim = await desk.claim({
    article,
    by: editor,
    quote: `Officials said ${mineral} exports doubled in 2025`,
    status: 'APPROVED',
    verdict: 'MISLEADING',
    claimant: 'Trade ministry',
    tags: ['trade'],
  })
  return { editor, article, claim }
}

test('`/` focuses the header search; a misspelt word finds the claim, marked, and the result opens it', async ({
  page,
  desk,
}) => {
  const mineral = word()
  const { editor, article, claim } = await deskWithFinding(desk, mineral)
  await desk.signIn(page, editor)
  await page.goto('/queue')
  await page.keyboard.press('/')
  const box = page.getByRole('searchbox', { name: 'Search claims, sources and articles' })
  await expect(box).toBeFocused()
  // One letter dropped from the word: found by its spelling.
  const typo = mineral.slice(0, 4) + mineral.slice(5)
  await box.fill(typo)
  await box.press('Enter')
  await expect(page).toHaveURL(new RegExp(`/search\\?q=${typo}$`))
  const results = page.getByRole('region', { name: /match/ })
  const card = results.getByRole('article', { name: claim.quote })
  await expect(card).toBeVisible()
  await expect(card.locator('mark')).toHaveText(mineral)
  await expect(card.getByText('Approved', { exact: true })).toBeVisible()
  await expect(card.getByText('Misleading', { exact: true })).toBeVisible()
  await expect(results.getByRole('article', { name: `Mining report on ${mineral}` })).toBeVisible()

  // Facets narrow the results to claims, and say how many there are.
  const facets = page.getByRole('navigation', { name: 'Narrow the search' })
  await facets.getByRole('link', { name: 'Claims 1 results' }).click()
  await expect(page).toHaveURL(/type=claim/)
  await expect(results.getByRole('article')).toHaveCount(1)

  await page.setViewportSize({ width: 1280, height: 900 })
  await page.screenshot({ path: 'test-results/search-1280.png', fullPage: true })
  await page.setViewportSize({ width: 390, height: 844 })
  await expect(box).toBeVisible()
  // On a phone the results and facets fit the width: nothing, not a long title in a facet, scrolls sideways.
  const [scrollWidth, width] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth])
  expect(scrollWidth).toBeLessThanOrEqual(width)
  await page.screenshot({ path: 'test-results/search-390.png', fullPage: true })
  await page.setViewportSize({ width: 1280, height: 900 })

  await card.getByRole('link', { name: claim.quote }).click()
  await expect(page).toHaveURL(new RegExp(`/articles/${article.id}/claims/${claim.id}$`))
})

test('in the workspace `/` still searches the claim list, and the header box stays as it was', async ({
  page,
  desk,
}) => {
  const { editor, article } = await deskWithFinding(desk, word())
  await desk.signIn(page, editor)
  await page.goto(`/articles/${article.id}`)
  await page.keyboard.press('/')
  await expect(page.getByRole('searchbox', { name: 'Search the claims' })).toBeFocused()
  await expect(page.getByRole('searchbox', { name: 'Search claims, sources and articles' })).not.toBeFocused()
})

test('a search that cannot be run says why', async ({ page, desk }) => {
  await desk.signInAs(page, 'REPORTER')
  await page.goto('/search?q=-everything')
  await expect(page.getByText('Add a word to look for: words after a minus sign are only left out.')).toBeVisible()
  await expect(page.getByRole('searchbox', { name: 'Search the desk' })).toHaveAttribute('aria-invalid', 'true')
})

test.describe('without JavaScript', () => {
  test.use(JAVASCRIPT_OFF)

  test('the header search is a form that finds the claim', async ({ page, desk }) => {
    const mineral = word()
    const { editor, claim } = await deskWithFinding(desk, mineral)
    await desk.signIn(page, editor)
    await page.goto('/dashboard')
    const box = page.getByRole('searchbox', { name: 'Search claims, sources and articles' })
    await box.fill(mineral)
    await box.press('Enter')
    await expect(page.getByRole('link', { name: claim.quote })).toBeVisible()
  })
})
