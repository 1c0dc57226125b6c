// What every browser test imports: `import { test, expect } from './fixtures'`.
//
// `page` is guarded: the test fails on a page error, a console error, a document answered >= 500 or
// an unexpected 404, a `.data` request answered >= 500 or 404, or a browser address containing `.data`
// (React Router's client-side data requests are normal; landing on one as a page is the bug).
// `guard.allowStatus(404)` lets a test visit a missing page on purpose; `guard.allowConsoleError(/…/)`
// lets it expect one console error. With JavaScript on, `page.goto` and `page.reload` return once React has
// hydrated the page, so a key or click that follows reaches the page's handlers.
//
// `desk` makes the test's own data straight in the test database, so no test depends on another:
//   const editor = await desk.user({ role: 'EDITOR' })
//   const article = await desk.article({ by: editor })
//   const claim = await desk.claim({ article, by: editor, status: 'NEEDS_REVIEW' })
//   await desk.signIn(page, editor)
// or, for a test that needs one person signed in and nothing else of theirs:
//   const editor = await desk.signInAs(page, 'EDITOR')
//   const { user, article, claim } = await desk.openClaim(page, { role: 'REPORTER' })   // on /claims/:id
//   const { user, article, claim } = await desk.ownClaim({ role: 'ADMIN' })             // the same, not signed in
//   await openFromMenu(page, 'Export')                                                 // the header's main menu
//
// JavaScript off, for the forms that must work without it:
//   test.describe('without JavaScript', () => {
//     test.use(JAVASCRIPT_OFF)
//     test('…', async ({ page }) => { … })
//   })
import { test as base, expect, type Page, type Response } from '@playwright/test'
import crypto from 'node:crypto'
import pg from 'pg'
import { hashPassword } from '../../app/auth/password.server.ts'

export { expect }

/** `test.use(JAVASCRIPT_OFF)` inside a `test.describe` runs its tests with JavaScript disabled. */
export const JAVASCRIPT_OFF = { javaScriptEnabled: false } as const

/** The message the last action left ("Done: Claim approved."), found by its text. */
export function toast(page: Page, message: string | RegExp) {
  return page.getByRole('status').filter({ hasText: message })
}

/** Follows a link of the header's main menu (Articles, Queue, Dashboard, Export, Admin…), as a person would. */
/** Waits until React has hydrated the page, so that what is typed next is not replaced by hydration. */
export function hydrated(page: Page) {
  return page.locator('html[data-hydrated]').waitFor({ state: 'attached' })
}

/**
 * Makes `page.goto` and `page.reload` return once React has hydrated a desk page, as a person waits for a
 * page to be ready: a key pressed or a button clicked earlier would reach no listener or post natively.
 * Answers that are not a desk page (a CSV, JSON, a bare 413) are returned as they come.
 */
function waitForHydrationAfterLoads(page: Page) {
  const settle = async (response: Response | null) => {
    const isDeskPage = await page.evaluate(() => '__reactRouterContext' in window).catch(() => false)
    if (isDeskPage) await hydrated(page)
    return response
  }
  const goto = page.goto.bind(page)
  const reload = page.reload.bind(page)
  page.goto = async (...args) => settle(await goto(...args))
  page.reload = async (...args) => settle(await reload(...args))
}

export function openFromMenu(page: Page, name: string) {
  return page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name }).click()
}

/** Writes a comment on the claim page it is on and sends it, until the desk says it was added. */
export async function addComment(page: Page, text: string) {
  await page.getByLabel('Add a comment').fill(text)
  await page.getByRole('button', { name: 'Add comment' }).click()
  await expect(toast(page, 'Comment added.')).toBeVisible()
}

/** Fills the sign-in form on the page it is on and sends it; what follows is the test's to check. */
export async function submitSignIn(page: Page, user: { email: string; password: string }) {
  await page.getByLabel('Email').fill(user.email)
  await page.getByLabel('Password').fill(user.password)
  await page.getByRole('button', { name: 'Sign in' }).click()
}

