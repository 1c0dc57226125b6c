// The demo desk: one user per role and the first article Factdesk was asked to check, with claims in every
// status, several verdicts, sources and history. Safe to run again: nothing is duplicated.
import fs from 'node:fs'
import { hashPassword } from '~/auth/password.server'
import type { ClaimEventType, ClaimStatus, Role, SourceKind, Stance, Verdict } from '~/generated/prisma/enums'
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

const SOURCES: Record<
  string,
  {
    url: string
    title: string
    publisher: string
    kind: SourceKind
    reliability: 'HIGH' | 'MEDIUM' | 'LOW' | 'UNKNOWN'
  }
> = {
  address: {
    url: 'https://www.president.gov.ua/en/news',
    title: 'Addresses of the President of Ukraine',
    publisher: 'Office of the President of Ukraine',
    kind: 'OFFICIAL_STATEMENT',
    reliability: 'MEDIUM',
  },
  coordination: {
    url: 'https://koordshtab.gov.ua/en',
    title: 'Coordination Headquarters for the Treatment of Prisoners of War',
    publisher: 'Government of Ukraine',
    kind: 'PRIMARY_DOCUMENT',
    reliability: 'HIGH',
  },
  icrc: {
    url: 'https://www.icrc.org/en/where-we-work/europe-central-asia/ukraine',
    title: 'ICRC in Ukraine',
    publisher: 'International Committee of the Red Cross',
    kind: 'OFFICIAL_STATEMENT',
    reliability: 'HIGH',
  },
  ohchr: {
    url: 'https://www.ohchr.org/en/countries/ukraine',
    title: 'Ukraine: human rights monitoring reports',
    publisher: 'UN Human Rights Office',
    kind: 'DATASET',
    reliability: 'HIGH',
  },
  wire: {
    url: 'https://www.reuters.com/world/europe/',
    title: 'Europe news coverage of the prisoner exchange talks',
    publisher: 'Reuters',
    kind: 'NEWS_REPORT',
    reliability: 'MEDIUM',
  },
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
  sources?: Array<{ key: keyof typeof SOURCES; stance: Stance; excerpt?: string; note?: string }>
  checkworthiness?: number
}

/** An approved claim: the checker who held it proposed the verdict, and the editor approved it. */
function approved(checker: UserKey) {
  return { status: 'APPROVED', assignee: checker, proposedBy: checker, approvedBy: 'editor' } as const
}

