// Marking claims in an article, editing and deleting them, and the suggested claims, through the
// routes' loaders and actions with real Requests against a real database.
import { beforeAll, describe, expect, it } from '@jest/globals'
import fs from 'node:fs'
import * as editRoute from '~/routes/claims/$claimId/edit'
import * as newClaimRoute from '~/routes/articles/$articleId/claims.new'
import * as workspaceRoute from '~/routes/articles/$articleId/index'
import { unpackClaimRows } from '~/components/claim-rows'
import { db } from '~/utils/db.server'
import { callAction, callLoader } from '../helpers/route'
import { loadClaimPage } from '../helpers/claims'
import { createUsers, type TestUser } from '../helpers/users'

const BODY = fs.readFileSync(new URL('../../prisma/fixtures/ukraine-prisoner-exchange.txt', import.meta.url), 'utf8')

let users: Awaited<ReturnType<typeof createUsers>>
let articleId: string

beforeAll(async () => {
  users = await createUsers()
})

async function newArticle(body = BODY) {
  const article = await db.article.create({
    data: { title: 'Ukraine pushes for exchange', outlet: 'Wire', body, createdById: users.reporter.id },
    select: { id: true },
  })
  return article.id
}

function spanOf(quote: string, body = BODY) {
  const startOffset = body.indexOf(quote)
  if (startOffset < 0) throw new Error(`not in the body: ${quote}`)
  return { startOffset, endOffset: startOffset + quote.length }
}

function postClaim(user: TestUser, form: Record<string, string>, id = articleId) {
  return callAction(newClaimRoute.action, { url: `/articles/${id}/claims/new`, params: { articleId: id }, user, form })
}

async function addClaim(user: TestUser, quote: string, extra: Record<string, string> = {}) {
  const span = spanOf(quote)
  const result = await postClaim(user, {
    quote,
    startOffset: String(span.startOffset),
    endOffset: String(span.endOffset),
    ...extra,
  })
  expect(result.status).toBe(302)
  const id = /#quote-(\w+)$/.exec(result.location ?? '')?.[1]
  if (!id) throw new Error(`no claim id in ${result.location}`)
  return id
}

function loadNewClaim(user: TestUser | undefined, search = '', id = articleId) {
  const url = `/articles/${id}/claims/new${search}`
  return callLoader(newClaimRoute.loader, { url, params: { articleId: id }, user })
}

function loadEdit(user: TestUser, claimId: string) {
  return callLoader(editRoute.loader, { url: `/claims/${claimId}/edit`, params: { claimId }, user })
}

function postEdit(user: TestUser, claimId: string, form: Record<string, string>) {
  return callAction(editRoute.action, { url: `/claims/${claimId}/edit`, params: { claimId }, user, form })
}

/** The workspace's loader, with its claim rows unpacked as the page reads them. */
async function loadWorkspace(user: TestUser, search = '', id = articleId) {
  const result = await callLoader(workspaceRoute.loader, {
    url: `/articles/${id}${search}`,
    params: { articleId: id },
    user,
  })
  if (result.status === 200) result.data.claims = unpackClaimRows(result.data.claims, result.data.article.body)
  return result
}

function postSuggestion(
  user: TestUser,
  intent: string,
  span: { startOffset: number; endOffset: number },
  id = articleId,
) {
  return callAction(workspaceRoute.action, {
    url: `/articles/${id}`,
    params: { articleId: id },
    user,
    form: { intent, startOffset: String(span.startOffset), endOffset: String(span.endOffset) },
  })
}

const claimCount = (id = articleId) => db.claim.count({ where: { articleId: id } })

/** Posts the new-claim form as the reporter, expects it refused (400) with nothing saved, and returns the answer. */
async function postRefusedClaim(form: Record<string, string>) {
  const before = await claimCount()
  const result = await postClaim(users.reporter, form)
  expect(result.status).toBe(400)
  expect(await claimCount()).toBe(before)
  return result
}

