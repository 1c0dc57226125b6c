// Generated hostile bodies sent to every action of every route, as every role and signed out: list indexes in
// the millions, NUL bytes, Conform's reserved names, wrong types, oversize fields and bodies. None may get a
// server error, and a refused one may change nothing in the database.
import { beforeAll, describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import type { Role } from '~/generated/prisma/enums'
import { db } from '~/utils/db.server'
import { addressOf, APP_ROUTES, routeModule, type AppRoute } from '../helpers/app-routes'
import { createArticleWithClaim } from '../helpers/claims'
import { callAction, type RouteResult } from '../helpers/route'
import { createUser, createUsers, signIn, type TestUser } from '../helpers/users'

const CLAIM_INTENTS = [
  'start',
  'propose',
  'approve',
  'return',
  'reopen',
  'assign',
  'attach-source',
  'detach-source',
  'comment',
  'edit-comment',
] as const

/** Every route with an action, and the intents its forms send. A route with an action missing here fails the first test. */
const FUZZ_ROUTES: Record<string, readonly string[]> = {
  'routes/login.tsx': [],
  'routes/logout.ts': [],
  'routes/account.tsx': ['password', 'sign-out-others', 'create-token', 'revoke-token', 'notifications'],
  'routes/notifications.tsx': ['read', 'read-all'],
  'routes/events.ts': ['presence'],
  'routes/admin/users.tsx': ['create', 'role', 'deactivate', 'reactivate'],
  'routes/articles/new.tsx': ['save', 'import', 'upload'],
  'routes/articles/$articleId/edit.tsx': [],
  'routes/articles/$articleId/index.tsx': ['accept', 'split', 'dismiss', 'restore'],
  'routes/articles/$articleId/claims.new.tsx': [],
  'routes/claims/$claimId/edit.tsx': ['save', 'delete'],
  'routes/exports/claims[.]csv.ts': [],
  'routes/exports/claims[.]json.ts': [],
  'routes/exports/claimreview[.]jsonld.ts': [],
  'routes/admin/settings.tsx': [],
  'routes/admin/webhooks.tsx': ['create', 'enable', 'disable', 'delete', 'redeliver'],
  'routes/claims/$claimId/index.tsx': CLAIM_INTENTS,
  // The workspace's claim panel answers the same forms.
  'routes/articles/$articleId/claims.$claimId.tsx': CLAIM_INTENTS,
  'routes/sources/index.tsx': ['rate'],
  'routes/admin/sign-ins.tsx': ['clear'],
  'routes/fact-checks/index.tsx': ['file', 'url'],
  'routes/fact-checks/claim.$claimId.ts': ['use-as-starting-point', 'group'],
  'routes/articles/$articleId/publish.tsx': ['publish', 'unpublish'],
  // The API's routes refuse every write with 405.
  'routes/api/v1/claims.ts': [],
  'routes/api/v1/claims.$claimId.ts': [],
  'routes/api/v1/articles.ts': [],
  'routes/api/v1/articles.$articleId.ts': [],
  'routes/api/v1/sources.ts': [],
  'routes/api/v1/openapi[.]json.ts': [],
  'routes/api/not-found.ts': [],
}

/** The names the desk's forms use. */
const FIELD_NAMES = [
  'intent',
  'email',
  'password',
  'redirectTo',
  'currentPassword',
  'newPassword',
  'confirmPassword',
  'name',
  'role',
  'userId',
  'title',
  'outlet',
  'author',
  'url',
  'publishedAt',
  'body',
  'file',
  'seenUpdatedAt',
  'quote',
  'startOffset',
  'endOffset',
  'occurrence',
  'text',
  'claimant',
  'claimDate',
  'tags',
  'version',
  'fromClaimId',
  'otherClaimId',
  'verdict',
  'rationale',
  'note',
  'assigneeId',
  'dueAt',
  'setDue',
  'publisher',
  'kind',
  'archivedUrl',
  'stance',
  'excerpt',
  'sourceId',
  'commentId',
  'reliability',
  'scope',
  'format',
  'article',
  'articleSearch',
  'tag',
  'from',
  'to',
  'bom',
  'organizationName',
  'organizationUrl',
  'urlImportAllowList',
  'lockoutId',
  'description',
  'events',
  'endpointId',
  'deliveryId',
  'scopes',
  'expiry',
  'tokenId',
  'notificationId',
  'kinds',
  'claimId',
] as const

const ROLES: Array<Role | 'signed out'> = ['signed out', 'REPORTER', 'FACT_CHECKER', 'EDITOR', 'ADMIN']
const OVERSIZE_FIELD = 'x'.repeat(70 * 1024)
const OVERSIZE_BODY = 'y'.repeat(300 * 1024)

type ActionRoute = AppRoute & { action: unknown; intents: readonly string[] }

let actionRoutes: ActionRoute[]
let cookies: Record<string, string | undefined>
let userIds: Record<Role, string>
const ids: Record<string, string> = {}

beforeAll(async () => {
  const withActions: ActionRoute[] = []
  for (const route of APP_ROUTES) {
    // A module mounted at two addresses (the API's not-found) is fuzzed once.
    if (withActions.some((seen) => seen.file === route.file)) continue
    const module = await routeModule(route.file)
    if (module.action) withActions.push({ ...route, action: module.action, intents: FUZZ_ROUTES[route.file] ?? [] })
  }
  actionRoutes = withActions

  const { reporter, checker, editor, admin } = await createUsers()
  const bystander = await createUser('FACT_CHECKER')
  const users: Record<Role, TestUser> = { REPORTER: reporter, FACT_CHECKER: checker, EDITOR: editor, ADMIN: admin }
  cookies = {
    'signed out': undefined,
    ...Object.fromEntries(Object.entries(users).map(([role, user]) => [role, user.cookie])),
  }
  userIds = Object.fromEntries(Object.entries(users).map(([role, user]) => [role, user.id])) as Record<Role, string>
  const { articleId, claimId } = await createArticleWithClaim(reporter, {
    title: 'Fuzz',
    body: 'The river rose by 3 metres in 2021, the ministry said.',
    quote: 'The river rose by 3 metres',
  })
  const source = await db.source.create({ data: { url: 'https://example.org/fuzz', title: 'Fuzz data' } })
  const comment = await db.comment.create({
    data: { claimId, authorId: reporter.id, body: 'Check the gauge.' },
  })
  Object.assign(ids, {
    articleId,
    claimId,
    sourceId: source.id,
    commentId: comment.id,
    bystanderId: bystander.id,
  })
})

/** One line per table: its row count and a checksum of its rows. Session activity times move on every visit, so they are left out. */
async function snapshot(): Promise<Record<string, string>> {
  const tables = await db.$queryRaw<Array<{ name: string }>>`
    SELECT table_name AS name FROM information_schema.tables
    WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations' ORDER BY 1`
  const selects = tables.map(({ name }) => {
    const rows = name === 'Session' ? `(SELECT id, "userId", "createdAt" FROM "Session")` : `"${name}"`
    return `SELECT '${name}' AS name, count(*) || ':' || md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS sum FROM ${rows} t`
  })
  const rows = await db.$queryRawUnsafe<Array<{ name: string; sum: string }>>(selects.join(' UNION ALL '))
  return Object.fromEntries(rows.map((row) => [row.name, row.sum]))
}

type Body = { encoding: 'urlencoded' | 'multipart'; entries: Array<[string, string]> }

async function send(route: ActionRoute, role: Role | 'signed out', body: Body) {
  // Signing out ends the session it is sent with, so it gets a session of its own.
  const cookie =
    route.file === 'routes/logout.ts' && role !== 'signed out' ? await signIn(userIds[role]) : cookies[role]
  const request =
    body.encoding === 'urlencoded'
      ? {
          body: new URLSearchParams(body.entries).toString(),
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        }
      : { form: body.entries.reduce((form, [name, value]) => (form.append(name, value), form), new FormData()) }
  const before = await snapshot()
  const result = await callAction(route.action, {
    ...addressOf(route, ids, 'missing'),
    cookie,
    ...request,
  }).catch(
    (error: unknown) =>
      ({ status: 500, data: String(error), headers: new Headers(), location: null, thrown: true }) as RouteResult,
  )
  const after = await snapshot()
  return { result, before, after, size: JSON.stringify(result.data ?? null).length }
}

function expectNoHarm(route: ActionRoute, role: string, body: Body, outcome: Awaited<ReturnType<typeof send>>) {
  const { result, before, after } = outcome
  const label = {
    route: route.file,
    role,
    entries: body.entries.map(([name, value]) => [
      name,
      value.length > 60 ? `${value.slice(0, 60)}… (${value.length})` : value,
    ]),
  }
  expect({ ...label, serverError: result.status >= 500 ? result.data : null }).toEqual({ ...label, serverError: null })
  const refused = result.status >= 400
  if (refused) {
    // A failed sign-in is counted, by design, towards the address's lockout.
    if (route.file === 'routes/login.tsx' && (result.status === 401 || result.status === 429)) {
      delete after.LoginFailure
      delete before.LoginFailure
    }
    expect({ ...label, status: result.status, tables: after }).toEqual({
      ...label,
      status: result.status,
      tables: before,
    })
  }
}

const index = fc.oneof(fc.nat(60), fc.constantFrom(999, 1_000_000, 10_000_000, 2 ** 31, 2 ** 53))
const knownName = fc.constantFrom(...FIELD_NAMES)
const name = fc.oneof(
  { weight: 4, arbitrary: knownName },
  { weight: 2, arbitrary: fc.tuple(knownName, index).map(([field, n]) => `${field}[${n}]`) },
  { weight: 1, arbitrary: fc.tuple(knownName, knownName).map(([a, b]) => `${a}.${b}`) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '__intent__',
      '__state__',
      '__proto__',
      'constructor',
      '__proto__[polluted]',
      'a..b',
      'a[x]',
      'a[]',
      '[0]',
    ),
  },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
)

