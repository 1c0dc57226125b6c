// Through the real server: a form posted from another site to any action is refused and changes nothing.
import fs from 'node:fs'
import path from 'node:path'
import routes from '../../app/routes.ts'
import { test, expect } from './fixtures'

type Entry = { file: string; path?: string; children?: Entry[] }
const flatten = (entries: Entry[]): Entry[] => entries.flatMap((entry) => [entry, ...flatten(entry.children ?? [])])

function actionUrls(ids: Record<string, string>) {
  return (
    flatten(routes as Entry[])
      .filter((entry) =>
        /export (async )?(function|const) action\b/.test(fs.readFileSync(path.join('app', entry.file), 'utf8')),
      )
      // The API reads no cookie and refuses every post with a JSON 405 (tests/browser/api-tokens.spec.ts).
      .filter((entry) => !entry.file.startsWith('routes/api/'))
      .map((entry) => `/${(entry.path ?? '').replace(/:(\w+)/g, (_, name: string) => ids[name] ?? 'unknown')}`)
  )
}

test('cross-site form posts are refused with 403 by every action, and change nothing', async ({
  request,
  desk,
  baseURL,
}) => {
  const { user: admin, article, claim } = await desk.ownClaim({ role: 'ADMIN' })
  const login = await request.post('/login', {
    headers: { Origin: baseURL! },
    form: { email: admin.email, password: admin.password },
    maxRedirects: 0,
  })
  expect(login.status()).toBe(302)

  // What a refused post from this admin's session could have changed; other tests run alongside, so only this admin's traces count.
  const snapshot = () =>
    desk.query(
      `SELECT
         (SELECT count(*)::int FROM "User" WHERE email = 'mallory@evil.example' OR name = 'Mallory') AS mallory,
         (SELECT row_to_json(u)::text FROM (SELECT role, active, name, "mustChangePassword" FROM "User" WHERE id = $1) u) AS admin,
         (SELECT count(*)::int FROM "Session" WHERE "userId" = $1) AS sessions,
         (SELECT hash FROM "Password" WHERE "userId" = $1) AS password,
         (SELECT count(*)::int FROM "Article" WHERE "createdById" = $1) AS articles,
         (SELECT row_to_json(a)::text FROM (SELECT title, body, "updatedAt" FROM "Article" WHERE id = $2) a) AS article,
         (SELECT count(*)::int FROM "Claim" WHERE "createdById" = $1) AS claims,
         (SELECT row_to_json(c)::text FROM (SELECT status, version, "deletedAt", "updatedAt" FROM "Claim" WHERE id = $3) c) AS claim,
         (SELECT count(*)::int FROM "ClaimEvent" WHERE "actorId" = $1) AS events,
         (SELECT count(*)::int FROM "Comment" WHERE "authorId" = $1) AS comments,
         (SELECT count(*)::int FROM "ClaimSource" WHERE "addedById" = $1) AS citations,
         (SELECT count(*)::int FROM "Source" WHERE "createdById" = $1) AS sources,
         (SELECT count(*)::int FROM "SuggestionDismissal" WHERE "dismissedById" = $1) AS dismissals,
         (SELECT count(*)::int FROM "Export" WHERE "userId" = $1) AS exports,
         (SELECT count(*)::int FROM "Settings" WHERE "updatedById" = $1) AS settings`,
      [admin.id, article.id, claim.id],
    )

  const urls = actionUrls({ articleId: article.id, claimId: claim.id })
  expect(urls).toEqual(expect.arrayContaining(['/login', '/logout', '/account', '/admin/users', `/claims/${claim.id}`]))
  const before = await snapshot()
  for (const url of urls) {
    for (const intent of ['', 'create', 'delete', 'deactivate', 'sign-out-others', 'comment', 'start']) {
      const response = await request.post(url, {
        headers: { Origin: 'https://evil.example' },
        form: {
          intent,
          name: 'Mallory',
          email: 'mallory@evil.example',
          role: 'ADMIN',
          title: 'Injected',
          body: 'Injected text.',
          version: '1',
        },
        maxRedirects: 0,
      })
      expect({ url, intent, status: response.status() }).toEqual({ url, intent, status: 403 })
    }
  }
  expect(await snapshot()).toEqual(before)
})