describe('adding a claim from a selection', () => {
  beforeAll(async () => {
    articleId = await newArticle()
  })

  it('saves a claim whose quote matches the body at the offsets, with a CREATED event holding its fields', async () => {
    const quote = 'Rustem Umerov, has been leading international discussions'
    const span = spanOf(quote)
    const result = await postClaim(users.reporter, {
      quote,
      startOffset: String(span.startOffset),
      endOffset: String(span.endOffset),
      claimant: '  The article ',
      claimDate: '2025-12-01',
      tags: 'Diplomacy, talks , diplomacy',
    })
    expect(result.status).toBe(302)
    expect(result.location).toMatch(new RegExp(`^/articles/${articleId}/claims/(\\w+)#quote-\\1$`))
    expect(result.headers.get('Set-Cookie')).toContain('factdesk_toast')

    const claim = await db.claim.findFirstOrThrow({ where: { articleId, quote }, include: { events: true } })
    expect(claim).toMatchObject({
      ...span,
      text: quote,
      claimant: 'The article',
      tags: ['diplomacy', 'talks'],
      status: 'UNREVIEWED',
      version: 1,
      createdById: users.reporter.id,
      checkworthiness: null,
    })
    expect(claim.claimDate?.toISOString().slice(0, 10)).toBe('2025-12-01')
    expect(claim.events).toHaveLength(1)
    expect(claim.events[0]).toMatchObject({
      type: 'CREATED',
      actorId: users.reporter.id,
      toStatus: 'UNREVIEWED',
      changes: {
        quote,
        ...span,
        text: quote,
        claimant: 'The article',
        claimDate: '2025-12-01',
        tags: ['diplomacy', 'talks'],
      },
    })
  })

  it('refuses a quote that does not match the article at the offsets, and saves nothing', async () => {
    const span = spanOf('Umerov confirmed that further consultations')
    const result = await postRefusedClaim({
      quote: 'Umerov denied that further consultations',
      startOffset: String(span.startOffset),
      endOffset: String(span.endOffset),
    })
    expect(result.data.result.error.quote).toEqual(['The quote does not match the article text at that position.'])
    // What the user typed comes back to the form.
    expect(result.data.result.initialValue.quote).toBe('Umerov denied that further consultations')
  })

  it('refuses offsets that run outside the body', async () => {
    const tail = BODY.slice(-20)
    const result = await postRefusedClaim({
      quote: tail,
      startOffset: String(BODY.length - 20),
      endOffset: String(BODY.length + 5),
    })
    expect(result.data.result.error.quote[0]).toMatch(/inside the article text/)
    await postRefusedClaim({ quote: 'Kyiv', startOffset: '-1', endOffset: '3' })
  })

  it('allows claims that overlap an existing one', async () => {
    await addClaim(users.checker, 'Rustem Umerov')
    await addClaim(users.checker, 'having recently held talks in Turkey and the United Arab Emirates')
    const { data } = await loadWorkspace(users.checker)
    const quotes = data.claims.map((claim: { quote: string }) => claim.quote)
    // Body order, the longer of two claims starting at the same place first.
    expect(quotes.slice(0, 3)).toEqual([
      'Rustem Umerov, has been leading international discussions',
      'Rustem Umerov',
      'having recently held talks in Turkey and the United Arab Emirates',
    ])
    expect(data.claims.map((claim: { number: number }) => claim.number).slice(0, 3)).toEqual([1, 2, 3])
  })

  it('pre-fills the form from a selection in the query string and reports one outside the body', async () => {
    const span = spanOf('Kyiv hopes they can help revive the Istanbul agreements')
    const ok = await loadNewClaim(users.reporter, `?start=${span.startOffset}&end=${span.endOffset}`)
    expect(ok.status).toBe(200)
    expect(ok.data.selection).toMatchObject({
      ...span,
      quote: 'Kyiv hopes they can help revive the Istanbul agreements',
    })
    expect(ok.data.selection.before).toMatch(/negotiations, and $/)
    const outside = await loadNewClaim(users.reporter, `?start=10&end=999999`)
    expect(outside.data.selection).toBeNull()
    expect(outside.data.selectionProblem).toMatch(/inside the article text/)
  })

  it('answers 404 for an article that does not exist', async () => {
    const result = await loadNewClaim(users.reporter, '', 'nope')
    expect(result.status).toBe(404)
    const post = await postClaim(users.reporter, { quote: 'Kyiv' }, 'nope')
    expect(post.status).toBe(404)
  })

  it('sends a signed-out visitor to the login page', async () => {
    const result = await loadNewClaim(undefined)
    expect(result.status).toBe(302)
    expect(result.location).toMatch(/^\/login\?redirectTo=/)
  })
})

