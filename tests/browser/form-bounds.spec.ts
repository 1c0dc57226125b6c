// Hostile or oversize input seen from the browser: the desk answers with a page that says what happened and
// what to do, and nothing is saved. Raw requests check the server's own edge (methods, NUL, unread bodies).
import net from 'node:net'
import { test, expect, JAVASCRIPT_OFF } from './fixtures'

test('a shared export link with a list index in the hundreds of thousands gets a short page saying what to do', async ({
  page,
  desk,
}) => {
  await desk.signInAs(page, 'EDITOR')
  const response = await page.goto('/export?verdict[300000]=TRUE')
  expect(response?.status()).toBe(400)
  await expect(page.getByText('This address has more in it than the page can read.')).toBeVisible()
  await expect(page).toHaveTitle('The request could not be read · Factdesk')
  await expect(page.getByRole('link', { name: 'Back to the desk' })).toBeVisible()
  expect((await response!.body()).length).toBeLessThan(64 * 1024)
})

test('an address with a NUL in it gets a 400 page instead of a server error', async ({ page }) => {
  for (const address of ['/claims/%00', '/articles?q=%00']) {
    const response = await page.goto(address)
    expect(response?.status()).toBe(400)
    await expect(page.getByText('this address has a character the desk cannot read')).toBeVisible()
  }
})

test('a comment with a NUL pasted into it is added without the NUL', async ({ page, desk }) => {
  const { claim } = await desk.openClaim(page)
  await page.getByLabel('Add a comment').fill('Ask the harbour\u0000 board.')
  const [sent] = await Promise.all([
    page.waitForRequest((r) => r.method() === 'POST'),
    page.getByRole('button', { name: 'Add comment' }).click(),
  ])
  expect(sent.postData()).toContain('%00')
  await expect(page.getByRole('paragraph').filter({ hasText: 'Ask the harbour board.' })).toBeVisible()
  const rows = await desk.query<{ body: string }>(`SELECT body FROM "Comment" WHERE "claimId" = $1`, [claim.id])
  expect(rows.map((row) => row.body)).toEqual(['Ask the harbour board.'])
})

test.describe('without JavaScript', () => {
  test.use(JAVASCRIPT_OFF)

  test('a comment past the form limit gets a 413 page that says to shorten it, and nothing is saved', async ({
    page,
    desk,
  }) => {
    const { claim } = await desk.openClaim(page)
    await page.getByLabel('Add a comment').fill('x'.repeat(70 * 1024))
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      page.getByRole('button', { name: 'Add comment' }).click(),
    ])
    expect(response.status()).toBe(413)
    await expect(
      page.getByText('That was too much text to send at once. Go back, shorten what you wrote and send it again.'),
    ).toBeVisible()
    await expect(page.getByRole('heading', { name: 'Too much to send at once' })).toBeVisible()
    expect(await desk.query(`SELECT id FROM "Comment" WHERE "claimId" = $1`, [claim.id])).toEqual([])
  })
})

/** One raw exchange with the server: the head of its answer and whether it then closed the connection, within 5 s. */
function rawExchange(baseURL: string, request: string) {
  const { hostname, port } = new URL(baseURL)
  return new Promise<{ head: string; closed: boolean }>((resolve, reject) => {
    const socket = net.connect(Number(port), hostname)
    let received = ''
    const done = (closed: boolean) => {
      clearTimeout(timer)
      socket.destroy()
      resolve({ head: received.split('\r\n\r\n')[0] ?? '', closed })
    }
    const timer = setTimeout(() => done(false), 5_000)
    socket.on('data', (chunk) => (received += chunk.toString('latin1')))
    socket.on('close', () => done(true))
    socket.on('error', (error: NodeJS.ErrnoException) => (error.code === 'ECONNRESET' ? done(true) : reject(error)))
    socket.on('connect', () => socket.write(request))
  })
}

test('TRACE gets 405 with the methods the desk allows', async ({ baseURL }) => {
  const { head } = await rawExchange(baseURL!, 'TRACE / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n')
  expect(head).toMatch(/^HTTP\/1.1 405 /)
  expect(head).toMatch(/\r\nAllow: GET, HEAD, POST\r\n/i)
})

test('a declared 100 MB sign-in post gets 413 and its connection is closed, so nothing waits for the rest', async ({
  baseURL,
  request,
}) => {
  const post = `POST /login HTTP/1.1\r\nHost: localhost\r\nOrigin: ${baseURL}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 100000000\r\n\r\npassword=xxxx`
  const outcome = await rawExchange(baseURL!, post)
  expect(outcome.head).toMatch(/^HTTP\/1.1 413 /)
  expect(outcome.closed).toBe(true)
  expect((await request.get('/healthz')).status()).toBe(200)
})
