// Walks every route of app/routes.ts with every role and compares what happens with DESIGN.md's permission
// table. A route added without an entry here, or without its check, fails this test.
import { beforeAll, describe, expect, it } from '@jest/globals'
import { grantOf, type Permission } from '~/auth/permissions'
import type { Role } from '~/generated/prisma/enums'
import { db } from '~/utils/db.server'
import { addressOf, APP_ROUTES as ROUTES, routeModule as moduleOf } from '../helpers/app-routes'
import { createArticleWithClaim } from '../helpers/claims'
import { callAction, callLoader } from '../helpers/route'
import { createUsers, signIn, type TestUser } from '../helpers/users'

type Access = 'public' | 'signed-in' | Permission
type Expectation = { loader?: Access; action?: Access | Record<string, Access> }

const CLAIM_ACTIONS: Record<string, Access> = {
  start: 'claim:research',
  propose: 'claim:propose',
  approve: 'claim:approve',
  return: 'claim:return',
  reopen: 'claim:reopen',
  assign: 'claim:assign',
  'attach-source': 'source:attach',
  'detach-source': 'source:attach',
  comment: 'comment:create',
  'edit-comment': 'comment:create',
}

/** Loaders a page calls in the background (fetcher loads), which never send the person to the login page. */
const BACKGROUND_LOADS = new Set([
  'routes/fact-checks/similar.ts',
  'routes/fact-checks/claim.$claimId.ts',
  'routes/events.ts',
])

const MATRIX: Record<string, Expectation> = {
  'routes/index.tsx': { loader: 'dashboard:view' },
  'routes/login.tsx': { loader: 'public', action: 'public' },
  'routes/logout.ts': { loader: 'public', action: 'public' },
  'routes/account.tsx': { loader: 'signed-in', action: 'signed-in' },
  'routes/notifications.tsx': { loader: 'signed-in', action: { read: 'signed-in', 'read-all': 'signed-in' } },
  'routes/events.ts': { loader: 'signed-in', action: { presence: 'signed-in' } },
  'routes/admin/users.tsx': {
    loader: 'user:manage',
    action: { create: 'user:manage', role: 'user:manage', deactivate: 'user:manage' },
  },
  'routes/admin/sign-ins.tsx': { loader: 'user:manage', action: { clear: 'user:manage' } },
  'routes/articles/index.tsx': { loader: 'article:view' },
  'routes/articles/new.tsx': {
    loader: 'article:create',
    action: { save: 'article:create', import: 'article:create', upload: 'article:create' },
  },
  'routes/articles/$articleId/edit.tsx': { loader: 'article:edit', action: 'article:edit' },
  'routes/articles/$articleId/index.tsx': {
    loader: 'article:view',
    action: { accept: 'claim:create', dismiss: 'claim:create', restore: 'claim:create' },
  },
  'routes/articles/$articleId/claims.new.tsx': { loader: 'claim:create', action: 'claim:create' },
  'routes/articles/$articleId/claimreview.ts': { loader: 'export:run' },
  'routes/claims/$claimId/edit.tsx': { loader: 'claim:edit', action: { save: 'claim:edit', delete: 'claim:delete' } },
  'routes/export.tsx': { loader: 'export:run' },
  'routes/exports/claims[.]csv.ts': { loader: 'export:run', action: 'export:run' },
  'routes/exports/claims[.]json.ts': { loader: 'export:run', action: 'export:run' },
  'routes/exports/claimreview[.]jsonld.ts': { loader: 'export:run', action: 'export:run' },
  'routes/admin/settings.tsx': { loader: 'settings:edit', action: 'settings:edit' },
  'routes/admin/webhooks.tsx': {
    loader: 'settings:edit',
    action: {
      create: 'settings:edit',
      enable: 'settings:edit',
      disable: 'settings:edit',
      delete: 'settings:edit',
      redeliver: 'settings:edit',
    },
  },
  'routes/dashboard.tsx': { loader: 'dashboard:view' },
  'routes/claims/$claimId/index.tsx': { loader: 'claim:view', action: CLAIM_ACTIONS },
  // The workspace's claim panel: the same claim, the same forms.
  'routes/articles/$articleId/claims.$claimId.tsx': { loader: 'claim:view', action: CLAIM_ACTIONS },
  'routes/sources/index.tsx': { loader: 'source:view', action: { rate: 'source:rate' } },
  'routes/queue.tsx': { loader: 'claim:view' },
  'routes/fact-checks/index.tsx': { loader: 'source:rate', action: { file: 'source:rate', url: 'source:rate' } },
  'routes/fact-checks/similar.ts': { loader: 'claim:view' },
  'routes/fact-checks/claim.$claimId.ts': {
    loader: 'claim:view',
    action: { 'use-as-starting-point': 'source:attach', group: 'claim:research' },
  },
  'routes/claims/index.tsx': { loader: 'claim:view' },
  'routes/search.tsx': { loader: 'claim:view' },
  'routes/healthz.ts': { loader: 'public' },
  'routes/not-found.tsx': { loader: 'public' },
  'routes/articles/$articleId/publish.tsx': {
    loader: 'report:publish',
    action: { publish: 'report:publish', unpublish: 'report:publish' },
  },
  // Readers' pages: open to everyone, showing only what is published and approved.
  'routes/reports/index.tsx': { loader: 'public' },
  'routes/reports/$slug/index.tsx': { loader: 'public' },
  'routes/reports/$slug/claims.$claimSlug.tsx': { loader: 'public' },
  'routes/sitemap[.]xml.ts': { loader: 'public' },
  // The API never reads the session: a bearer token and its scopes decide (tests/integration/api.test.ts).
  // Its writes all answer 405.
  'routes/api/v1/claims.ts': { loader: 'public', action: 'public' },
  'routes/api/v1/claims.$claimId.ts': { loader: 'public', action: 'public' },
  'routes/api/v1/articles.ts': { loader: 'public', action: 'public' },
  'routes/api/v1/articles.$articleId.ts': { loader: 'public', action: 'public' },
  'routes/api/v1/sources.ts': { loader: 'public', action: 'public' },
  'routes/api/v1/openapi[.]json.ts': { loader: 'public', action: 'public' },
  'routes/api/not-found.ts': { loader: 'public', action: 'public' },
}