describe('adding a claim by typing the quote (no JavaScript)', () => {
  beforeAll(async () => {
    articleId = await newArticle()
  })

  it('finds a quote that appears once and saves it at its place', async () => {
    const quote = 'So far, Russia has offered no official response'
    const result = await postClaim(users.reporter, {
      quote: `  ${quote}\n`,
      text: 'Russia has not responded officially.',
    })
    expect(result.status).toBe(302)
    const claim = await db.claim.findFirstOrThrow({ where: { articleId, quote } })
    expect(claim).toMatchObject({ ...spanOf(quote), text: 'Russia has not responded officially.' })
  })

  it('says so when the quote does not appear in the article', async () => {
    const result = await postRefusedClaim({ quote: 'Russia has offered a detailed response', claimant: 'Someone' })
    expect(result.data.result.error.quote).toEqual(['That quote does not appear in the article; copy it exactly.'])
    expect(result.data.result.initialValue.claimant).toBe('Someone')
  })

  it('asks which occurrence when the quote appears several times, then saves the chosen one', async () => {
    const ask = await postRefusedClaim({ quote: 'Kyiv hopes', claimant: 'Kyiv', tags: 'hope' })
    expect(ask.data.result.error.occurrence[0]).toMatch(/appears 2 times/)
    expect(ask.data.result.initialValue).toMatchObject({ quote: 'Kyiv hopes', claimant: 'Kyiv', tags: 'hope' })
    const occurrences = ask.data.occurrences.list
    expect(occurrences).toHaveLength(2)
    expect(occurrences[0].after).toMatch(/^ they can help/)
    expect(occurrences[1].after).toMatch(/^ that precedent/)
    expect(occurrences[1].paragraph).toBeGreaterThan(occurrences[0].paragraph)

    const second = occurrences[1]
    const chosen = await postClaim(users.reporter, {
      quote: 'Kyiv hopes',
      claimant: 'Kyiv',
      tags: 'hope',
      occurrence: String(second.startOffset),
    })
    expect(chosen.status).toBe(302)
    const claim = await db.claim.findFirstOrThrow({ where: { articleId, quote: 'Kyiv hopes' } })
    expect(claim).toMatchObject({
      startOffset: second.startOffset,
      endOffset: second.endOffset,
      claimant: 'Kyiv',
      tags: ['hope'],
    })
    expect(BODY.slice(claim.startOffset, claim.endOffset + 15)).toBe('Kyiv hopes that precedent')
  })

  it('finds a quote typed with straight quotes and single spaces, and keeps the article’s own characters', async () => {
    const typed = `Despite Kyiv's optimistic tone,   Ukrainian officials`
    const inBody = 'Despite Kyiv’s optimistic tone, Ukrainian officials'
    const result = await postClaim(users.reporter, { quote: typed })
    expect(result.status).toBe(302)
    const claim = await db.claim.findFirstOrThrow({ where: { articleId, quote: inBody } })
    expect(claim).toMatchObject({ ...spanOf(inBody), text: inBody })
  })

  it('lists the article’s own text for each occurrence of a loosely typed quote', async () => {
    const ask = await postClaim(users.reporter, { quote: "Ukraine's" })
    expect(ask.status).toBe(400)
    expect(ask.data.occurrences.list.length).toBeGreaterThan(1)
    for (const occurrence of ask.data.occurrences.list) expect(occurrence.text).toBe('Ukraine’s')
  })

  it('lists only the first 20 places of a quote found very often, and says how many there are', async () => {
    const body = Array.from({ length: 500 }, (_, i) => `Line ${i}: the figure rose.`).join('\n')
    const id = await newArticle(body)
    const ask = await postClaim(users.reporter, { quote: 'the figure rose' }, id)
    expect(ask.status).toBe(400)
    expect(ask.data.result.error.occurrence[0]).toMatch(/appears 500 times .* first 20 are listed/)
    expect(ask.data.occurrences.list).toHaveLength(20)
    const pick = await postClaim(
      users.reporter,
      { quote: 'the figure rose', occurrence: String(ask.data.occurrences.list[19].startOffset) },
      id,
    )
    expect(pick.status).toBe(302)
    expect(await db.claim.findFirstOrThrow({ where: { articleId: id } })).toMatchObject({
      startOffset: body.indexOf('Line 19:') + 9,
    })
  })

  it('refuses a form without a quote, keeping the other fields', async () => {
    const result = await postClaim(users.reporter, { quote: '   ', claimant: 'Kept' })
    expect(result.status).toBe(400)
    expect(result.data.result.error.quote[0]).toMatch(/Enter the quote/)
    expect(result.data.result.initialValue.claimant).toBe('Kept')
  })

  it('refuses more than ten tags, or a tag over 40 characters', async () => {
    const many = await postClaim(users.reporter, { quote: 'Kyiv hopes that precedent', tags: 'a,b,c,d,e,f,g,h,i,j,k' })
    expect(many.status).toBe(400)
    expect(many.data.result.error.tags[0]).toMatch(/at most 10/)
    const long = await postClaim(users.reporter, { quote: 'Kyiv hopes that precedent', tags: 'x'.repeat(41) })
    expect(long.status).toBe(400)
    expect(long.data.result.error.tags[0]).toMatch(/40 characters or fewer/)
  })
})

