// Sources: one row per page (by normalised URL) shared across claims, attached and detached as
// versioned changes to the claim, and the library where editors rate them.
import { beforeAll, describe, expect, it } from '@jest/globals'
import type { ClaimStatus } from '~/generated/prisma/enums'
import * as sourcesRoute from '~/routes/sources/index'
import { db } from '~/utils/db.server'
import { createArticle, createClaim, loadClaimPage, postToClaim, type TestArticle } from '../helpers/claims'
import { callAction, callLoader } from '../helpers/route'
import { createUsers, type TestUser } from '../helpers/users'

let users: Awaited<ReturnType<typeof createUsers>>
let article: TestArticle

beforeAll(async () => {
  users = await createUsers()
  article = await createArticle(users.reporter, 'Sources article', 'Inflation fell to 2.1% in May.')
})

function makeClaim(status: ClaimStatus = 'IN_RESEARCH', text = 'Inflation fell to 2.1%') {
  return createClaim(article, 'Inflation fell to 2.1%', users.reporter, { status, text })
}

const post = postToClaim

function attach(user: TestUser, claimId: string, form: Record<string, string>) {
  return post(user, claimId, {
    intent: 'attach-source',
    version: '1',
    title: 'Statistics office release',
    kind: 'DATASET',
    stance: 'SUPPORTS',
    ...form,
  })
}

async function versionOf(claimId: string) {
  return (await db.claim.findUniqueOrThrow({ where: { id: claimId }, select: { version: true } })).version
}

describe('attaching a source', () => {
  it('merges two spellings of the same page into one Source cited by both claims', async () => {
    const first = await makeClaim()
    const second = await makeClaim()
    const a = await attach(users.reporter, first, {
      url: 'HTTPS://Example.org:443/a?utm_source=x#top',
      excerpt: 'fell to 2.1%',
      note: 'Table 3',
    })
    expect(a.status).toBe(302)
    const b = await attach(users.checker, second, {
      url: 'https://example.org/a',
      title: 'Another title',
      stance: 'REFUTES',
    })
    expect(b.status).toBe(302)
    const sources = await db.source.findMany({ where: { url: { startsWith: 'https://example.org/a' } } })
    expect(sources).toHaveLength(1)
    expect(sources[0]).toMatchObject({
      url: 'https://example.org/a',
      title: 'Statistics office release',
      kind: 'DATASET',
      createdById: users.reporter.id,
    })
    const citations = await db.claimSource.findMany({
      where: { sourceId: sources[0]!.id },
      orderBy: { createdAt: 'asc' },
    })
    expect(citations.map((citation) => [citation.claimId, citation.stance, citation.excerpt, citation.note])).toEqual([
      [first, 'SUPPORTS', 'fell to 2.1%', 'Table 3'],
      [second, 'REFUTES', '', ''],
    ])
    expect(await versionOf(first)).toBe(2)
    const event = await db.claimEvent.findFirstOrThrow({ where: { claimId: first, type: 'SOURCE_ATTACHED' } })
    expect(event).toMatchObject({
      actorId: users.reporter.id,
      changes: {
        url: 'https://example.org/a',
        stance: 'SUPPORTS',
        title: 'Statistics office release',
        sourceId: sources[0]!.id,
      },
    })
  })

  it('fills in what an existing source lacks, never overwriting what it has', async () => {
    await db.source.create({ data: { url: 'https://example.org/sparse', title: '', publisher: 'Kept publisher' } })
    const claimId = await makeClaim()
    expect(
      (
        await attach(users.checker, claimId, {
          url: 'https://example.org/sparse',
          title: 'Now titled',
          publisher: 'Other',
          publishedAt: '2024-06-01',
        })
      ).status,
    ).toBe(302)
    expect(await db.source.findUniqueOrThrow({ where: { url: 'https://example.org/sparse' } })).toMatchObject({
      title: 'Now titled',
      publisher: 'Kept publisher',
      kind: 'DATASET',
      publishedAt: new Date('2024-06-01T00:00:00Z'),
    })
  })

  it('refuses a page this claim already cites (400) and changes nothing', async () => {
    const claimId = await makeClaim()
    expect((await attach(users.checker, claimId, { url: 'https://example.org/twice' })).status).toBe(302)
    const result = await attach(users.checker, claimId, {
      url: 'https://EXAMPLE.org/twice?fbclid=1',
      version: '2',
      stance: 'CONTEXT',
    })
    expect(result.status).toBe(400)
    expect(result.data.result.error.url).toEqual([
      'This claim already cites that page (Supports). To change its stance, detach it and attach it again.',
    ])
    expect(await versionOf(claimId)).toBe(2)
    expect(await db.claimSource.count({ where: { claimId } })).toBe(1)
  })

  it('refuses an address that is not a web page (400), beside the field', async () => {
    const claimId = await makeClaim()
    const result = await attach(users.checker, claimId, { url: 'ftp://example.org/file' })
    expect(result.status).toBe(400)
    expect(result.data.result.error.url).toEqual(['Only web pages (http:// or https:// addresses) can be sources.'])
    expect(result.data.result.initialValue).toMatchObject({ title: 'Statistics office release' })
    expect(await db.source.count({ where: { url: { contains: 'ftp' } } })).toBe(0)
  })

  it('refuses changes to the evidence while the claim is in review or approved (409)', async () => {
    for (const [status, message] of [
      [
        'NEEDS_REVIEW',
        'This claim is waiting for review, so its sources cannot change. An editor can return it to research first.',
      ],
      ['APPROVED', 'This claim is approved, so its sources cannot change. An editor can reopen it first.'],
    ] as const) {
      const claimId = await makeClaim(status)
      const result = await attach(users.editor, claimId, { url: `https://example.org/frozen-${status}` })
      expect(result.status).toBe(409)
      expect(result.data.message).toBe(message)
      expect(await db.source.count({ where: { url: `https://example.org/frozen-${status}` } })).toBe(0)
      expect(await versionOf(claimId)).toBe(1)
      const page = await loadClaimPage(users.editor, claimId)
      expect(page.data.access).toMatchObject({ canChangeSources: false, sourcesFrozen: message })
    }
  })

  it('refuses a stale version (409) and keeps the typed source', async () => {
    const claimId = await makeClaim()
    expect((await attach(users.checker, claimId, { url: 'https://example.org/first' })).status).toBe(302)
    const result = await attach(users.reporter, claimId, { url: 'https://example.org/second', title: 'Second' })
    expect(result.status).toBe(409)
    expect(result.data.conflict.events).toHaveLength(1)
    expect(result.data.typed).toContainEqual({ label: 'Address', value: 'https://example.org/second' })
    expect(await db.source.count({ where: { url: 'https://example.org/second' } })).toBe(0)
  })
})

