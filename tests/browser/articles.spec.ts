// Adding an article (pasted or read from a file), editing it, and finding it in the list.
import { test, expect, toast, JAVASCRIPT_OFF, openFromMenu } from './fixtures'

const BODY = [
  'The ferry company said on Friday that passenger numbers rose 9 percent in 2025.',
  'The new terminal, opened in May, cost 31 million euros according to the port authority.',
].join('\n\n')

test('a reporter pastes an article and lands on it, ready to mark claims', async ({ page, desk }) => {
  const reporter = await desk.user({ role: 'REPORTER' })
  const title = `Ferry numbers up ${Date.now().toString(36)}`
  await desk.signIn(page, reporter)
  await openFromMenu(page, 'Articles')
  await page.getByRole('link', { name: 'New article' }).click()
  await page.getByLabel('Title', { exact: true }).fill(title)
  await page.getByLabel('Outlet').fill('The Harbour Herald')
  await page.getByLabel('Text', { exact: true }).fill(BODY)
  await page.getByRole('button', { name: 'Save article' }).click()
  await expect(toast(page, 'Article added. Next, mark the claims to check.')).toBeVisible()
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
  await expect(page).toHaveURL(/\/articles\/[^/]+$/)
  await expect(page.locator('[data-article-body]')).toContainText('passenger numbers rose 9 percent')
})

test('says what is missing and keeps the pasted text', async ({ page, desk }) => {
  await desk.signInAs(page, 'REPORTER')
  await page.goto('/articles/new')
  await page.getByLabel('Text', { exact: true }).fill(BODY)
  await page.getByRole('button', { name: 'Save article' }).click()
  await expect(page.getByText('Give the article a title.')).toBeVisible()
  await expect(page.getByLabel('Title', { exact: true })).toHaveAttribute('aria-invalid', 'true')
  await expect(page.getByLabel('Text', { exact: true })).toHaveValue(BODY)
})

test('reads an uploaded text file into the form, then saves it', async ({ page, desk }) => {
  await desk.signInAs(page, 'REPORTER')
  await page.goto('/articles/new')
  await page
    .getByLabel('File')
    .setInputFiles({ name: 'ferry-report.txt', mimeType: 'text/plain', buffer: Buffer.from(BODY) })
  await page.getByRole('button', { name: 'Read file' }).click()
  await expect(
    page.getByText('Read ferry-report.txt. Check the title, the details and the text below, then save.'),
  ).toBeVisible()
  await expect(page.getByLabel('Text', { exact: true })).toHaveValue(BODY)
  const title = `Ferry report from a file ${Date.now().toString(36)}`
  await page.getByLabel('Title', { exact: true }).fill(title)
  await page.getByRole('button', { name: 'Save article' }).click()
  await expect(toast(page, 'Article added. Next, mark the claims to check.')).toBeVisible()
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
})

test('refuses a file type it cannot read, with a message beside the file field', async ({ page, desk }) => {
  await desk.signInAs(page, 'REPORTER')
  await page.goto('/articles/new')
  await page.getByLabel('Title', { exact: true }).fill('Kept while the file is refused')
  await page
    .getByLabel('File')
    .setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47]) })
  await page.getByRole('button', { name: 'Read file' }).click()
  await expect(page.getByLabel('File')).toHaveAttribute('aria-invalid', 'true')
  await expect(page.getByLabel('Title', { exact: true })).toHaveValue('Kept while the file is refused')
})

test('the author edits the title and outlet of an article', async ({ page, desk }) => {
  const reporter = await desk.user({ role: 'REPORTER' })
  const article = await desk.article({ by: reporter })
  await desk.signIn(page, reporter)
  await page.goto(`/articles/${article.id}`)
  await page.getByRole('link', { name: 'Edit article' }).click()
  await expect(page.getByRole('heading', { name: 'Edit article' })).toBeVisible()
  await page.getByLabel('Title', { exact: true }).fill(`${article.title} (updated)`)
  await page.getByLabel('Outlet').fill('The Evening Quay')
  await page.getByRole('button', { name: 'Save changes' }).click()
  await expect(toast(page, 'Article saved.')).toBeVisible()
  await expect(page.getByRole('heading', { level: 1, name: `${article.title} (updated)` })).toBeVisible()
  await expect(page.getByText('The Evening Quay')).toBeVisible()
})

test('finds an article by its title in the list', async ({ page, desk }) => {
  const reporter = await desk.user({ role: 'REPORTER' })
  const article = await desk.article({ by: reporter, title: `Lighthouse restoration ${Date.now().toString(36)}` })
  await desk.signIn(page, reporter)
  await page.goto('/articles')
  await page.getByLabel('Search by title or outlet').fill(article.title)
  await page.getByRole('button', { name: 'Search', exact: true }).click()
  await expect(page.getByText(`Articles whose title or outlet contains “${article.title}”`)).toBeVisible()
  await expect(page.getByRole('link', { name: article.title })).toBeVisible()
  await page.getByRole('link', { name: 'Clear search' }).click()
  await expect(page).toHaveURL(/\/articles$/)
})

test.describe('without JavaScript', () => {
  test.use(JAVASCRIPT_OFF)

  test('pastes and saves an article', async ({ page, desk }) => {
    const reporter = await desk.user({ role: 'REPORTER' })
    const title = `Ferry numbers, no scripts ${Date.now().toString(36)}`
    await desk.signIn(page, reporter)
    await page.goto('/articles/new')
    await page.getByLabel('Title', { exact: true }).fill(title)
    await page.getByLabel('Text', { exact: true }).fill(BODY)
    await page.getByRole('button', { name: 'Save article' }).click()
    await expect(toast(page, 'Article added. Next, mark the claims to check.')).toBeVisible()
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
  })
})