describe('editing a claim', () => {
  let claimId: string

  beforeAll(async () => {
    articleId = await newArticle()
    claimId = await addClaim(users.reporter, 'Umerov confirmed that further consultations are being planned', {
      claimant: 'Umerov',
      tags: 'talks',
    })
  })

  it('shows the form to the creator with the saved values and version', async () => {
    const result = await loadEdit(users.reporter, claimId)
    expect(result.status).toBe(200)
    expect(result.data).toMatchObject({
      editable: true,
      canDelete: true,
      claim: {
        version: 1,
        values: {
          text: 'Umerov confirmed that further consultations are being planned',
          claimant: 'Umerov',
          claimDate: '',
          tags: ['talks'],
        },
      },
    })
  })

  it('saves the change and writes an EDITED event with only the changed fields', async () => {
    const result = await postEdit(users.reporter, claimId, {
      intent: 'save',
      version: '1',
      text: 'Further consultations on the exchange are planned.',
      claimant: 'Umerov',
      claimDate: '',
      tags: 'talks, Logistics',
    })
    expect(result.status).toBe(302)
    expect(result.location).toBe(`/articles/${articleId}#claim-${claimId}`)
    const claim = await db.claim.findUniqueOrThrow({
      where: { id: claimId },
      include: { events: { orderBy: { createdAt: 'asc' } } },
    })
    expect(claim).toMatchObject({
      version: 2,
      text: 'Further consultations on the exchange are planned.',
      tags: ['talks', 'logistics'],
      claimant: 'Umerov',
    })
    const edited = claim.events.filter((event) => event.type === 'EDITED')
    expect(edited).toHaveLength(1)
    expect(edited[0]!.actorId).toBe(users.reporter.id)
    expect(edited[0]!.changes).toEqual({
      text: {
        from: 'Umerov confirmed that further consultations are being planned',
        to: 'Further consultations on the exchange are planned.',
      },
      tags: { from: ['talks'], to: ['talks', 'logistics'] },
    })
  })

  it('refuses a stale version with 409, shows the saved values and overwrites nothing', async () => {
    // A fact-checker saves first, from version 2.
    const theirs = { text: 'Their wording.', claimant: 'Rustem Umerov', tags: 'talks' }
    expect((await postEdit(users.checker, claimId, { ...theirs, version: '2' })).status).toBe(302)

    // The reporter still has version 2 open.
    const typed = { text: 'My wording.', claimant: 'Umerov', tags: 'talks' }
    const mine = await postEdit(users.reporter, claimId, { ...typed, version: '2' })
    expect(mine.status).toBe(409)
    expect(mine.data.result.error['']).toEqual([
      'Someone changed this claim after you opened it, so nothing was saved. What they changed is shown on this page; what you typed is still in the form.',
    ])
    expect(mine.data.conflict).toMatchObject({
      version: 3,
      values: { text: 'Their wording.', claimant: 'Rustem Umerov' },
    })
    expect(mine.data.result.initialValue).toMatchObject({ text: 'My wording.', claimant: 'Umerov' })
    const saved = await db.claim.findUniqueOrThrow({ where: { id: claimId } })
    expect(saved).toMatchObject({ version: 3, text: 'Their wording.', claimant: 'Rustem Umerov' })

    // Saving again with the version now shown is a deliberate choice, and goes through.
    const again = await postEdit(users.reporter, claimId, { ...typed, version: '3' })
    expect(again.status).toBe(302)
    expect(await db.claim.findUniqueOrThrow({ where: { id: claimId } })).toMatchObject({
      version: 4,
      text: 'My wording.',
    })
  })

  it('falls back to the quote when the claim text is emptied', async () => {
    await postEdit(users.reporter, claimId, { version: '4', text: '', claimant: 'Umerov', tags: 'talks' })
    const claim = await db.claim.findUniqueOrThrow({ where: { id: claimId } })
    expect(claim.text).toBe(claim.quote)
  })

  it('refuses edits while the claim waits for review, and the page says why', async () => {
    const frozen = await addClaim(users.reporter, 'Ukraine maintains that the 1,200 prisoners')
    await db.claim.update({ where: { id: frozen }, data: { status: 'NEEDS_REVIEW' } })
    const page = await loadEdit(users.reporter, frozen)
    expect(page.status).toBe(200)
    expect(page.data.editable).toBe(false)
    expect(page.data.frozenReason).toMatch(/waiting for review/)
    const result = await postEdit(users.reporter, frozen, { version: '1', text: 'Changed.' })
    expect(result.status).toBe(403)
    expect(result.data.result.error[''][0]).toMatch(/waiting for review and cannot be edited/)
    expect(await db.claim.findUniqueOrThrow({ where: { id: frozen } })).toMatchObject({
      text: 'Ukraine maintains that the 1,200 prisoners',
      version: 1,
    })
  })

  it("refuses a reporter editing someone else's claim with 403", async () => {
    const othersClaim = await addClaim(users.checker, 'transportation routes, security arrangements')
    const page = await loadEdit(users.reporter, othersClaim)
    expect(page.status).toBe(403)
    expect(page.data.message).toBe('You can only edit claims you added yourself.')
    const post = await postEdit(users.reporter, othersClaim, { version: '1', text: 'Mine now.' })
    expect(post.status).toBe(403)
    expect((await db.claim.findUniqueOrThrow({ where: { id: othersClaim } })).text).toBe(
      'transportation routes, security arrangements',
    )
  })

  it('answers 404 for a claim that does not exist', async () => {
    const page = await loadEdit(users.editor, 'nope')
    expect(page.status).toBe(404)
    const post = await postEdit(users.editor, 'nope', { version: '1', text: 'x' })
    expect(post.status).toBe(404)
  })
})