const value = (intents: readonly string[]) =>
  fc.oneof(
    {
      weight: 3,
      arbitrary: fc.constantFrom(
        ...intents,
        'TRUE',
        'FALSE',
        'NOT_A_CLAIM',
        'SUPPORTS',
        'HIGH',
        'ADMIN',
        'approved',
        'json',
        'on',
        '1',
        '0',
      ),
    },
    { weight: 2, arbitrary: fc.constantFrom(...Object.keys(ids)).map((key) => ids[key]!) },
    { weight: 2, arbitrary: fc.string({ maxLength: 30 }).map((text) => `${text}\0${text}`) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        '-1',
        '1e309',
        'NaN',
        '9007199254740993',
        '2026-13-45',
        'null',
        '{"type":"update"}',
        '[',
        'https://',
        'javascript:alert(1)',
      ),
    },
    { weight: 1, arbitrary: fc.constantFrom(OVERSIZE_FIELD, 'z'.repeat(6_000)) },
  )

function bodyFor(route: ActionRoute): fc.Arbitrary<Body> {
  const entries = fc.array(fc.tuple(name, value(route.intents)), { maxLength: 10 })
  const intent = route.intents.length
    ? fc.option(fc.constantFrom(...route.intents), { nil: undefined })
    : fc.constant(undefined)
  return fc.record({
    encoding: fc.constantFrom('urlencoded' as const, 'multipart' as const),
    entries: fc.tuple(intent, entries, fc.boolean()).map(([chosen, rest, huge]): Array<[string, string]> => {
      const all: Array<[string, string]> = chosen ? [['intent', chosen], ...rest] : rest
      // Now and then the whole body is past every form's limit.
      return huge && rest.length === 1 ? [...all, ['body', OVERSIZE_BODY]] : all
    }),
  })
}