describe('detaching a source', () => {
  it('removes the citation, keeps the Source, bumps the version and records it', async () => {
    const claimId = await makeClaim()
    await attach(users.checker, claimId, { url: 'https://example.org/detach-me', stance: 'CONTEXT' })
    const source = await db.source.findUniqueOrThrow({ where: { url: 'https://example.org/detach-me' } })
    const result = await post(users.reporter, claimId, { intent: 'detach-source', version: '2', sourceId: source.id })
    expect(result.status).toBe(302)
    expect(await db.claimSource.count({ where: { claimId } })).toBe(0)
    expect(await db.source.count({ where: { id: source.id } })).toBe(1)
    expect(await versionOf(claimId)).toBe(3)
    expect(await db.claimEvent.findFirstOrThrow({ where: { claimId, type: 'SOURCE_DETACHED' } })).toMatchObject({
      actorId: users.reporter.id,
      changes: {
        url: 'https://example.org/detach-me',
        stance: 'CONTEXT',
        title: 'Statistics office release',
        sourceId: source.id,
      },
    })
  })

  it('refuses to detach while the claim is in review (409)', async () => {
    const claimId = await makeClaim()
    await attach(users.checker, claimId, { url: 'https://example.org/keep-me' })
    await db.claim.update({ where: { id: claimId }, data: { status: 'NEEDS_REVIEW' } })
    const source = await db.source.findUniqueOrThrow({ where: { url: 'https://example.org/keep-me' } })
    const result = await post(users.editor, claimId, { intent: 'detach-source', version: '2', sourceId: source.id })
    expect(result.status).toBe(409)
    expect(await db.claimSource.count({ where: { claimId } })).toBe(1)
  })
})