describe('saving a claim edit made from an older copy', () => {
  let claimId: string
  const base = { 'base.text': 'Rustem Umerov', 'base.claimant': '', 'base.claimDate': '', 'base.tags': '' }

  beforeAll(async () => {
    articleId = await newArticle()
    claimId = await addClaim(users.reporter, 'Rustem Umerov')
  })

  it('shows which fields each side changed, then keeps their tags when the user saves only a new claimant over them', async () => {
    // A fact-checker adds tags first.
    const theirs = await postEdit(users.checker, claimId, {
      version: '1',
      text: 'Rustem Umerov',
      tags: 'talks, prisoners',
      ...base,
    })
    expect(theirs.status).toBe(302)

    // An editor with the page from version 1 open changes only the claimant.
    const mine = { text: 'Rustem Umerov', claimant: 'Ukrainian delegation', tags: '', ...base }
    const stale = await postEdit(users.editor, claimId, { version: '1', ...mine })
    expect(stale.status).toBe(409)
    expect(stale.data.conflict.sides).toEqual({ text: 'none', claimant: 'mine', claimDate: 'none', tags: 'theirs' })

    const forced = await postEdit(users.editor, claimId, { version: String(stale.data.conflict.version), ...mine })
    expect(forced.status).toBe(302)
    const claim = await db.claim.findUniqueOrThrow({
      where: { id: claimId },
      include: { events: { where: { type: 'EDITED' }, orderBy: { createdAt: 'asc' } } },
    })
    expect(claim).toMatchObject({ claimant: 'Ukrainian delegation', tags: ['talks', 'prisoners'], version: 3 })
    expect(claim.events.at(-1)!.changes).toEqual({ claimant: { from: null, to: 'Ukrainian delegation' } })
  })

  it('marks a field both changed differently, and the forced save writes the user’s value there', async () => {
    const current = await db.claim.findUniqueOrThrow({ where: { id: claimId } })
    const startedFrom = {
      'base.text': current.text,
      'base.claimant': current.claimant,
      'base.claimDate': '',
      'base.tags': current.tags.join(', '),
    }
    const first = await postEdit(users.checker, claimId, {
      version: String(current.version),
      text: current.text,
      claimant: 'Umerov',
      tags: 'talks',
      ...startedFrom,
    })
    expect(first.status).toBe(302)
    const typed = { text: current.text, claimant: 'Rustem Umerov, minister', tags: 'talks, prisoners', ...startedFrom }
    const stale = await postEdit(users.editor, claimId, { version: String(current.version), ...typed })
    expect(stale.status).toBe(409)
    expect(stale.data.conflict.sides).toMatchObject({ claimant: 'both', tags: 'theirs' })
    await postEdit(users.editor, claimId, { version: String(stale.data.conflict.version), ...typed })
    expect(await db.claim.findUniqueOrThrow({ where: { id: claimId } })).toMatchObject({
      claimant: 'Rustem Umerov, minister',
      tags: ['talks'],
    })
  })
})