export type Role = 'REPORTER' | 'FACT_CHECKER' | 'EDITOR' | 'ADMIN'
export type ClaimStatus = 'UNREVIEWED' | 'IN_RESEARCH' | 'NEEDS_REVIEW' | 'APPROVED'
export type Verdict =
  'TRUE' | 'MOSTLY_TRUE' | 'HALF_TRUE' | 'MISLEADING' | 'MOSTLY_FALSE' | 'FALSE' | 'UNPROVEN' | 'NOT_A_CLAIM'

export type DeskUser = { id: string; email: string; name: string; role: Role; password: string }
export type DeskArticle = { id: string; title: string; body: string }
export type DeskClaim = { id: string; quote: string }
export type DeskSource = { id: string; url: string; title: string }

export type Guard = {
  /** Lets documents (and data requests) answer with this status without failing the test. */
  allowStatus(status: number): void
  /** Lets console errors matching the pattern through. */
  allowConsoleError(pattern: RegExp): void
}

export type UserOptions = {
  role: Role
  mustChangePassword?: boolean
  password?: string
  name?: string
  active?: boolean
}

export type ClaimOptions = {
  article: DeskArticle
  by: { id: string; role?: Role }
  quote?: string
  status?: ClaimStatus
  verdict?: Verdict
  rationale?: string
  tags?: string[]
  claimant?: string
  text?: string
  assignee?: { id: string } | null
  proposedBy?: { id: string }
  approvedBy?: { id: string }
}

export type OwnClaimOptions = { role?: Role; claim?: Omit<ClaimOptions, 'article' | 'by'> }

export type Desk = {
  user(options: UserOptions): Promise<DeskUser>
  article(options: { by: { id: string }; title?: string; body?: string }): Promise<DeskArticle>
  claim(options: ClaimOptions): Promise<DeskClaim>
  source(options?: {
    url?: string
    title?: string
    publisher?: string
    reliability?: 'HIGH' | 'MEDIUM' | 'LOW' | 'UNKNOWN'
  }): Promise<DeskSource>
  /** Attaches a source to a claim as `by` did (what the claim page's form would do, without the event). */
  attach(options: {
    claim: DeskClaim
    source: DeskSource
    by: { id: string }
    stance?: 'SUPPORTS' | 'REFUTES' | 'CONTEXT'
  }): Promise<void>
  /** Signs in through the login form, as a person would, and waits for the desk's header. */
  signIn(page: Page, user: { email: string; password: string }): Promise<void>
  /** A new person with this role (and these options), signed in. */
  signInAs(page: Page, role: Role, options?: Omit<UserOptions, 'role'>): Promise<DeskUser>
  /**
   * A new person with this role (a reporter unless said), an article of theirs and a claim of theirs on it;
   * `claim` sets the claim's options, as for `desk.claim`.
   */
  ownClaim(options?: OwnClaimOptions): Promise<{ user: DeskUser; article: DeskArticle; claim: DeskClaim }>
  /**
   * A new person with this role (a reporter unless said), signed in, on the page of a claim of their own on an
   * article of their own (`edit`: on its edit page); `by` gives the article and claim to a new person with that
   * role instead, so that one person opens another's claim.
   */
  openClaim(
    page: Page,
    options?: OwnClaimOptions & { by?: Role; edit?: boolean },
  ): Promise<{ user: DeskUser; article: DeskArticle; claim: DeskClaim }>
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>
}

export const DEFAULT_PASSWORD = 'browser-suite-password-2026'

const ROLE_NAMES: Record<Role, string> = {
  REPORTER: 'Reporter',
  FACT_CHECKER: 'Checker',
  EDITOR: 'Editor',
  ADMIN: 'Admin',
}
const CAN_PROPOSE: Role[] = ['FACT_CHECKER', 'EDITOR', 'ADMIN']

const DEFAULT_BODY = [
  'The harbour board said on Tuesday that container traffic grew 14 percent in 2025, the fastest rise in a decade.',
  'Mayor Lena Vos announced that the city will spend 40 million euros on a new tram line by 2028.',
  'According to the statistics office, unemployment in the region fell to 5.2 percent last year.',
  'The new bridge, opened in March, is the longest in the country at 2.4 kilometres.',
  'Residents told reporters that the market square has rarely been so busy.',
].join(' ')

