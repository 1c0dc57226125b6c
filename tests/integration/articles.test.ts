import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { ARTICLES_PAGE_SIZE, listArticles } from '~/articles/articles.server'
import type { ClaimStatus, Verdict } from '~/generated/prisma/enums'
import * as editRoute from '~/routes/articles/$articleId/edit'
import * as listRoute from '~/routes/articles/index'
import * as newRoute from '~/routes/articles/new'
import { db } from '~/utils/db.server'
import { encodeCursor } from '~/utils/keyset-cursor'
import { likePattern } from '~/utils/like-pattern'
import { callAction, callLoader, signedOutRedirect, type RouteResult } from '../helpers/route'
import { createUser, createUsers, type TestUser } from '../helpers/users'

let users: Awaited<ReturnType<typeof createUsers>>

beforeAll(async () => {
  users = await createUsers()
})

beforeEach(async () => {
  // Each test describes the desk it needs; claims go first because they point at articles.
  await db.claim.deleteMany()
  await db.article.deleteMany()
  await db.settings.update({ where: { id: 1 }, data: { urlImportAllowList: [] } })
})

function intake(user: TestUser, form: Record<string, string | File>) {
  return callAction(newRoute.action, { url: '/articles/new', user, form })
}

/** The values the form would show after an import or an upload, as the reporter would then submit them. */
function shownValues(result: { data: { result: { initialValue?: Record<string, unknown> | null } } }) {
  return Object.fromEntries(
    Object.entries(result.data.result.initialValue ?? {}).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string',
    ),
  )
}

async function addArticle(
  createdById: string,
  overrides: Partial<{ title: string; outlet: string; body: string; createdAt: Date }> = {},
) {
  return db.article.create({
    data: { title: 'An article', body: 'The first sentence. The second sentence.', createdById, ...overrides },
  })
}

async function addClaim(
  articleId: string,
  createdById: string,
  status: ClaimStatus,
  verdict: Verdict | null = null,
  deleted = false,
) {
  return db.claim.create({
    data: {
      articleId,
      createdById,
      quote: 'The first sentence.',
      text: 'The first sentence.',
      startOffset: 0,
      endOffset: 19,
      status,
      verdict,
      deletedAt: deleted ? new Date() : null,
    },
  })
}

describe('adding an article by pasting its text', () => {
  it('saves the article with normalised text and goes to its page with a toast', async () => {
    const result = await intake(users.reporter, {
      intent: 'save',
      title: '  Ukraine seeks release of 1,200 prisoners ',
      outlet: 'The Daily',
      author: 'Jane Doe',
      url: 'https://news.example.com/swap',
      publishedAt: '2024-12-01',
      body: 'Kyiv: talks resume.  \r\n\r\n\r\n\u200BSecond paragraph.\r\n',
    })
    expect(result.status).toBe(302)
    const article = await db.article.findFirstOrThrow()
    expect(result.location).toBe(`/articles/${article.id}`)
    expect(result.headers.get('Set-Cookie')).toMatch(/^factdesk_toast=/)
    expect(article).toMatchObject({
      title: 'Ukraine seeks release of 1,200 prisoners',
      outlet: 'The Daily',
      author: 'Jane Doe',
      url: 'https://news.example.com/swap',
      publishedAt: new Date('2024-12-01T00:00:00.000Z'),
      body: 'Kyiv: talks resume.\n\nSecond paragraph.',
      createdById: users.reporter.id,
    })
  })

  it('saves an article with only a title and text', async () => {
    const result = await intake(users.checker, { title: 'Bare', body: 'Just text.' })
    expect(result.status).toBe(302)
    expect(await db.article.findFirstOrThrow()).toMatchObject({ outlet: '', author: '', url: null, publishedAt: null })
  })

  it('answers bad input with 400, a message by each field, and gives back everything typed', async () => {
    const typed = {
      intent: 'save',
      title: '',
      outlet: 'The Daily',
      url: 'javascript:alert(1)',
      publishedAt: '2024-02-30',
      body: 'The text the reporter pasted.\n\nIt must not be lost.',
    }
    const result = await intake(users.reporter, typed)
    expect(result.status).toBe(400)
    expect(result.data.result.error).toEqual({
      title: ['Give the article a title.'],
      url: ['Enter a web address that starts with http:// or https://.'],
      publishedAt: ['Enter a real date, for example 2024-12-01.'],
    })
    expect(result.data.result.initialValue).toMatchObject({
      outlet: 'The Daily',
      url: 'javascript:alert(1)',
      publishedAt: '2024-02-30',
      // A form sends line breaks as CRLF, as a browser does; the text is otherwise as typed.
      body: typed.body.replaceAll('\n', '\r\n'),
    })
    expect(await db.article.count()).toBe(0)
  })

  it('refuses a missing body, a title over 300 characters and a date in the future', async () => {
    const result = await intake(users.reporter, { title: 'x'.repeat(301), publishedAt: '2999-01-01', body: ' \n ' })
    expect(result.status).toBe(400)
    expect(result.data.result.error).toEqual({
      title: ['Keep the title to 300 characters or fewer.'],
      publishedAt: ['The publication date cannot be in the future.'],
      body: ['Paste the article text, upload a file or import it from its web address.'],
    })
  })

  it('refuses text over 200,000 characters, says how long it is, and keeps it', async () => {
    const body = 'a'.repeat(200_001)
    const result = await intake(users.reporter, { title: 'Long read', body })
    expect(result.status).toBe(400)
    expect(result.data.result.error.body).toEqual([
      'The text is 200,001 characters long; an article can have at most 200,000.',
    ])
    expect(result.data.result.initialValue.body).toHaveLength(200_001)
    expect(await db.article.count()).toBe(0)
  })

  it('sends a signed-out visitor to sign in, and saves nothing', async () => {
    const page = await callLoader(newRoute.loader, { url: '/articles/new' })
    expect(page.status).toBe(302)
    expect(page.location).toBe('/login?redirectTo=%2Farticles%2Fnew')
    const post = await callAction(newRoute.action, { url: '/articles/new', form: { title: 'T', body: 'B' } })
    expect(post.status).toBe(302)
    expect(post.location).toMatch(/^\/login\?redirectTo=/)
    expect(await db.article.count()).toBe(0)
  })
})