const ROLES: Role[] = ['REPORTER', 'FACT_CHECKER', 'EDITOR', 'ADMIN']

let users: Record<Role, TestUser>
const ids: Record<string, string> = {}

beforeAll(async () => {
  const { reporter, checker, editor, admin } = await createUsers()
  users = { REPORTER: reporter, FACT_CHECKER: checker, EDITOR: editor, ADMIN: admin }
  // The fixtures belong to the reporter, so 'own' grants are exercised both ways.
  const fixtures = await createArticleWithClaim(reporter, {
    title: 'Matrix article',
    body: 'The river rose by 3 metres in 2021.',
    quote: 'The river rose by 3 metres',
  })
  const source = await db.source.create({ data: { url: 'https://example.org/river', title: 'River data' } })
  Object.assign(ids, { ...fixtures, sourceId: source.id })
})

function allowed(access: Access, role: Role) {
  if (access === 'public' || access === 'signed-in') return true
  const grant = grantOf(role, access)
  // Fixtures are the reporter's: an 'own' grant lets the reporter through and stops everyone else.
  return grant === 'all' || (grant === 'own' && role === 'REPORTER')
}

// A public route may send anyone to the login page (logout does); elsewhere that means "not allowed".
function isRefusal(result: { status: number; location: string | null }, access: Access) {
  return result.status === 403 || (access !== 'public' && Boolean(result.location?.startsWith('/login')))
}

describe('the permission matrix', () => {
  it('has an entry for every route, and every loader and action it exports', async () => {
    for (const route of ROUTES) {
      const expectation = MATRIX[route.file]
      expect({ route: route.file, listed: Boolean(expectation) }).toEqual({ route: route.file, listed: true })
      const module = await moduleOf(route.file)
      expect({ route: route.file, loader: Boolean(module.loader), action: Boolean(module.action) }).toEqual({
        route: route.file,
        loader: Boolean(expectation!.loader),
        action: Boolean(expectation!.action),
      })
    }
    const known = new Set(ROUTES.map((route) => route.file))
    expect(Object.keys(MATRIX).filter((file) => !known.has(file))).toEqual([])
  })

  it('sends signed-out visitors to the login page from every page that is not public', async () => {
    for (const route of ROUTES) {
      const module = await moduleOf(route.file)
      const expectation = MATRIX[route.file]!
      for (const kind of ['loader', 'action'] as const) {
        const access = expectation[kind]
        if (!module[kind] || access === 'public') continue
        const call = kind === 'loader' ? callLoader : callAction
        const result = await call(module[kind], addressOf(route, ids, 'no-such-id'))
        // What a page loads by itself answers 401 and leaves the person where they are.
        const background = kind === 'loader' && BACKGROUND_LOADS.has(route.file)
        expect({ route: route.file, kind, status: result.status, location: result.location?.split('?')[0] }).toEqual({
          route: route.file,
          kind,
          status: background ? 401 : 302,
          location: background ? undefined : '/login',
        })
      }
    }
  })

  it('lets each role do exactly what the table grants, on every loader and action', async () => {
    const mismatches: string[] = []
    for (const route of ROUTES) {
      const module = await moduleOf(route.file)
      const expectation = MATRIX[route.file]!
      for (const role of ROLES) {
        if (module.loader && expectation.loader) {
          const result = await callLoader(module.loader, {
            ...addressOf(route, ids, 'no-such-id'),
            cookie: await signIn(users[role].id),
          })
          const refused = isRefusal(result, expectation.loader)
          if (refused === allowed(expectation.loader, role)) {
            mismatches.push(
              `${role} GET ${route.file}: got ${result.status}, expected ${allowed(expectation.loader, role) ? 'allowed' : '403'}`,
            )
          }
        }
        if (module.action && expectation.action) {
          const intents = typeof expectation.action === 'string' ? { '': expectation.action } : expectation.action
          for (const [intent, access] of Object.entries(intents)) {
            const result = await callAction(module.action, {
              ...addressOf(route, ids, 'no-such-id'),
              cookie: await signIn(users[role].id),
              form: intent ? { intent } : {},
            })
            const refused = isRefusal(result, access)
            if (refused === allowed(access, role)) {
              mismatches.push(
                `${role} POST ${route.file} intent=${intent}: got ${result.status}, expected ${allowed(access, role) ? 'allowed' : '403'}`,
              )
            }
          }
        }
      }
    }
    expect(mismatches).toEqual([])
  })
})