/** Sentences of a body with their offsets, as a reporter would mark them. */
function sentencesOf(body: string): Array<{ text: string; start: number }> {
  const sentences: Array<{ text: string; start: number }> = []
  // A full stop ends a sentence only before a space or the end: 5.2 is one number.
  const pattern = /\S[^]*?[.!?]+(?=\s|$)/g
  for (let match = pattern.exec(body); match; match = pattern.exec(body))
    sentences.push({ text: match[0], start: match.index })
  return sentences
}

const id = () => `bt${crypto.randomUUID().replace(/-/g, '').slice(0, 23)}`
const short = () => crypto.randomBytes(3).toString('hex')

// One password hash per distinct password for the whole worker: argon2id is deliberately slow.
const hashes = new Map<string, Promise<string>>()
const hashOf = (password: string) => {
  if (!hashes.has(password)) hashes.set(password, hashPassword(password))
  return hashes.get(password)!
}

function makeDesk(pool: pg.Pool): Desk {
  const query = async <T>(sql: string, params: unknown[] = []) => (await pool.query(sql, params)).rows as T[]

  const desk: Desk = {
    query,

    async user({ role, mustChangePassword = false, password = DEFAULT_PASSWORD, name, active = true }) {
      const suffix = short()
      const user: DeskUser = {
        id: id(),
        email: `${role.toLowerCase().replace('_', '-')}-${suffix}@browser.test`,
        name: name ?? `${ROLE_NAMES[role]} ${suffix.toUpperCase()}`,
        role,
        password,
      }
      await query(
        `INSERT INTO "User" (id, email, name, role, active, "mustChangePassword", "updatedAt") VALUES ($1, $2, $3, $4::"Role", $5, $6, now())`,
        [user.id, user.email, user.name, role, active, mustChangePassword],
      )
      await query(`INSERT INTO "Password" ("userId", hash, "updatedAt") VALUES ($1, $2, now())`, [
        user.id,
        await hashOf(password),
      ])
      return user
    },

    async article({ by, title, body = DEFAULT_BODY }) {
      const article = { id: id(), title: title ?? `Harbour city report ${short()}`, body }
      await query(
        `INSERT INTO "Article" (id, title, body, "createdById", "updatedAt") VALUES ($1, $2, $3, $4, now())`,
        [article.id, article.title, article.body, by.id],
      )
      return article
    },

    async source({ url, title, publisher = 'Browser Suite Gazette', reliability = 'UNKNOWN' } = {}) {
      const suffix = short()
      const source = {
        id: id(),
        url: url ?? `https://sources.example/report-${suffix}`,
        title: title ?? `Harbour statistics ${suffix}`,
      }
      await query(
        `INSERT INTO "Source" (id, url, title, publisher, kind, reliability, "updatedAt") VALUES ($1, $2, $3, $4, 'NEWS_REPORT', $5::"Reliability", now())`,
        [source.id, source.url, source.title, publisher, reliability],
      )
      return source
    },

    async attach({ claim, source, by, stance = 'SUPPORTS' }) {
      await query(
        `INSERT INTO "ClaimSource" ("claimId", "sourceId", stance, "addedById") VALUES ($1, $2, $3::"Stance", $4)`,
        [claim.id, source.id, stance, by.id],
      )
    },

    async claim(options) {
      const { article, by, status = 'UNREVIEWED', tags = [], claimant = '' } = options
      let quote = options.quote
      let start: number
      if (quote === undefined) {
        // Each new claim on an article takes the next sentence, so two claims do not quote the same words.
        const sentences = sentencesOf(article.body)
        const [row] = await query<{ n: number }>(`SELECT count(*)::int AS n FROM "Claim" WHERE "articleId" = $1`, [
          article.id,
        ])
        const sentence = sentences[(row?.n ?? 0) % sentences.length]!
        quote = sentence.text
        start = sentence.start
      } else {
        start = article.body.indexOf(quote)
        if (start < 0) throw new Error(`desk.claim: the quote is not in the article body: ${quote}`)
      }
      const reached = (s: ClaimStatus) =>
        ['UNREVIEWED', 'IN_RESEARCH', 'NEEDS_REVIEW', 'APPROVED'].indexOf(status) >=
        ['UNREVIEWED', 'IN_RESEARCH', 'NEEDS_REVIEW', 'APPROVED'].indexOf(s)
      const proposed = reached('NEEDS_REVIEW')
      const verdict = options.verdict ?? (proposed ? 'TRUE' : null)
      const rationale = options.rationale ?? (proposed ? 'The figures match the official report.' : '')

      // Who did what, consistently with the workflow: a proposer who may propose, an approver who is someone else.
      const canPropose = by.role ? CAN_PROPOSE.includes(by.role) : false
      const researcher =
        status === 'UNREVIEWED'
          ? null
          : (options.proposedBy ?? (canPropose ? by : await desk.user({ role: 'FACT_CHECKER' })))
      const assignee = options.assignee === undefined ? researcher : options.assignee
      const proposer = proposed ? researcher : null
      const approver = reached('APPROVED') ? (options.approvedBy ?? (await desk.user({ role: 'EDITOR' }))) : null

      const claim = { id: id(), quote }
      const events: Array<{ type: string; actor: string; from?: ClaimStatus; to?: ClaimStatus; changes?: object }> = [
        { type: 'CREATED', actor: by.id, to: 'UNREVIEWED' },
      ]
      if (researcher)
        events.push({ type: 'STATUS_CHANGED', actor: researcher.id, from: 'UNREVIEWED', to: 'IN_RESEARCH' })
      const needsSource = proposed && verdict !== 'NOT_A_CLAIM'
      const source = needsSource ? await desk.source() : null
      if (source && researcher)
        events.push({ type: 'SOURCE_ATTACHED', actor: researcher.id, changes: { url: source.url, stance: 'SUPPORTS' } })
      if (proposer) {
        events.push({
          type: 'VERDICT_PROPOSED',
          actor: proposer.id,
          from: 'IN_RESEARCH',
          to: 'NEEDS_REVIEW',
          changes: { verdict: { from: null, to: verdict } },
        })
      }
      if (approver) events.push({ type: 'APPROVED', actor: approver.id, from: 'NEEDS_REVIEW', to: 'APPROVED' })

      const client = await pool.connect()
      try {
        await client.query('BEGIN')
        await client.query(
          `INSERT INTO "Claim" (id, "articleId", quote, "startOffset", "endOffset", text, claimant, tags, status, verdict, rationale,
             "assigneeId", "createdById", "proposedById", "proposedAt", "approvedById", "approvedAt", version, "updatedAt")
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::"ClaimStatus", $10::"Verdict", $11, $12, $13, $14,
             CASE WHEN $14::text IS NULL THEN NULL ELSE now() END, $15, CASE WHEN $15::text IS NULL THEN NULL ELSE now() END, $16, now())`,
          [
            claim.id,
            article.id,
            quote,
            start,
            start + quote.length,
            options.text ?? quote,
            claimant,
            tags,
            status,
            verdict,
            rationale,
            assignee?.id ?? null,
            by.id,
            proposer?.id ?? null,
            approver?.id ?? null,
            events.length,
          ],
        )
        if (source && researcher) {
          await client.query(
            `INSERT INTO "ClaimSource" ("claimId", "sourceId", stance, "addedById") VALUES ($1, $2, 'SUPPORTS', $3)`,
            [claim.id, source.id, researcher.id],
          )
        }
        for (const [index, event] of events.entries()) {
          // Apart by a millisecond each, so the history lists them in the order they happened.
          await client.query(
            `INSERT INTO "ClaimEvent" (id, "claimId", "actorId", type, "fromStatus", "toStatus", changes, "createdAt")
             VALUES ($1, $2, $3, $4::"ClaimEventType", $5::"ClaimStatus", $6::"ClaimStatus", $7::jsonb, now() - make_interval(secs => $8::float / 1000))`,
            [
              id(),
              claim.id,
              event.actor,
              event.type,
              event.from ?? null,
              event.to ?? null,
              event.changes ? JSON.stringify(event.changes) : null,
              events.length - index,
            ],
          )
        }
        await client.query('COMMIT')
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {})
        throw error
      } finally {
        client.release()
      }
      return claim
    },

    async signIn(page, user) {
      await page.goto('/login')
      await submitSignIn(page, user)
      await expect(page).not.toHaveURL(/\/login(\?|$)/)
      await expect(page.getByTestId('current-role')).toBeVisible()
    },

    async signInAs(page, role, options = {}) {
      const user = await desk.user({ ...options, role })
      await desk.signIn(page, user)
      return user
    },

    async ownClaim({ role = 'REPORTER', claim: claimOptions = {} } = {}) {
      const user = await desk.user({ role })
      const article = await desk.article({ by: user })
      const claim = await desk.claim({ ...claimOptions, article, by: user })
      return { user, article, claim }
    },

    async openClaim(page, { role = 'REPORTER', by, claim: claimOptions, edit = false } = {}) {
      const own = await desk.ownClaim({ role: by ?? role, claim: claimOptions })
      const user = by ? await desk.user({ role }) : own.user
      await desk.signIn(page, user)
      await page.goto(`/claims/${own.claim.id}${edit ? '/edit' : ''}`)
      return { ...own, user }
    },
  }
  return desk
}