describe('adding an article from a file', () => {
  const files = [
    {
      name: 'story.txt',
      type: 'text/plain',
      content: 'Kyiv: talks resume.  \r\n\r\n\r\nSecond paragraph.\r\n',
      shown: { title: 'Typed title', body: 'Kyiv: talks resume.\n\nSecond paragraph.' },
    },
    {
      name: 'story.md',
      type: 'text/markdown',
      content:
        '# Swap talks resume\n\nKyiv **pushes** for the [release](https://example.com) of 1,200 prisoners.\n\n## Background\n\nTalks stalled in May.\n',
      shown: {
        title: 'Swap talks resume',
        body: 'Kyiv pushes for the release of 1,200 prisoners.\n\nBackground\n\nTalks stalled in May.',
      },
    },
    {
      name: 'story.html',
      type: 'text/html',
      content: `<!doctype html><html><head><title>Swap | The Daily</title>
        <meta property="og:title" content="Ukraine seeks release of 1,200 prisoners">
        <meta property="og:site_name" content="The Daily">
        <meta name="author" content="Jane Doe">
        <meta property="article:published_time" content="2024-12-01T10:30:00Z">
        <script>var leak = "SCRIPT"</script></head>
        <body><nav><a href="/">Home</a></nav><article><h1>Ukraine seeks release of 1,200 prisoners</h1>
        <p>Kyiv: Ukraine has launched an urgent diplomatic effort to secure the release of 1,200 Ukrainian prisoners currently held in Russia, signalling one of the largest proposed exchanges since the war began.</p>
        <p>President Volodymyr Zelenskiy, in a late-night address, said the government is pushing on all fronts to revive stalled negotiations and bring home soldiers and civilians.</p>
        </article><footer>Footer</footer></body></html>`,
      shown: {
        title: 'Ukraine seeks release of 1,200 prisoners',
        outlet: 'The Daily',
        author: 'Jane Doe',
        publishedAt: '2024-12-01',
      },
    },
  ]

  it.each(files)(
    'reads $name into the form for review, then saves what the reporter confirms',
    async ({ name, type, content, shown }) => {
      const read = await intake(users.reporter, {
        intent: 'upload',
        title: 'Typed title',
        body: 'Text typed before the upload.',
        file: new File([content], name, { type }),
      })
      expect(read.status).toBe(200)
      expect(read.data.notice).toBe(`Read ${name}. Check the title, the details and the text below, then save.`)
      const values = shownValues(read)
      expect(values).toMatchObject(shown)
      expect(values.body).not.toMatch(/SCRIPT|Home|Footer|Text typed before/)
      expect(await db.article.count()).toBe(0)

      const saved = await intake(users.reporter, { ...values, intent: 'save' })
      expect(saved.status).toBe(302)
      const article = await db.article.findFirstOrThrow()
      expect(article).toMatchObject({ title: values.title, body: values.body })
      expect(article.body.length).toBeGreaterThan(10)
    },
  )

  it('reads a chosen file even when Save is pressed, so nothing unseen is saved', async () => {
    const result = await intake(users.reporter, {
      intent: 'save',
      title: 'Typed',
      body: '',
      file: new File(['From the file.'], 'story.txt', { type: 'text/plain' }),
    })
    expect(result.status).toBe(200)
    expect(shownValues(result)).toMatchObject({ title: 'Typed', body: 'From the file.' })
    expect(await db.article.count()).toBe(0)
  })

  it('refuses a file over 2 MB by the file field and keeps what was typed', async () => {
    const big = new File(['a'.repeat(2 * 1024 * 1024 + 1)], 'story.txt', { type: 'text/plain' })
    const result = await intake(users.reporter, {
      intent: 'upload',
      title: 'Typed title',
      body: 'Typed body',
      file: big,
    })
    expect(result.status).toBe(400)
    expect(result.data.result.error).toEqual({
      file: ['That file is larger than 2 MB. Upload a smaller file or paste the text instead.'],
    })
    expect(result.data.result.initialValue).toMatchObject({ title: 'Typed title', body: 'Typed body' })
  })

  it('refuses a file type it cannot read, and a binary file named .txt', async () => {
    const pdf = await intake(users.reporter, {
      intent: 'upload',
      file: new File(['%PDF-1.7'], 'report.pdf', { type: 'application/pdf' }),
    })
    expect(pdf.status).toBe(400)
    expect(pdf.data.result.error).toEqual({ file: ['Upload a .txt, .md or .html file.'] })
    const binary = await intake(users.reporter, {
      intent: 'upload',
      file: new File([new Uint8Array([0x25, 0x00, 0x01])], 'story.txt'),
    })
    expect(binary.status).toBe(400)
    expect(binary.data.result.error).toEqual({
      file: ['That file does not look like text. Upload a .txt, .md or .html file.'],
    })
  })

  it('stops reading a request far over the limit and says why', async () => {
    const huge = new File([new Uint8Array(5 * 1024 * 1024).fill(0x61)], 'story.txt', { type: 'text/plain' })
    const result = await intake(users.reporter, { intent: 'upload', file: huge })
    expect(result.status).toBe(413)
    expect(result.data.result.error['']).toEqual([
      'That was too much to send at once. A file can be at most 2 MB and the article text at most 200,000 characters.',
    ])
  })
})