describe('deleting a claim', () => {
  beforeAll(async () => {
    articleId = await newArticle()
  })

  const deleteAs = (user: TestUser, claimId: string, version = '1') =>
    postEdit(user, claimId, { intent: 'delete', version })

  it("refuses a reporter or fact-checker deleting someone else's claim with 403", async () => {
    const claimId = await addClaim(users.editor, 'verification of prisoner lists')
    for (const user of [users.reporter, users.checker]) {
      const result = await deleteAs(user, claimId)
      expect(result.status).toBe(403)
      expect(result.data.deleteMessage).toBe('You can only delete claims you added yourself.')
    }
    expect((await db.claim.findUniqueOrThrow({ where: { id: claimId } })).deletedAt).toBeNull()
  })

  it('refuses deleting a claim whose research has started, even for an editor', async () => {
    const claimId = await addClaim(users.reporter, 'the involvement of intermediary states')
    await db.claim.update({ where: { id: claimId }, data: { status: 'IN_RESEARCH' } })
    const result = await deleteAs(users.editor, claimId)
    expect(result.status).toBe(403)
    expect(result.data.deleteMessage).toMatch(/Only unreviewed claims can be deleted/)
  })

  it('refuses a stale version with 409', async () => {
    const claimId = await addClaim(users.reporter, 'transportation routes')
    await postEdit(users.editor, claimId, { version: '1', text: 'Edited meanwhile.' })
    const result = await deleteAs(users.reporter, claimId, '1')
    expect(result.status).toBe(409)
    expect((await db.claim.findUniqueOrThrow({ where: { id: claimId } })).deletedAt).toBeNull()
  })

  it('lets the creator delete an unreviewed claim: it leaves the workspace and its events remain', async () => {
    const claimId = await addClaim(users.reporter, 'security arrangements')
    const result = await deleteAs(users.reporter, claimId)
    expect(result.status).toBe(302)
    expect(result.location).toBe(`/articles/${articleId}`)

    const { data } = await loadWorkspace(users.checker)
    expect(data.claims.map((claim: { id: string }) => claim.id)).not.toContain(claimId)
    const claim = await db.claim.findUniqueOrThrow({
      where: { id: claimId },
      include: { events: { orderBy: { createdAt: 'asc' } } },
    })
    expect(claim.deletedAt).not.toBeNull()
    expect(claim.events.map((event) => event.type)).toEqual(['CREATED', 'DELETED'])
    expect(claim.events[1]).toMatchObject({ actorId: users.reporter.id, fromStatus: 'UNREVIEWED' })

    // A deleted claim is gone for editing too.
    const page = await loadEdit(users.editor, claimId)
    expect(page.status).toBe(404)
  })

  it("lets an editor delete anyone's unreviewed claim", async () => {
    const claimId = await addClaim(users.checker, 'verification of prisoner lists, transportation routes')
    const result = await deleteAs(users.editor, claimId)
    expect(result.status).toBe(302)
    expect((await db.claim.findUniqueOrThrow({ where: { id: claimId } })).deletedAt).not.toBeNull()
  })
})

