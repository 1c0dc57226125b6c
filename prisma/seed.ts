// The demo desk: one user per role and the first article Factdesk was asked to check, with claims in every
// status, several verdicts, sources and history. Safe to run again: nothing is duplicated.
import fs from 'node:fs'
import { hashPassword } from '~/auth/password.server'
import type { ClaimEventType, ClaimStatus, Role, SourceKind, Stance, Verdict } from '~/generated/prisma/enums'
import { publishReport } from '~/reports/publishing.server'
import { db } from '~/utils/db.server'

export const DEMO_PASSWORD = 'factdesk-demo-2026'

type UserKey = 'reporter' | 'checker' | 'checker2' | 'editor' | 'admin'

export const DEMO_USERS: ReadonlyArray<{ key: UserKey; email: string; name: string; role: Role }> = [
  { key: 'reporter', email: 'reporter@factdesk.example', name: 'Rita Reyes', role: 'REPORTER' },
  { key: 'checker', email: 'checker@factdesk.example', name: 'Chen Okafor', role: 'FACT_CHECKER' },
  { key: 'checker2', email: 'checker2@factdesk.example', name: 'Dana Petrova', role: 'FACT_CHECKER' },
  { key: 'editor', email: 'editor@factdesk.example', name: 'Eddie Marsh', role: 'EDITOR' },
  { key: 'admin', email: 'admin@factdesk.example', name: 'Ada Nwosu', role: 'ADMIN' },
]

export const SEED_ARTICLE_ID = 'seed-ukraine-prisoner-exchange'
export const SEED_ARTICLE_TITLE = 'Ukraine pushes for exchange of 1,200 prisoners held in Russia'
const ARTICLE_BODY = fs.readFileSync(new URL('./fixtures/ukraine-prisoner-exchange.txt', import.meta.url), 'utf8')

type SeedSource = {
  url: string
  title: string
  publisher: string
  kind: SourceKind
  reliability: 'HIGH' | 'MEDIUM' | 'LOW' | 'UNKNOWN'
}

type SeedClaim = {
  id: string
  quote: string
  text?: string
  claimant: string
  tags: string[]
  status: ClaimStatus
  verdict?: Verdict
  rationale?: string
  assignee?: UserKey
  dueInDays?: number
  createdBy: UserKey
  proposedBy?: UserKey
  approvedBy?: UserKey
  returned?: { by: UserKey; note: string }
  sources?: Array<{ key: string; stance: Stance; excerpt?: string; note?: string }>
  checkworthiness?: number
}

// The demo desk's sources and claims are data: prisma/fixtures/seed-desk.json.
const DESK = JSON.parse(fs.readFileSync(new URL('./fixtures/seed-desk.json', import.meta.url), 'utf8')) as {
  sources: Record<string, SeedSource>
  claims: SeedClaim[]
}
const SOURCES = DESK.sources
const CLAIMS = DESK.claims