describe('importing an article from its web address', () => {
  const page = `<!doctype html><html><head>
    <meta property="og:title" content="Ukraine seeks release of 1,200 prisoners">
    <meta property="og:site_name" content="The Daily">
    <meta property="article:published_time" content="2024-12-01T10:30:00Z">
    <script type="application/ld+json">{"@type":"NewsArticle","author":{"@type":"Person","name":"Jane Doe"}}</script>
    </head><body><article>
    <p>Kyiv: Ukraine has launched an urgent diplomatic effort to secure the release of 1,200 Ukrainian prisoners currently held in Russia, signalling one of the largest proposed exchanges since the war began.</p>
    <p>Rustem Umerov has been leading international discussions, having recently held talks in Turkey and the United Arab Emirates, both of which have facilitated exchanges before.</p>
    </article></body></html>`
  let requests: string[] = []
  const server = http.createServer((req, res) => {
    requests.push(req.url ?? '/')
    if (req.url === '/moved') res.writeHead(302, { location: '/story' }).end()
    else res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page)
  })
  let base = ''

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(async () => {
    server.closeAllConnections()
    await new Promise<void>((resolve) => server.close(() => resolve()))
  })
  beforeEach(() => {
    requests = []
  })

  const allowLocalServer = () =>
    db.settings.update({ where: { id: 1 }, data: { urlImportAllowList: [new URL(base).host] } })

  it('fills the form from an allow-listed page for review, and saves only on Save', async () => {
    await allowLocalServer()
    const result = await intake(users.reporter, {
      intent: 'import',
      url: `${base}/moved`,
      title: 'Typed title',
      author: '',
      body: 'Old text',
    })
    expect(result.status).toBe(200)
    expect(result.data.notice).toBe(
      `Imported from ${new URL(base).host}. Check the title, the details and the text below, then save.`,
    )
    const values = shownValues(result)
    expect(values).toMatchObject({
      title: 'Ukraine seeks release of 1,200 prisoners',
      outlet: 'The Daily',
      author: 'Jane Doe',
      publishedAt: '2024-12-01',
      url: `${base}/story`,
    })
    expect(values.body).toMatch(/^Kyiv: Ukraine has launched .*\n\nRustem Umerov .* exchanges before\.$/s)
    expect(requests).toEqual(['/moved', '/story'])
    expect(await db.article.count()).toBe(0)

    const saved = await intake(users.reporter, { ...values, intent: 'save' })
    expect(saved.status).toBe(302)
    expect(await db.article.findFirstOrThrow()).toMatchObject({
      url: `${base}/story`,
      author: 'Jane Doe',
      body: values.body,
    })
  })

  it('refuses the same local server when it is not on the allow-list, without contacting it', async () => {
    const result = await intake(users.reporter, {
      intent: 'import',
      url: `${base}/story`,
      title: 'Typed title',
      body: 'Typed text',
    })
    expect(result.status).toBe(400)
    expect(result.data.result.error).toEqual({
      url: ['That address points to a private or local network and cannot be imported.'],
    })
    expect(result.data.result.initialValue).toMatchObject({
      url: `${base}/story`,
      title: 'Typed title',
      body: 'Typed text',
    })
    expect(requests).toEqual([])
    expect(await db.article.count()).toBe(0)
  })

  it('refuses the cloud metadata address even with the local server allowed', async () => {
    await allowLocalServer()
    const result = await intake(users.reporter, {
      intent: 'import',
      url: 'http://169.254.169.254/latest/meta-data',
      title: 'Typed title',
    })
    expect(result.status).toBe(400)
    expect(result.data.result.error).toEqual({
      url: ['That address points to a private or local network and cannot be imported.'],
    })
    expect(result.data.result.initialValue).toMatchObject({ title: 'Typed title' })
    expect(await db.article.count()).toBe(0)
  })

  it('asks for an address when Import is pressed without one, and does not ask for a title yet', async () => {
    const result = await intake(users.reporter, { intent: 'import', url: '' })
    expect(result.status).toBe(400)
    expect(result.data.result.error).toEqual({ url: ['Enter the web address of the article to import.'] })
  })
})