describe('the workspace page', () => {
  beforeAll(async () => {
    articleId = await newArticle()
  })

  it('shows the article, its claims with highlights data and who may edit them', async () => {
    const mine = await addClaim(users.reporter, 'Despite Kyiv’s optimistic tone')
    const theirs = await addClaim(users.checker, 'significant procedural and organizational issues')
    const result = await loadWorkspace(users.reporter)
    expect(result.status).toBe(200)
    expect(result.data.article).toMatchObject({ id: articleId, title: 'Ukraine pushes for exchange', body: BODY })
    // The article is the reporter's own; its details stay editable even once it has claims.
    expect(result.data.canEditArticle).toBe(true)
    expect((await loadWorkspace(users.checker)).data.canEditArticle).toBe(false)
    const byId = Object.fromEntries(result.data.claims.map((claim: { id: string }) => [claim.id, claim]))
    expect(byId[mine]).toMatchObject({
      number: 1,
      status: 'UNREVIEWED',
      verdict: null,
      quote: 'Despite Kyiv’s optimistic tone',
      ...spanOf('Despite Kyiv’s optimistic tone'),
    })
    // Who may edit a claim is the panel's to say, when the claim is opened.
    expect((await loadClaimPage(users.reporter, mine)).data.access.canEdit).toBe(true)
    expect((await loadClaimPage(users.reporter, theirs)).data.access.canEdit).toBe(false)
  })

  it('answers 404 for an article that does not exist', async () => {
    const result = await loadWorkspace(users.reporter, '', 'nope')
    expect(result.status).toBe(404)
  })
})