const CLAIMS: SeedClaim[] = [
  {
    id: 'seed-claim-01',
    quote:
      'Ukraine has launched an urgent diplomatic effort to secure the release of 1,200 Ukrainian prisoners currently held in Russia',
    text: 'Ukraine is seeking the release of 1,200 Ukrainian prisoners held in Russia.',
    claimant: 'Government of Ukraine',
    tags: ['prisoners', 'diplomacy'],
    ...approved('checker'),
    verdict: 'MOSTLY_TRUE',
    rationale:
      'The presidential address and the coordination headquarters both describe an effort to bring home about 1,200 people; the figure is a target for the exchange, not a confirmed list.',
    createdBy: 'reporter',
    sources: [
      { key: 'address', stance: 'SUPPORTS', excerpt: 'We are working on all fronts to bring our people home.' },
      { key: 'coordination', stance: 'SUPPORTS', note: 'The headquarters speaks of "more than a thousand" people.' },
    ],
    checkworthiness: 0.86,
  },
  {
    id: 'seed-claim-02',
    quote: 'one of the largest proposed prisoner exchanges since the conflict began',
    claimant: 'The article',
    tags: ['prisoners', 'comparison'],
    ...approved('checker2'),
    verdict: 'HALF_TRUE',
    rationale:
      'Earlier exchanges were of similar size; "one of the largest" holds only for proposed, not completed, exchanges.',
    createdBy: 'reporter',
    sources: [
      { key: 'ohchr', stance: 'CONTEXT', note: 'Monitoring reports list the sizes of earlier exchanges.' },
      { key: 'wire', stance: 'REFUTES', excerpt: 'Exchanges of comparable size took place in earlier years.' },
    ],
    checkworthiness: 0.74,
  },
  {
    id: 'seed-claim-03',
    quote:
      'Rustem Umerov, has been leading international discussions, having recently held talks in Turkey and the United Arab Emirates',
    text: 'Rustem Umerov recently held talks on the exchange in Turkey and the United Arab Emirates.',
    claimant: 'The article',
    tags: ['diplomacy'],
    ...approved('checker'),
    verdict: 'TRUE',
    rationale: 'Both visits were announced by the Ukrainian side and reported by wire services at the time.',
    createdBy: 'checker',
    sources: [{ key: 'wire', stance: 'SUPPORTS' }],
    checkworthiness: 0.81,
  },
  {
    id: 'seed-claim-04',
    quote:
      'the Istanbul agreements a set of protocols established in 2022 that had enabled organized and relatively smooth prisoner swaps between the two nations',
    text: 'Protocols agreed in Istanbul in 2022 enabled organised and relatively smooth prisoner swaps.',
    claimant: 'The article',
    tags: ['history', 'diplomacy'],
    status: 'NEEDS_REVIEW',
    verdict: 'MISLEADING',
    rationale:
      'The 2022 Istanbul talks produced no signed general agreement on prisoners; exchanges continued case by case, so "protocols" overstates what was settled.',
    createdBy: 'reporter',
    assignee: 'checker',
    proposedBy: 'checker',
    sources: [
      {
        key: 'icrc',
        stance: 'CONTEXT',
        note: 'The ICRC describes its role as a neutral intermediary, exchange by exchange.',
      },
      { key: 'wire', stance: 'REFUTES' },
    ],
    checkworthiness: 0.79,
  },
  {
    id: 'seed-claim-05',
    quote:
      'So far, Russia has offered no official response to Ukraine’s call for the resumption of prisoner exchanges.',
    claimant: 'The article',
    tags: ['russia'],
    ...approved('checker2'),
    verdict: 'UNPROVEN',
    rationale:
      'No official Russian statement could be found at the time of checking, but absence of a response cannot be confirmed.',
    createdBy: 'reporter',
    sources: [{ key: 'wire', stance: 'CONTEXT' }],
    checkworthiness: 0.55,
  },
  {
    id: 'seed-claim-06',
    quote:
      'For months, exchanges have been irregular, dependent on battlefield conditions and mutual willingness that often fluctuates.',
    claimant: 'The article',
    tags: ['prisoners', 'history'],
    status: 'IN_RESEARCH',
    createdBy: 'reporter',
    assignee: 'checker',
    dueInDays: 2,
    sources: [{ key: 'ohchr', stance: 'CONTEXT' }],
    checkworthiness: 0.48,
  },
  {
    id: 'seed-claim-07',
    quote: 'Ukraine maintains that the 1,200 prisoners a mix of military personnel and civilians must be prioritized',
    text: 'The 1,200 prisoners include both military personnel and civilians.',
    claimant: 'Government of Ukraine',
    tags: ['prisoners', 'civilians'],
    status: 'IN_RESEARCH',
    createdBy: 'checker',
    assignee: 'checker2',
    dueInDays: -1,
    checkworthiness: 0.77,
  },
  {
    id: 'seed-claim-08',
    quote: 'For many Ukrainian families, the prospect of a large-scale exchange is emotionally charged.',
    claimant: 'The article',
    tags: [],
    ...approved('checker'),
    verdict: 'NOT_A_CLAIM',
    rationale: 'A description of feelings, not a checkable statement of fact.',
    createdBy: 'reporter',
    checkworthiness: 0.12,
  },
  {
    id: 'seed-claim-09',
    quote: 'Zelenskiy said Kyiv is working intensely to achieve the swap before the New Year and Christmas',
    text: 'Zelenskiy said Kyiv aims to complete the exchange before the New Year and Christmas.',
    claimant: 'Volodymyr Zelenskiy',
    tags: ['timeline'],
    status: 'IN_RESEARCH',
    verdict: 'TRUE',
    rationale: 'Matches the wire report of the address.',
    createdBy: 'reporter',
    assignee: 'checker',
    dueInDays: 1,
    returned: { by: 'editor', note: 'Please cite the transcript of the address itself, not a news summary of it.' },
    sources: [{ key: 'wire', stance: 'SUPPORTS' }],
    checkworthiness: 0.72,
  },
  {
    id: 'seed-claim-10',
    quote: 'As talks continue in Ankara, Abu Dhabi, and Kyiv',
    text: 'Talks on the exchange are continuing in Ankara, Abu Dhabi and Kyiv.',
    claimant: 'The article',
    tags: ['diplomacy'],
    status: 'UNREVIEWED',
    createdBy: 'reporter',
    checkworthiness: 0.58,
  },
  {
    id: 'seed-claim-11',
    quote: 'this exchange would mark one of the largest coordinated releases of Ukrainian captives since the war began',
    claimant: 'The article',
    tags: ['comparison'],
    status: 'UNREVIEWED',
    createdBy: 'reporter',
  },
]

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
        if (claim.returned) {
          events.push({
            type: 'VERDICT_PROPOSED',
            actor: claim.assignee!,
            at: tick(),
            from: 'IN_RESEARCH',
            to: 'NEEDS_REVIEW',
            changes: { verdict: { from: null, to: claim.verdict } },
          })
          events.push({
            type: 'RETURNED',
            actor: claim.returned.by,
            at: tick(),
            from: 'NEEDS_REVIEW',
            to: 'IN_RESEARCH',
            note: claim.returned.note,
          })
        }
        let proposedAt: Date | undefined
        if (claim.proposedBy) {
          proposedAt = tick(5)
          events.push({
            type: 'VERDICT_PROPOSED',
            actor: claim.proposedBy,
            at: proposedAt,
            from: 'IN_RESEARCH',
            to: 'NEEDS_REVIEW',
            changes: { verdict: { from: null, to: claim.verdict } },
          })
        }
        let approvedAt: Date | undefined
        if (claim.approvedBy) {
          approvedAt = tick(4)
          events.push({
            type: 'APPROVED',
            actor: claim.approvedBy,
            at: approvedAt,
            from: 'NEEDS_REVIEW',
            to: 'APPROVED',
          })
        }
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
  return true
}

/** Seeds only a database that has no users yet (the first start). */
export async function seedIfEmpty(): Promise<boolean> {
  if ((await db.user.count()) > 0) return false
  return seed()
}