describe('the article list', () => {
  it('sends a signed-out visitor to sign in and back to the same search', async () => {
    expect(await signedOutRedirect(listRoute.loader, '/articles?q=kyiv')).toBe(
      '/login?redirectTo=%2Farticles%3Fq%3Dkyiv',
    )
  })

  it('shows newest first, 25 a page, and walks every page by cursor without gaps or repeats', async () => {
    const start = Date.UTC(2025, 0, 1)
    // Every fifth article shares its timestamp with the one before, so the id must break the tie.
    await db.article.createMany({
      data: Array.from({ length: 60 }, (_, i) => ({
        id: `article-${String(i).padStart(2, '0')}`,
        title: `Article ${i}`,
        body: 'Text.',
        createdById: users.reporter.id,
        createdAt: new Date(start + (i % 5 === 4 ? i - 1 : i) * 60_000),
      })),
    })
    const expected = (
      await db.article.findMany({ orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], select: { id: true } })
    ).map((a) => a.id)

    const seen: string[] = []
    let url = '/articles'
    const pages: Array<{ size: number; isFirstPage: boolean }> = []
    for (let guard = 0; guard < 10; guard++) {
      const result = await callLoader(listRoute.loader, { url, user: users.checker })
      expect(result.status).toBe(200)
      const { articles, nextCursor, isFirstPage } = result.data
      pages.push({ size: articles.length, isFirstPage })
      seen.push(...articles.map((a: { id: string }) => a.id))
      if (!nextCursor) break
      url = `/articles?cursor=${nextCursor}`
    }
    expect(pages).toEqual([
      { size: ARTICLES_PAGE_SIZE, isFirstPage: true },
      { size: ARTICLES_PAGE_SIZE, isFirstPage: false },
      { size: 10, isFirstPage: false },
    ])
    expect(seen).toEqual(expected)
    expect(seen[0]).toBe('article-59')
  })

  it('starts at the newest for a cursor it did not make', async () => {
    await addArticle(users.reporter.id, { title: 'Only one' })
    const result = await callLoader(listRoute.loader, { url: '/articles?cursor=not-a-cursor', user: users.reporter })
    expect(result.data.articles.map((a: { title: string }) => a.title)).toEqual(['Only one'])
    expect(result.data.isFirstPage).toBe(true)
  })

  it('searches titles and outlets without regard to case, taking % and _ literally', async () => {
    const at = (minutes: number) => new Date(Date.UTC(2025, 0, 1, 0, minutes))
    await addArticle(users.reporter.id, { title: 'Grain exports rise', outlet: 'Reuters', createdAt: at(1) })
    await addArticle(users.reporter.id, { title: 'Prisoner swap', outlet: 'Kyiv Independent', createdAt: at(2) })
    await addArticle(users.reporter.id, { title: 'Turnout hit 100% in one village', createdAt: at(3) })
    await addArticle(users.reporter.id, { title: 'Turnout hit 100 in one village', createdAt: at(4) })
    await addArticle(users.reporter.id, { title: 'The snake_case ministry', createdAt: at(5) })
    await addArticle(users.reporter.id, { title: 'The snakeXcase ministry', createdAt: at(6) })
    const titles = async (q: string) =>
      (
        await callLoader(listRoute.loader, { url: `/articles?${new URLSearchParams({ q })}`, user: users.reporter })
      ).data.articles.map((a: { title: string }) => a.title)
    expect(await titles('KYIV')).toEqual(['Prisoner swap'])
    expect(await titles('grain')).toEqual(['Grain exports rise'])
    expect(await titles('100%')).toEqual(['Turnout hit 100% in one village'])
    expect(await titles('snake_case')).toEqual(['The snake_case ministry'])
    expect(await titles('  ministry ')).toEqual(['The snakeXcase ministry', 'The snake_case ministry'])
    expect(await titles('nothing like this')).toEqual([])
    expect(likePattern('50%_off\\')).toBe('%50\\%\\_off\\\\%')
  })

  it('keeps the search while paging', async () => {
    await db.article.createMany({
      data: Array.from({ length: 60 }, (_, i) => ({
        title: i % 2 ? `Kyiv story ${i}` : `Other story ${i}`,
        body: 'Text.',
        createdById: users.reporter.id,
        createdAt: new Date(Date.UTC(2025, 0, 1, 0, i)),
      })),
    })
    const first = await callLoader(listRoute.loader, { url: '/articles?q=kyiv', user: users.reporter })
    expect(first.data.articles).toHaveLength(25)
    const second = await callLoader(listRoute.loader, {
      url: `/articles?q=kyiv&cursor=${first.data.nextCursor}`,
      user: users.reporter,
    })
    expect(second.data.articles).toHaveLength(5)
    expect(second.data.nextCursor).toBeNull()
    const titles = [...first.data.articles, ...second.data.articles].map((a: { title: string }) => a.title)
    expect(titles.every((title: string) => title.startsWith('Kyiv story'))).toBe(true)
    expect(new Set(titles).size).toBe(30)
  })

  it('shows live claims by status and the credibility of approved, scored verdicts', async () => {
    const checked = await addArticle(users.reporter.id, { title: 'Checked', createdAt: new Date(Date.UTC(2025, 0, 2)) })
    const fresh = await addArticle(users.reporter.id, { title: 'Fresh', createdAt: new Date(Date.UTC(2025, 0, 1)) })
    const by = users.checker.id
    await addClaim(checked.id, by, 'APPROVED', 'TRUE')
    await addClaim(checked.id, by, 'APPROVED', 'FALSE')
    await addClaim(checked.id, by, 'APPROVED', 'MOSTLY_TRUE')
    await addClaim(checked.id, by, 'APPROVED', 'UNPROVEN')
    await addClaim(checked.id, by, 'NEEDS_REVIEW', 'FALSE')
    await addClaim(checked.id, by, 'IN_RESEARCH')
    await addClaim(checked.id, by, 'IN_RESEARCH')
    await addClaim(checked.id, by, 'UNREVIEWED')
    await addClaim(checked.id, by, 'APPROVED', 'TRUE', true) // deleted: counts nowhere

    const result = await callLoader(listRoute.loader, { url: '/articles', user: users.reporter })
    const [first, second] = result.data.articles
    expect(first).toMatchObject({
      id: checked.id,
      claimCounts: [
        { status: 'UNREVIEWED', count: 1 },
        { status: 'IN_RESEARCH', count: 2 },
        { status: 'NEEDS_REVIEW', count: 1 },
        { status: 'APPROVED', count: 4 },
      ],
      // (1 + 0 + 0.75) / 3 = 0.583…
      credibility: { score: 58, scoredCount: 3, totalCount: 8 },
    })
    expect(second).toMatchObject({
      id: fresh.id,
      claimCounts: [],
      credibility: { score: null, scoredCount: 0, totalCount: 0 },
    })
    expect(result.data.canCreate).toBe(true)
  })

  it('stays on the index at 10,000 articles, however deep the page', async () => {
    await db.$executeRaw`
      INSERT INTO "Article" ("id", "title", "body", "createdById", "createdAt", "updatedAt")
      SELECT 'bulk-' || n, 'Bulk article ' || n, 'Text.', ${users.reporter.id}, TIMESTAMP '2025-01-01' + n * INTERVAL '1 second', now()
        FROM generate_series(1, 10000) AS n`
    await db.$executeRawUnsafe('ANALYZE "Article"')
    const deep = await db.article.findFirstOrThrow({ where: { id: 'bulk-1000' } })
    const started = performance.now()
    const page = await listArticles({ cursor: encodeCursor(deep.createdAt, deep.id) })
    const elapsed = performance.now() - started
    expect(page.articles[0]!.id).toBe('bulk-999')
    expect(page.articles).toHaveLength(ARTICLES_PAGE_SIZE)
    expect(elapsed).toBeLessThan(1_000)
    const plan = (
      await db.$queryRawUnsafe<Array<{ 'QUERY PLAN': string }>>(
        `EXPLAIN SELECT "id" FROM "Article" WHERE ("createdAt", "id") < ($1::timestamp, $2) ORDER BY "createdAt" DESC, "id" DESC LIMIT 26`,
        deep.createdAt.toISOString().slice(0, -1),
        deep.id,
      )
    )
      .map((row) => row['QUERY PLAN'])
      .join('\n')
    expect(plan).toMatch(/Index (Only )?Scan using "Article_createdAt_id_idx"/)
    expect(plan).not.toMatch(/Sort/)
  })
})