describe('hostile bodies against every action', () => {
  it('cover every route of app/routes.ts that has an action', () => {
    expect(actionRoutes.map((route) => route.file).sort()).toEqual(Object.keys(FUZZ_ROUTES).sort())
  })

  it('answer verdict[10000000]=TRUE with a 400 of under 10 KB, or refuse the user before reading, for every role', async () => {
    const body: Body = {
      encoding: 'urlencoded',
      entries: [
        ['scope', 'approved'],
        ['verdict[10000000]', 'TRUE'],
      ],
    }
    for (const route of actionRoutes) {
      for (const role of ROLES) {
        const outcome = await send(route, role, body)
        expectNoHarm(route, role, body, outcome)
        const { status, location } = outcome.result
        // The API's routes refuse every post (405) before reading it.
        const refusedFirst = status === 403 || status === 405 || Boolean(location?.startsWith('/login'))
        expect({
          route: route.file,
          role,
          status: refusedFirst ? 'refused first' : status,
          small: outcome.size < 10 * 1024,
        }).toEqual({
          route: route.file,
          role,
          status: refusedFirst ? 'refused first' : 400,
          small: true,
        })
      }
    }
  }, 60_000)

  it('never get a server error, and change nothing when refused', async () => {
    const roleAndRoute = fc.tuple(fc.constantFrom(...ROLES), fc.nat(actionRoutes.length - 1))
    await fc.assert(
      fc.asyncProperty(
        roleAndRoute.chain(([role, at]) =>
          fc.tuple(fc.constant(role), fc.constant(actionRoutes[at]!.file), bodyFor(actionRoutes[at]!)),
        ),
        async ([role, file, body]) => {
          const route = actionRoutes.find((candidate) => candidate.file === file)!
          expectNoHarm(route, role, body, await send(route, role, body))
        },
      ),
      { numRuns: 150, endOnFailure: true },
    )
  }, 60_000)
})