describe('suggested claims', () => {
  beforeAll(async () => {
    articleId = await newArticle()
  })

  it('lists the check-worthy sentences of the article, best first, ten at a time', async () => {
    const { data } = await loadWorkspace(users.reporter)
    const { shown, total, dismissed } = data.suggestions
    expect(total).toBeGreaterThan(10)
    expect(shown).toHaveLength(10)
    expect(dismissed).toEqual([])
    expect(shown[0].text).toMatch(/^Kyiv: Ukraine has launched an urgent diplomatic effort/)
    expect(shown[0].reasons).toContain('number: 1,200')
    for (const [i, suggestion] of shown.entries()) {
      expect(BODY.slice(suggestion.startOffset, suggestion.endOffset)).toBe(suggestion.text)
      expect(suggestion.score).toBeGreaterThan(0)
      if (i > 0) expect(suggestion.score).toBeLessThanOrEqual(shown[i - 1].score)
    }
    const all = await loadWorkspace(users.reporter, '?suggestions=all')
    expect(all.data.suggestions.shown).toHaveLength(total)
  })

  it('accepts a suggestion as a claim scored by the suggester, and stops suggesting it', async () => {
    const { data } = await loadWorkspace(users.reporter)
    const top = data.suggestions.shown[0]
    const result = await postSuggestion(users.reporter, 'accept', top)
    expect(result.status).toBe(302)
    expect(result.location).toBe(`/articles/${articleId}`)

    const claim = await db.claim.findFirstOrThrow({
      where: { articleId, startOffset: top.startOffset, endOffset: top.endOffset },
      include: { events: true },
    })
    expect(claim).toMatchObject({
      quote: top.text,
      text: top.text,
      checkworthiness: top.score,
      status: 'UNREVIEWED',
      createdById: users.reporter.id,
    })
    expect(claim.events).toHaveLength(1)
    expect(claim.events[0]).toMatchObject({
      type: 'CREATED',
      changes: { source: 'suggestion', checkworthiness: top.score },
    })

    const after = await loadWorkspace(users.reporter)
    expect(after.data.suggestions.total).toBe(data.suggestions.total - 1)
    expect(after.data.suggestions.shown.map((s: { startOffset: number }) => s.startOffset)).not.toContain(
      top.startOffset,
    )

    // Accepting it again does not make a second claim.
    const again = await postSuggestion(users.checker, 'accept', top)
    expect(again.status).toBe(409)
    expect(await db.claim.count({ where: { articleId, startOffset: top.startOffset, endOffset: top.endOffset } })).toBe(
      1,
    )
  })

  it('hides a dismissed suggestion for everyone, idempotently, until it is restored', async () => {
    const { data } = await loadWorkspace(users.reporter)
    const target = data.suggestions.shown[0]
    expect((await postSuggestion(users.reporter, 'dismiss', target)).status).toBe(302)
    expect((await postSuggestion(users.reporter, 'dismiss', target)).status).toBe(302)
    expect(await db.suggestionDismissal.count({ where: { articleId } })).toBe(1)

    const forChecker = await loadWorkspace(users.checker, '?suggestions=all')
    expect(forChecker.data.suggestions.shown.map((s: { startOffset: number }) => s.startOffset)).not.toContain(
      target.startOffset,
    )
    expect(forChecker.data.suggestions.dismissed).toEqual([
      expect.objectContaining({ ...spanOf(target.text), dismissedBy: users.reporter.name }),
    ])
    expect(forChecker.data.suggestions.total).toBe(data.suggestions.total - 1)

    expect((await postSuggestion(users.checker, 'restore', target)).status).toBe(302)
    const restored = await loadWorkspace(users.reporter)
    expect(restored.data.suggestions.shown[0]).toMatchObject({
      startOffset: target.startOffset,
      endOffset: target.endOffset,
    })
    expect(restored.data.suggestions.dismissed).toEqual([])
  })

  it('refuses a forged accept whose offsets are not a sentence of the article', async () => {
    const before = await claimCount()
    const { data } = await loadWorkspace(users.reporter)
    const real = data.suggestions.shown[0]
    for (const span of [
      { startOffset: real.startOffset + 1, endOffset: real.endOffset },
      { startOffset: 0, endOffset: BODY.length },
      { startOffset: BODY.length + 10, endOffset: BODY.length + 20 },
    ]) {
      const result = await postSuggestion(users.reporter, 'accept', span)
      expect(result.status).toBe(400)
      expect(result.data.message).toMatch(/no longer matches a sentence/)
    }
    const garbage = await callAction(workspaceRoute.action, {
      url: `/articles/${articleId}`,
      params: { articleId },
      user: users.reporter,
      form: { intent: 'accept', startOffset: 'x', endOffset: '5' },
    })
    expect(garbage.status).toBe(400)
    const dismissForged = await postSuggestion(users.reporter, 'dismiss', { startOffset: 1, endOffset: 4 })
    expect(dismissForged.status).toBe(400)
    expect(await claimCount()).toBe(before)
    expect(await db.suggestionDismissal.count({ where: { articleId } })).toBe(0)
  })

  it('keeps the full list in view after acting on it', async () => {
    const { data } = await loadWorkspace(users.reporter, '?suggestions=all')
    const last = data.suggestions.shown[data.suggestions.shown.length - 1]
    const result = await callAction(workspaceRoute.action, {
      url: `/articles/${articleId}?suggestions=all`,
      params: { articleId },
      user: users.reporter,
      form: { intent: 'dismiss', startOffset: String(last.startOffset), endOffset: String(last.endOffset) },
    })
    expect(result.location).toBe(`/articles/${articleId}?suggestions=all`)
  })

  it('stops suggesting a sentence that was marked by hand with the same offsets', async () => {
    const { data } = await loadWorkspace(users.reporter)
    const target = data.suggestions.shown[0]
    await addClaim(users.reporter, target.text)
    const after = await loadWorkspace(users.reporter)
    expect(after.data.suggestions.shown.map((s: { startOffset: number }) => s.startOffset)).not.toContain(
      target.startOffset,
    )
  })
})