type GuardState = { statuses: Set<number>; consoleErrors: RegExp[]; problems: string[] }

const isDataUrl = (url: string) => {
  try {
    return new URL(url).pathname.endsWith('.data')
  } catch {
    return false
  }
}

export const test = base.extend<{ guard: Guard; desk: Desk; guardState: GuardState }, { deskPool: pg.Pool }>({
  baseURL: async ({}, use) => {
    const url = process.env.FACTDESK_BASE_URL
    if (!url) throw new Error('FACTDESK_BASE_URL is not set: run the browser suite with `npm run test:browser`.')
    await use(url)
  },

  deskPool: [
    async ({}, use) => {
      const connectionString = process.env.FACTDESK_TEST_DATABASE_URL
      if (!connectionString)
        throw new Error('FACTDESK_TEST_DATABASE_URL is not set: run the browser suite with `npm run test:browser`.')
      const pool = new pg.Pool({ connectionString, max: 4 })
      await use(pool)
      await pool.end()
    },
    { scope: 'worker' },
  ],

  desk: async ({ deskPool }, use) => {
    await use(makeDesk(deskPool))
  },

  guardState: async ({}, use) => {
    await use({ statuses: new Set(), consoleErrors: [], problems: [] })
  },

  guard: async ({ guardState }, use) => {
    await use({
      allowStatus: (status) => void guardState.statuses.add(status),
      allowConsoleError: (pattern) => void guardState.consoleErrors.push(pattern),
    })
  },

  page: async ({ page, guardState, javaScriptEnabled }, use) => {
    if (javaScriptEnabled) waitForHydrationAfterLoads(page)
    const { problems } = guardState
    const allowed = (status: number) => guardState.statuses.has(status)
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
    page.on('console', (message) => {
      if (message.type() !== 'error') return
      const text = message.text()
      // The browser logs every 4xx/5xx answer; the response rules below judge those by what was asked for.
      if (/^Failed to load resource: the server responded with a status of \d+/.test(text)) return
      if (guardState.consoleErrors.some((pattern) => pattern.test(text))) return
      problems.push(`console error: ${text}`)
    })
    page.on('response', (response) => {
      const request = response.request()
      const status = response.status()
      const url = response.url()
      const isDocument = request.isNavigationRequest() && request.resourceType() === 'document'
      if (isDocument && isDataUrl(url))
        problems.push(`a document was loaded from a .data address: ${request.method()} ${url} (${status})`)
      if (allowed(status)) return
      if (status >= 500) problems.push(`${request.method()} ${url} answered ${status}`)
      else if (status === 404) problems.push(`${request.method()} ${url} answered 404`)
    })
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame() && isDataUrl(frame.url()))
        problems.push(`the browser's address became ${frame.url()}`)
    })
    await use(page)
    expect(
      problems,
      'the page stayed healthy (no page or console error, no 5xx, no unexpected 404, no .data address)',
    ).toEqual([])
  },
})