/** Seeds the demo desk. Returns false when it was already there. */
export async function seed(): Promise<boolean> {
  const passwordHash = await hashPassword(DEMO_PASSWORD)
  const users = {} as Record<UserKey, string>
  for (const demo of DEMO_USERS) {
    const user = await db.user.upsert({
      where: { email: demo.email },
      update: {},
      create: { email: demo.email, name: demo.name, role: demo.role, password: { create: { hash: passwordHash } } },
      select: { id: true },
    })
    users[demo.key] = user.id
  }
  await db.settings.update({
    where: { id: 1 },
    data: { organizationName: 'Factdesk Demo Desk', organizationUrl: 'https://factdesk.example' },
  })

  if (await db.article.findUnique({ where: { id: SEED_ARTICLE_ID }, select: { id: true } })) return false

  const sourceIds: Record<string, string> = {}
  for (const [key, source] of Object.entries(SOURCES)) {
    const row = await db.source.upsert({
      where: { url: source.url },
      update: {},
      create: { ...source, createdById: users.checker },
      select: { id: true },
    })
    sourceIds[key] = row.id
  }

  const day = 24 * 60 * 60 * 1000
  const start = Date.now() - 6 * day
  await db.$transaction(
    async (tx) => {
      await tx.article.create({
        data: {
          id: SEED_ARTICLE_ID,
          title: SEED_ARTICLE_TITLE,
          outlet: 'Kyiv Independent Wire',
          author: 'Staff reporter',
          url: 'https://news.example/world/ukraine-prisoner-exchange',
          publishedAt: new Date(start - day),
          body: ARTICLE_BODY,
          createdById: users.reporter,
          createdAt: new Date(start),
        },
      })
      for (const [index, claim] of CLAIMS.entries()) {
        const startOffset = ARTICLE_BODY.indexOf(claim.quote)
        if (startOffset < 0) throw new Error(`Seed claim ${claim.id} does not quote the article exactly`)
        let clock = start + index * 60 * 60 * 1000
        const tick = (hours = 3) => new Date((clock += hours * 60 * 60 * 1000))
        const events: Array<{
          type: ClaimEventType
          actor: UserKey
          at: Date
          from?: ClaimStatus
          to?: ClaimStatus
          note?: string
          changes?: object
        }> = []
        const createdAt = tick(0)
        events.push({ type: 'CREATED', actor: claim.createdBy, at: createdAt, to: 'UNREVIEWED' })
        if (claim.assignee)
          events.push({
            type: 'ASSIGNED',
            actor: 'editor',
            at: tick(1),
            changes: { assignee: { from: null, to: users[claim.assignee] } },
          })
        if (claim.status !== 'UNREVIEWED') {
          events.push({
            type: 'STATUS_CHANGED',
            actor: claim.assignee ?? 'checker',
            at: tick(),
            from: 'UNREVIEWED',
            to: 'IN_RESEARCH',
          })
          for (const source of claim.sources ?? []) {
            events.push({
              type: 'SOURCE_ATTACHED',
              actor: claim.assignee ?? 'checker',
              at: tick(),
              changes: { url: SOURCES[source.key]!.url, stance: source.stance },
            })
          }
        }
        // A status change in the claim's history, at `at`.
        const step = (type: ClaimEventType, actor: UserKey, from: ClaimStatus, to: ClaimStatus, at: Date, more = {}) =>
          events.push({ type, actor, at, from, to, ...more })
        const proposal = { changes: { verdict: { from: null, to: claim.verdict } } }
        if (claim.returned) {
          step('VERDICT_PROPOSED', claim.assignee!, 'IN_RESEARCH', 'NEEDS_REVIEW', tick(), proposal)
          step('RETURNED', claim.returned.by, 'NEEDS_REVIEW', 'IN_RESEARCH', tick(), { note: claim.returned.note })
        }
        const proposedAt = claim.proposedBy ? tick(5) : undefined
        if (claim.proposedBy && proposedAt)
          step('VERDICT_PROPOSED', claim.proposedBy, 'IN_RESEARCH', 'NEEDS_REVIEW', proposedAt, proposal)
        const approvedAt = claim.approvedBy ? tick(4) : undefined
        if (claim.approvedBy && approvedAt) step('APPROVED', claim.approvedBy, 'NEEDS_REVIEW', 'APPROVED', approvedAt)
        await tx.claim.create({
          data: {
            id: claim.id,
            articleId: SEED_ARTICLE_ID,
            quote: claim.quote,
            startOffset,
            endOffset: startOffset + claim.quote.length,
            text: claim.text ?? claim.quote,
            claimant: claim.claimant,
            tags: claim.tags,
            checkworthiness: claim.checkworthiness ?? null,
            status: claim.status,
            verdict: claim.verdict ?? null,
            rationale: claim.rationale ?? '',
            assigneeId: claim.assignee ? users[claim.assignee] : null,
            dueAt: claim.dueInDays === undefined ? null : new Date(Date.now() + claim.dueInDays * day),
            createdById: users[claim.createdBy],
            proposedById: claim.proposedBy ? users[claim.proposedBy] : null,
            proposedAt: proposedAt ?? null,
            approvedById: claim.approvedBy ? users[claim.approvedBy] : null,
            approvedAt: approvedAt ?? null,
            version: events.length,
            createdAt,
            sources: {
              create: (claim.sources ?? []).map((source) => ({
                sourceId: sourceIds[source.key]!,
                stance: source.stance,
                excerpt: source.excerpt ?? '',
                note: source.note ?? '',
                addedById: users[claim.assignee ?? 'checker'],
              })),
            },
          },
        })
        await tx.claimEvent.createMany({
          data: events.map((event) => ({
            claimId: claim.id,
            actorId: users[event.actor],
            type: event.type,
            fromStatus: event.from ?? null,
            toStatus: event.to ?? null,
            note: event.note ?? '',
            changes: event.changes ?? undefined,
            createdAt: event.at,
          })),
        })
      }
      await tx.comment.createMany({
        data: [
          {
            claimId: 'seed-claim-04',
            authorId: users.checker,
            body: 'The 2022 talks are well documented; the "protocols" wording is the problem.',
            createdAt: new Date(start + 2 * day),
          },
          {
            claimId: 'seed-claim-04',
            authorId: users.reporter,
            body: 'Our correspondent used "protocols" loosely; happy to change the wording if the verdict holds.',
            createdAt: new Date(start + 2 * day + 3600_000),
          },
          {
            claimId: 'seed-claim-07',
            authorId: users.editor,
            body: 'This one is overdue; the civilians figure matters for the headline.',
            createdAt: new Date(start + 4 * day),
          },
        ],
      })
    },
    { timeout: 30_000 },
  )
  // The demo article's report is public, so a new desk shows what readers see (/reports/…).
  const published = await publishReport({ id: users.editor, role: 'EDITOR' }, SEED_ARTICLE_ID)
  if (!published.ok) throw new Error(`The demo report could not be published: ${published.message}`)
  return true
}

/** Seeds only a database that has no users yet (the first start). */
export async function seedIfEmpty(): Promise<boolean> {
  if ((await db.user.count()) > 0) return false
  return seed()
}