describe('editing an article', () => {
  async function openEditor(user: TestUser, articleId: string) {
    return callLoader(editRoute.loader, { url: `/articles/${articleId}/edit`, params: { articleId }, user })
  }

  function save(user: TestUser, articleId: string, form: Record<string, string>) {
    return callAction(editRoute.action, { url: `/articles/${articleId}/edit`, params: { articleId }, user, form })
  }

  /** Saves the edit form as it was opened (`opened`, the editor's loader answer) with `changes` made to it. */
  function saveOpened(user: TestUser, opened: RouteResult, changes: Record<string, string>) {
    const { article, version } = opened.data
    return save(user, article.id, { ...article, ...changes, seenUpdatedAt: version })
  }

  it('lets the reporter who added it change everything while no claim points into it', async () => {
    const article = await addArticle(users.reporter.id)
    const editor = await openEditor(users.reporter, article.id)
    expect(editor.status).toBe(200)
    expect(editor.data).toMatchObject({ bodyLocked: false, claimCount: 0 })
    const result = await saveOpened(users.reporter, editor, {
      title: 'A better title',
      publishedAt: '2024-11-30',
      body: 'A corrected text.\r\n',
    })
    expect(result.status).toBe(302)
    expect(result.location).toBe(`/articles/${article.id}`)
    expect(result.headers.get('Set-Cookie')).toMatch(/^factdesk_toast=/)
    expect(await db.article.findUniqueOrThrow({ where: { id: article.id } })).toMatchObject({
      title: 'A better title',
      publishedAt: new Date('2024-11-30T00:00:00Z'),
      body: 'A corrected text.',
    })
  })

  it('locks the body once claims quote it: a changed body is refused with 400 and nothing is saved', async () => {
    const article = await addArticle(users.reporter.id)
    await addClaim(article.id, users.reporter.id, 'UNREVIEWED')
    await addClaim(article.id, users.reporter.id, 'IN_RESEARCH')
    const editor = await openEditor(users.reporter, article.id)
    expect(editor.data).toMatchObject({ bodyLocked: true, claimCount: 2 })

    // The textarea is disabled, so only a client that goes around the page sends a body.
    const result = await saveOpened(users.reporter, editor, { title: 'Changed title', body: 'A different text.' })
    expect(result.status).toBe(400)
    expect(result.data.result.error.body).toEqual([
      'The article text can no longer change because claims have been marked in it. You can still edit its title, outlet, author, link and date.',
    ])
    expect(result.data.result.initialValue).toMatchObject({ title: 'Changed title' })
    expect(await db.article.findUniqueOrThrow({ where: { id: article.id } })).toMatchObject({
      title: article.title,
      body: article.body,
    })
  })

  it('still saves the title, outlet, author, link and date of an article whose body is locked', async () => {
    const article = await addArticle(users.reporter.id)
    await addClaim(article.id, users.reporter.id, 'APPROVED', 'TRUE')
    const editor = await openEditor(users.reporter, article.id)
    const { body: _locked, ...metadata } = editor.data.article
    const result = await save(users.reporter, article.id, {
      ...metadata,
      title: 'New title',
      outlet: 'New outlet',
      author: 'New author',
      url: 'https://example.com/new',
      publishedAt: '2024-10-01',
      seenUpdatedAt: editor.data.version,
    })
    expect(result.status).toBe(302)
    expect(await db.article.findUniqueOrThrow({ where: { id: article.id } })).toMatchObject({
      title: 'New title',
      outlet: 'New outlet',
      author: 'New author',
      url: 'https://example.com/new',
      publishedAt: new Date('2024-10-01T00:00:00Z'),
      body: article.body,
    })
  })

  it('does not count deleted claims towards the lock', async () => {
    const article = await addArticle(users.reporter.id)
    await addClaim(article.id, users.reporter.id, 'UNREVIEWED', null, true)
    expect((await openEditor(users.reporter, article.id)).data).toMatchObject({ bodyLocked: false, claimCount: 0 })
  })

  it("refuses a reporter editing someone else's article with 403, and lets an editor", async () => {
    const article = await addArticle(users.checker.id)
    const other = await createUser('REPORTER')
    const page = await openEditor(other, article.id)
    expect(page.status).toBe(403)
    expect(page.data).toEqual({ message: 'You can only edit articles you added yourself.' })
    const editorView = await openEditor(users.editor, article.id)
    const post = await saveOpened(other, editorView, { title: 'Hijacked' })
    expect(post.status).toBe(403)
    expect((await db.article.findUniqueOrThrow({ where: { id: article.id } })).title).toBe(article.title)

    const byEditor = await saveOpened(users.editor, editorView, { title: 'Edited by the editor' })
    expect(byEditor.status).toBe(302)
  })

  it('answers 404 for an article that does not exist', async () => {
    const result = await openEditor(users.editor, 'no-such-article')
    expect(result.status).toBe(404)
    expect(result.data).toEqual({ message: 'There is no such article. It may have been removed.' })
  })

  it('refuses to overwrite a change saved after the form was opened (409)', async () => {
    const article = await addArticle(users.reporter.id)
    const first = await openEditor(users.reporter, article.id)
    const second = await openEditor(users.editor, article.id)
    expect((await saveOpened(users.editor, second, { title: 'Editor was first' })).status).toBe(302)
    const stale = await saveOpened(users.reporter, first, { title: 'Reporter second' })
    expect(stale.status).toBe(409)
    expect(stale.data.result.error['']).toEqual([
      'Someone saved changes to this article after you opened it. Reload the page to see them, then make your changes again.',
    ])
    expect((await db.article.findUniqueOrThrow({ where: { id: article.id } })).title).toBe('Editor was first')
  })

  it('answers bad metadata with 400 and the field message', async () => {
    const article = await addArticle(users.reporter.id)
    const editor = await openEditor(users.reporter, article.id)
    const result = await saveOpened(users.reporter, editor, { title: ' ', url: 'ftp://files.example' })
    expect(result.status).toBe(400)
    expect(result.data.result.error).toEqual({
      title: ['Give the article a title.'],
      url: ['Enter a web address that starts with http:// or https://.'],
    })
  })

  it('sends a signed-out visitor to sign in and back to the editor', async () => {
    const article = await addArticle(users.reporter.id)
    const result = await callLoader(editRoute.loader, {
      url: `/articles/${article.id}/edit`,
      params: { articleId: article.id },
    })
    expect(result.status).toBe(302)
    expect(result.location).toBe(`/login?redirectTo=${encodeURIComponent(`/articles/${article.id}/edit`)}`)
  })
})
