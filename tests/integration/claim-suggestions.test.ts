// Splitting a suggested sentence that states two checkable facts into two claims, through the
// workspace's action, against a real database.
import { beforeAll, describe, expect, it } from '@jest/globals'
import * as workspaceRoute from '~/routes/articles/$articleId/index'
import { db } from '~/utils/db.server'
import { callAction, callLoader } from '../helpers/route'
import { createUsers, type TestUser } from '../helpers/users'

const TWO_FACTS =
  'Rice output rose from five million to 11 million tonnes in 2023, and the new mills cut the import bill by 90 per cent.'
const ONE_FACT = 'Critics say the subsidy costs $2 billion a year.'
const BODY = `${TWO_FACTS}\n\n${ONE_FACT}`

let users: Awaited<ReturnType<typeof createUsers>>
let articleId: string

beforeAll(async () => {
  users = await createUsers()
  const article = await db.article.create({
    data: { title: 'Rice mills', outlet: 'Wire', body: BODY, createdById: users.reporter.id },
    select: { id: true },
  })
  articleId = article.id
})

type Shown = {
  text: string
  startOffset: number
  endOffset: number
  parts: Array<{ startOffset: number; endOffset: number }>
}

async function suggestions(user: TestUser): Promise<Shown[]> {
  const result = await callLoader(workspaceRoute.loader, {
    url: `/articles/${articleId}`,
    params: { articleId },
    user,
  })
  return result.data.suggestions.shown
}

function post(user: TestUser, intent: string, span: { startOffset: number; endOffset: number }) {
  return callAction(workspaceRoute.action, {
    url: `/articles/${articleId}`,
    params: { articleId },
    user,
    form: { intent, startOffset: String(span.startOffset), endOffset: String(span.endOffset) },
  })
}

describe('splitting a suggestion', () => {
  it('offers the parts of a sentence that states two facts, and none for one that states one', async () => {
    const shown = await suggestions(users.checker)
    const two = shown.find((s) => s.text === TWO_FACTS)!
    expect(two.parts.map((part) => BODY.slice(part.startOffset, part.endOffset))).toEqual([
      'Rice output rose from five million to 11 million tonnes in 2023',
      'the new mills cut the import bill by 90 per cent.',
    ])
    expect(shown.find((s) => s.text === ONE_FACT)?.parts).toEqual([])
  })

  it('refuses to split a sentence that states one fact, creating nothing', async () => {
    const one = (await suggestions(users.checker)).find((s) => s.text === ONE_FACT)!
    const result = await post(users.checker, 'split', one)
    expect(result.status).toBe(400)
    expect(result.data.message).toMatch(/states one checkable fact/)
    expect(await db.claim.count({ where: { articleId } })).toBe(0)
  })

  it('makes one scored claim of each fact, then stops suggesting the sentence and refuses a second split', async () => {
    const two = (await suggestions(users.checker)).find((s) => s.text === TWO_FACTS)!
    const result = await post(users.checker, 'split', two)
    expect(result.status).toBe(302)
    const claims = await db.claim.findMany({
      where: { articleId },
      orderBy: { startOffset: 'asc' },
      select: { quote: true, startOffset: true, endOffset: true, checkworthiness: true, createdById: true },
    })
    expect(claims.map((claim) => claim.quote)).toEqual(two.parts.map((p) => BODY.slice(p.startOffset, p.endOffset)))
    for (const claim of claims) {
      expect(claim.createdById).toBe(users.checker.id)
      expect(claim.checkworthiness).toBeGreaterThan(0)
    }
    expect((await suggestions(users.checker)).map((s) => s.text)).toEqual([ONE_FACT])
    expect((await post(users.checker, 'split', two)).status).toBe(409)
    expect(await db.claim.count({ where: { articleId } })).toBe(2)
  })
})
