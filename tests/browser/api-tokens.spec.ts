// A fact-checker makes a personal API token on the account page, sees it once, uses it, and revokes it.
import { test, expect, toast, JAVASCRIPT_OFF } from './fixtures'

const LONG_NAME = 'Nightly sync of approved claims into the newsroom’s archive and the partner desks’ shared sheet'

test('a fact-checker makes an API token, sees it once, uses it and revokes it', async ({
  page,
  desk,
  request,
  baseURL,
}) => {
  const checker = await desk.signInAs(page, 'FACT_CHECKER')
  const article = await desk.article({ by: checker, title: 'API desk article' })
  await desk.claim({ article, by: checker })
  await page.goto('/account')
  const section = page.getByRole('region', { name: 'API tokens' })
  await expect(section.getByText('You have no API tokens.')).toBeVisible()

  // Nothing chosen to read: the form says so beside the field and makes nothing.
  await section.getByLabel('Name', { exact: true }).fill('Newsletter script')
  await section.getByRole('button', { name: 'Make token' }).click()
  await expect(section.getByText('Choose what the token may read.')).toBeVisible()

  await section.getByLabel(/Read claims/).check()
  await section.getByLabel('Expires').selectOption('30')
  await section.getByRole('button', { name: 'Make token' }).click()
  const shown = section.getByLabel('Your new token')
  await expect(shown).toHaveValue(/^fdk_[A-Za-z0-9_-]{43}$/)
  const token = await shown.inputValue()
  await expect(section.getByRole('status')).toContainText('it is not shown again')
  const list = section.getByRole('list', { name: 'Your API tokens' })
  await expect(list.getByRole('listitem')).toHaveCount(1)
  await expect(list).toContainText('Newsletter script')
  await expect(list).toContainText('Read claims')
  await expect(list).toContainText('never used')
  await expect(list).toContainText(token.slice(0, 10))
  await expect(list).not.toContainText(token)

  // The token reads the API; the page's session cookie alone does not.
  const withToken = await request.get('/api/v1/claims?scope=any&limit=100', {
    headers: { Authorization: `Bearer ${token}` },
  })
  expect(withToken.status()).toBe(200)
  expect(((await withToken.json()) as { data: unknown[] }).data.length).toBeGreaterThan(0)
  const articles = await request.get('/api/v1/articles', { headers: { Authorization: `Bearer ${token}` } })
  expect(articles.status()).toBe(403)
  expect(await articles.json()).toMatchObject({ error: { code: 'forbidden_scope' } })
  const fromPage = await page.evaluate(async () => (await fetch('/api/v1/claims')).status)
  expect(fromPage).toBe(401)
  const post = await request.post('/api/v1/claims', {
    headers: { Authorization: `Bearer ${token}`, Origin: 'https://evil.example' },
    form: { name: 'x' },
  })
  expect(post.status()).toBe(405)
  expect(await post.json()).toMatchObject({ error: { code: 'method_not_allowed' } })
  for (const address of ['/api/nothing/here', '/api']) {
    const missing = await request.get(address)
    expect(missing.status()).toBe(404)
    expect((await missing.json()) as object).toMatchObject({ error: { code: 'not_found' } })
  }

  // Shown once: after a reload it is gone; the list says it was used.
  await page.reload()
  await expect(section.getByLabel('Your new token')).toHaveCount(0)
  await expect(list).toContainText('last used')

  // A long name wraps inside its row; Revoke stays beside it, at every width.
  await section.getByLabel('Name', { exact: true }).fill(LONG_NAME)
  await section.getByLabel(/Read articles/).check()
  await section.getByRole('button', { name: 'Make token' }).click()
  await expect(section.getByLabel('Your new token')).toBeVisible()
  await expect(list.getByRole('listitem')).toHaveCount(2)
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 })
    const row = list.getByRole('listitem').filter({ hasText: LONG_NAME })
    const name = row.getByText(LONG_NAME, { exact: true })
    const revoke = row.getByRole('button', { name: `Revoke ${LONG_NAME}` })
    const [rowBox, nameBox, revokeBox] = [await row.boundingBox(), await name.boundingBox(), await revoke.boundingBox()]
    // Side by side: the button is right of the whole name, beside the row's text rather than below it.
    expect(revokeBox!.x).toBeGreaterThan(nameBox!.x + nameBox!.width - 1)
    expect(revokeBox!.y + revokeBox!.height / 2).toBeLessThan(rowBox!.y + rowBox!.height * 0.75)
    expect(revokeBox!.x + revokeBox!.width).toBeLessThanOrEqual(rowBox!.x + rowBox!.width + 1)
    await section.screenshot({ path: `test-results/api-tokens-${width}.png` })
  }
  await page.setViewportSize({ width: 1280, height: 900 })

  // Revoked: gone from the list, and the API refuses it.
  await list.getByRole('button', { name: 'Revoke Newsletter script' }).click()
  await expect(toast(page, 'Token “Newsletter script” revoked.')).toBeVisible()
  await expect(list.getByRole('listitem')).toHaveCount(1)
  await expect(list).not.toContainText('Newsletter script')
  const afterRevoke = await request.get('/api/v1/claims', { headers: { Authorization: `Bearer ${token}` } })
  expect(afterRevoke.status()).toBe(401)
  expect(await afterRevoke.json()).toMatchObject({ error: { code: 'unauthorized' } })
  expect(baseURL).toBeTruthy()
})

test.describe('without JavaScript', () => {
  test.use(JAVASCRIPT_OFF)

  test('a token is made and shown once, and revoked, with plain form posts', async ({ page, desk, request }) => {
    await desk.signInAs(page, 'REPORTER')
    await page.goto('/account')
    const section = page.getByRole('region', { name: 'API tokens' })
    await section.getByLabel('Name', { exact: true }).fill('Spreadsheet import')
    await section.getByLabel(/Read articles/).check()
    await section.getByRole('button', { name: 'Make token' }).click()
    const token = await section.getByLabel('Your new token').inputValue()
    expect(token).toMatch(/^fdk_/)
    const articles = await request.get('/api/v1/articles', { headers: { Authorization: `Bearer ${token}` } })
    expect(articles.status()).toBe(200)
    await section.getByRole('button', { name: 'Revoke Spreadsheet import' }).click()
    await expect(toast(page, 'Token “Spreadsheet import” revoked.')).toBeVisible()
    await expect(section.getByText('You have no API tokens.')).toBeVisible()
    const refused = await request.get('/api/v1/articles', { headers: { Authorization: `Bearer ${token}` } })
    expect(refused.status()).toBe(401)
  })
})