describe('the source library', () => {
  let libraryClaim: string
  beforeAll(async () => {
    libraryClaim = await makeClaim('IN_RESEARCH', 'Library claim')
    const base = Date.parse('2020-01-01T00:00:00Z')
    for (let index = 0; index < 23; index += 1) {
      await db.source.create({
        data: {
          url: `https://library.example/page-${index}`,
          title: `Library page ${index}`,
          publisher: index === 7 ? 'Bureau of Seventh Things' : 'Library publisher',
          createdAt: new Date(base + index * 1000),
        },
      })
    }
    const cited = await db.source.findUniqueOrThrow({ where: { url: 'https://library.example/page-3' } })
    await db.claimSource.create({
      data: { claimId: libraryClaim, sourceId: cited.id, stance: 'REFUTES', addedById: users.checker.id },
    })
    const gone = await makeClaim('UNREVIEWED', 'Deleted claim')
    await db.claimSource.create({
      data: { claimId: gone, sourceId: cited.id, stance: 'SUPPORTS', addedById: users.checker.id },
    })
    await db.claim.update({ where: { id: gone }, data: { deletedAt: new Date() } })
  })

  function library(user: TestUser, search = '') {
    return callLoader(sourcesRoute.loader, { url: `/sources${search}`, user })
  }

  it('searches by title, publisher or address', async () => {
    expect(
      (await library(users.reporter, '?q=seventh')).data.sources.map((source: { url: string }) => source.url),
    ).toEqual(['https://library.example/page-7'])
    expect(
      (await library(users.reporter, '?q=page-12')).data.sources.map((source: { title: string }) => source.title),
    ).toEqual(['Library page 12'])
    expect(
      (await library(users.reporter, '?q=LIBRARY%20PAGE%202')).data.sources.map(
        (source: { title: string }) => source.title,
      ),
    ).toEqual(['Library page 22', 'Library page 21', 'Library page 20', 'Library page 2'])
  })

  it('pages through sources newest first without repeating or skipping one', async () => {
    const seen: string[] = []
    let search = '?q=library.example'
    for (let page = 0; page < 5; page += 1) {
      const result = await library(users.checker, search)
      seen.push(...result.data.sources.map((source: { title: string }) => source.title))
      if (!result.data.nextAfter) break
      search = `?q=library.example&after=${encodeURIComponent(result.data.nextAfter)}`
    }
    expect(seen).toEqual(Array.from({ length: 23 }, (_, index) => `Library page ${22 - index}`))
  })

  it('lists the live claims that cite each source, with their stance', async () => {
    const result = await library(users.reporter, '?q=page-3')
    const [source] = result.data.sources
    expect(source.citationCount).toBe(1)
    expect(source.citations).toEqual([
      expect.objectContaining({
        id: libraryClaim,
        text: 'Library claim',
        stance: 'REFUTES',
        status: 'IN_RESEARCH',
        articleTitle: 'Sources article',
      }),
    ])
    expect(source.reliability).toBe('UNKNOWN')
    expect(result.data.canRate).toBe(false)
  })

  it('lets editors and admins rate a source, and nobody else (403)', async () => {
    const source = await db.source.findUniqueOrThrow({ where: { url: 'https://library.example/page-5' } })
    const rate = (user: TestUser, reliability: string) =>
      callAction(sourcesRoute.action, {
        url: '/sources?q=page',
        user,
        form: { intent: 'rate', sourceId: source.id, reliability },
      })
    const denied = await rate(users.checker, 'HIGH')
    expect(denied.status).toBe(403)
    expect(denied.data.message).toBe('Only editors and admins can rate sources.')
    expect((await rate(users.editor, 'BEST')).status).toBe(400)
    const done = await rate(users.editor, 'HIGH')
    expect(done.status).toBe(302)
    expect(done.location).toBe(`/sources?q=page#source-${source.id}`)
    expect((await db.source.findUniqueOrThrow({ where: { id: source.id } })).reliability).toBe('HIGH')
    expect((await rate(users.admin, 'LOW')).status).toBe(302)
    expect((await db.source.findUniqueOrThrow({ where: { id: source.id } })).reliability).toBe('LOW')
    expect(
      (
        await callAction(sourcesRoute.action, {
          url: '/sources',
          user: users.editor,
          form: { intent: 'rate', sourceId: 'nope', reliability: 'LOW' },
        })
      ).status,
    ).toBe(404)
  })
})
