// A post whose body is not a form (a script, a misconfigured client) gets a 4xx answer from every action,
// never a server error.
import { describe, expect, it } from '@jest/globals'
import path from 'node:path'
import routes from '~/routes'
import { db } from '~/utils/db.server'
import { callAction } from '../helpers/route'
import { createUser } from '../helpers/users'

type Entry = { file: string; path?: string; children?: Entry[] }
const flatten = (entries: Entry[]): Entry[] => entries.flatMap((entry) => [entry, ...flatten(entry.children ?? [])])

describe('actions given a body that is not a form', () => {
  it('answer 400 (or refuse) rather than fail', async () => {
    const admin = await createUser('ADMIN')
    const article = await db.article.create({
      data: { title: 'Bodies', body: 'A claim about 3 rivers.', createdById: admin.id },
    })
    const claim = await db.claim.create({
      data: {
        articleId: article.id,
        quote: 'A claim',
        text: 'A claim',
        startOffset: 0,
        endOffset: 7,
        createdById: admin.id,
      },
    })
    const ids: Record<string, string> = { articleId: article.id, claimId: claim.id }
    const outcomes: Array<{ route: string; status: number }> = []
    for (const entry of flatten(routes as Entry[])) {
      const module = (await import(path.join(process.cwd(), 'app', entry.file))) as { action?: unknown }
      if (!module.action || entry.file === 'routes/logout.ts') continue
      const url = `/${(entry.path ?? '').replace(/:(\w+)/g, (_, name: string) => ids[name] ?? 'missing')}`
      const params = Object.fromEntries(
        [...(entry.path ?? '').matchAll(/:(\w+)/g)].map(([, name]) => [name!, ids[name!] ?? 'missing']),
      )
      const result = await callAction(module.action, {
        url,
        params,
        user: admin,
        headers: { 'Content-Type': 'application/json' },
        form: undefined,
      }).catch((error: Error) => ({ status: 500, error }))
      outcomes.push({ route: entry.file, status: result.status })
    }
    expect(outcomes.length).toBeGreaterThan(5)
    expect(outcomes.filter((outcome) => outcome.status >= 500)).toEqual([])
  })
})
