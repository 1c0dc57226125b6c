// The desk on a phone (390 px wide) and the small things every page gets right: a one-row header whose
// menu reaches every page by keyboard, titles that wrap between words, quotes not doubled, a named 404.
import { test, expect } from './fixtures'

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } })

  test('the header is one row and its menu reaches Export and Admin, by keyboard too', async ({ page, desk }) => {
    await desk.signInAs(page, 'ADMIN')
    const header = page.getByRole('banner')
    const box = await header.boundingBox()
    expect(box!.height).toBeLessThan(80)

    const menu = page.getByText('Menu', { exact: true })
    await menu.focus()
    await page.keyboard.press('Enter')
    const navigation = page.getByRole('navigation', { name: 'Main' })
    for (const label of ['Articles', 'Queue', 'Dashboard', 'Sources', 'Export', 'Admin']) {
      await expect(navigation.getByRole('link', { name: label, exact: true })).toBeInViewport()
    }
    await page.keyboard.press('Escape')
    await expect(navigation).toBeHidden()
    await expect(menu).toBeFocused()

    await page.keyboard.press('Enter')
    await navigation.getByRole('link', { name: 'Export', exact: true }).click()
    await expect(page).toHaveURL(/\/export$/)
    await expect(page.getByRole('heading', { name: 'Export claims' })).toBeVisible()
    // The menu closes once the page it led to is open.
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden()
  })

  test('source titles wrap between words, not a few letters a line', async ({ page, desk }) => {
    const editor = await desk.user({ role: 'EDITOR' })
    const source = await desk.source({ title: `Harbour authority annual statistics report ${Date.now().toString(36)}` })
    await desk.signIn(page, editor)
    await page.goto(`/sources?q=${encodeURIComponent(source.title)}`)
    const title = page.getByRole('heading', { name: source.title })
    await expect(title).toBeVisible()
    // Wide enough for "statistics" on one line: the title is given most of the card, the rating goes below.
    expect((await title.boundingBox())!.width).toBeGreaterThan(250)
  })

  test('Admin › Users folds each person into a card instead of scrolling the page sideways', async ({ page, desk }) => {
    const admin = await desk.signInAs(page, 'ADMIN')
    await page.goto(`/admin/users?q=${encodeURIComponent(admin.email)}`)
    const save = page.getByRole('button', { name: `Save role of ${admin.name}` })
    await expect(save).toBeInViewport()
    await expect(page.getByRole('button', { name: `Deactivate ${admin.name}` })).toBeInViewport()
    const [scrollWidth, width] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth])
    expect(scrollWidth).toBeLessThanOrEqual(width)
  })
})

test('the activity feed quotes a claim that is itself a quotation once', async ({ page, desk }) => {
  const editor = await desk.user({ role: 'EDITOR' })
  const tag = `quotes-${Date.now().toString(36)}`
  const article = await desk.article({
    by: editor,
    body: 'The minister promised to act “on all fronts” before winter.',
  })
  await desk.claim({ article, by: editor, quote: '“on all fronts”', tags: [tag] })
  await desk.signIn(page, editor)
  await page.goto(`/dashboard?tag=${tag}`)
  const activity = page.getByTestId('activity')
  await expect(activity.getByRole('link', { name: '“on all fronts”', exact: true })).toBeVisible()
  await expect(activity).not.toContainText('““')
})

test('the 404 page has a title naming it', async ({ page, desk, guard }) => {
  guard.allowStatus(404)
  await desk.signInAs(page, 'REPORTER')
  await page.goto('/no/such/page')
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible()
  await expect(page).toHaveTitle('Page not found · Factdesk')
})

test('the header opens a section without reloading the page and marks it as the current one', async ({
  page,
  desk,
}) => {
  await desk.signInAs(page, 'EDITOR')
  await page.goto('/articles')
  const navigation = page.getByRole('navigation', { name: 'Main' })
  await expect(navigation.getByRole('link', { name: 'Articles', exact: true })).toHaveAttribute('aria-current', 'page')
  // A value kept on the window survives a navigation on the client, not a new document.
  await page.evaluate(() => Object.assign(window, { keptAcrossNavigation: 'yes' }))
  await navigation.getByRole('link', { name: 'Queue', exact: true }).click()
  await expect(page).toHaveURL(/\/queue$/)
  await expect(page.getByRole('heading', { name: 'Queue', level: 1 })).toBeVisible()
  expect(await page.evaluate(() => (window as unknown as { keptAcrossNavigation?: string }).keptAcrossNavigation)).toBe(
    'yes',
  )
  await expect(navigation.getByRole('link', { name: 'Queue', exact: true })).toHaveAttribute('aria-current', 'page')
  await expect(navigation.getByRole('link', { name: 'Articles', exact: true })).not.toHaveAttribute('aria-current')

  // By keyboard too: Enter on a focused link is a click.
  await navigation.getByRole('link', { name: 'Dashboard', exact: true }).focus()
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/\/dashboard$/)
  expect(await page.evaluate(() => (window as unknown as { keptAcrossNavigation?: string }).keptAcrossNavigation)).toBe(
    'yes',
  )

  // The bell is a header link like the others.
  await page.getByTestId('notification-bell').click()
  await expect(page).toHaveURL(/\/notifications$/)
  await expect(page.getByTestId('notification-bell')).toHaveAttribute('aria-current', 'page')
  expect(await page.evaluate(() => (window as unknown as { keptAcrossNavigation?: string }).keptAcrossNavigation)).toBe(
    'yes',
  )
})
