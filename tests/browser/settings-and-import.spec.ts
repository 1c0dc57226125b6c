// Desk settings and importing an article from its web address. The allow-list is one desk-wide
// setting, so these tests run one after another; each keeps the entries it found.
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { expect, test, toast } from './fixtures'

test.describe.configure({ mode: 'serial' })

const STORY = `<!doctype html><html><head><title>Ferry line approved</title>
<meta property="og:site_name" content="Island Courier"><meta name="author" content="Mara Lind"></head>
<body><article><h1>Ferry line approved</h1>
<p>The council approved the new ferry line on Tuesday by 31 votes to 4, the mayor said.</p>
<p>The first boats will sail in April, according to the transport office, and the fare will be 3 euros.</p>
</article></body></html>`

/** A news site on this machine, for the import to read. */
async function startStorySite() {
  const server = http.createServer((_request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
    response.end(STORY)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    host: `127.0.0.1:${port}`,
    url: `http://127.0.0.1:${port}/news/ferry-line`,
    close: () => new Promise((resolve) => server.close(resolve)),
  }
}

test('an admin adds a host to the allow-list, and a reporter imports an article from it', async ({
  page,
  desk,
  browser,
}) => {
  const site = await startStorySite()
  try {
    const admin = await desk.signInAs(page, 'ADMIN')
    await page.goto('/admin/settings')
    const allowList = page.getByLabel('Allowed hosts')
    const existing = (await allowList.inputValue()).trim()
    await allowList.fill([existing, site.host].filter(Boolean).join('\n'))
    await page.getByRole('button', { name: 'Save settings' }).click()
    await expect(toast(page, 'Settings saved.')).toBeVisible()
    await expect(allowList).toHaveValue(new RegExp(site.host.replace(/\./g, '\\.')))
    await expect(page.getByText(`by ${admin.name}.`)).toBeVisible()

    const reporterContext = await browser.newContext()
    const reporterPage = await reporterContext.newPage()
    const reporter = await desk.user({ role: 'REPORTER' })
    await desk.signIn(reporterPage, reporter)
    await reporterPage.goto('/articles/new')
    await reporterPage.getByLabel('Web address').fill(site.url)
    await reporterPage.getByRole('button', { name: 'Import from URL' }).click()
    await expect(
      reporterPage.getByText(`Imported from ${site.host}. Check the title, the details and the text below, then save.`),
    ).toBeVisible()
    await expect(reporterPage.getByLabel('Title', { exact: true })).toHaveValue('Ferry line approved')
    await expect(reporterPage.getByLabel('Text', { exact: true })).toHaveValue(
      /approved the new ferry line on Tuesday by 31 votes to 4/,
    )
    await reporterPage.getByLabel('Title', { exact: true }).fill(`Ferry line approved ${Date.now().toString(36)}`)
    await reporterPage.getByRole('button', { name: 'Save article' }).click()
    await expect(toast(reporterPage, 'Article added. Next, mark the claims to check.')).toBeVisible()
    await reporterContext.close()
  } finally {
    await site.close()
  }
})

test('refuses to import from a local address that is not on the allow-list', async ({ page, desk }) => {
  const site = await startStorySite()
  try {
    await desk.signInAs(page, 'REPORTER')
    await page.goto('/articles/new')
    await page.getByLabel('Web address').fill(site.url)
    await page.getByRole('button', { name: 'Import from URL' }).click()
    await expect(
      page.getByText('That address points to a private or local network and cannot be imported.'),
    ).toBeVisible()
    await expect(page.getByLabel('Web address')).toHaveValue(site.url)
  } finally {
    await site.close()
  }
})

test('explains an allow-list line that is not a host, keeping what was typed', async ({ page, desk }) => {
  await desk.signInAs(page, 'ADMIN')
  await page.goto('/admin/settings')
  const allowList = page.getByLabel('Allowed hosts')
  const typed = `${(await allowList.inputValue()).trim()}\nhttps://intranet.example.org/cms`.trim()
  await allowList.fill(typed)
  await page.getByRole('button', { name: 'Save settings' }).click()
  await expect(page.getByText(/write the host only, without http:\/\//)).toBeVisible()
  await expect(allowList).toHaveValue(typed)
})

test('saves the organization name that exports name as the author', async ({ page, desk }) => {
  await desk.signInAs(page, 'ADMIN')
  await page.goto('/admin/settings')
  const name = page.getByLabel('Name', { exact: true })
  const before = await name.inputValue()
  await name.fill('Factdesk Harbour Desk')
  await page.getByRole('button', { name: 'Save settings' }).click()
  await expect(toast(page, 'Settings saved.')).toBeVisible()
  await expect(name).toHaveValue('Factdesk Harbour Desk')
  // Put it back as the desk had it.
  await name.fill(before)
  await page.getByRole('button', { name: 'Save settings' }).click()
  await expect(toast(page, 'Settings saved.')).toBeVisible()
})
