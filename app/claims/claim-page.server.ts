// What the claim page shows: the quote in its paragraph, the evidence, the discussion, the full
// history in words, and which workflow steps this user may take now (from workflow.ts, as the
// action checks them).
import { can, canAssignClaim, canEditClaim, grantOf } from '~/auth/permissions'
import type { Prisma } from '~/generated/prisma/client'
import { Stance } from '~/generated/prisma/enums'
import { canChangeSources, SOURCE_SELECT, sourcesFrozenReason } from '~/sources/sources.server'
import { SOURCE_KIND_LABELS } from '~/sources/labels'
import { formatDay } from '~/utils/dates'
import { db } from '~/utils/db.server'
import { CLAIM_CORE_SELECT } from './claim-select'
import { STANCE_LABELS } from './verdicts'
import {
  allowedActions,
  checkTransition,
  STATUS_LABELS,
  TRANSITIONS,
  WORKFLOW_ACTIONS,
  type ClaimFacts,
} from './workflow'
import { canBeAssigned } from './transitions.server'
import type { ClaimActor } from './writes'
import { describeDue } from './due'
import { EVENT_SELECT, toHistory } from './claim-history.server'

// ---------------------------------------------------------------------------------------------
// Pure helpers

export type Paragraph = { before: string; quote: string; after: string }

/** The paragraph (the text between the line breaks around it) that holds the quote, split around it. */
export function paragraphAround(body: string, startOffset: number, endOffset: number): Paragraph {
  const start = Math.max(0, Math.min(startOffset, body.length))
  const end = Math.max(start, Math.min(endOffset, body.length))
  const paragraphStart = body.lastIndexOf('\n', start - 1) + 1
  const nextBreak = body.indexOf('\n', end)
  const paragraphEnd = nextBreak === -1 ? body.length : nextBreak
  return {
    before: body.slice(paragraphStart, start).replace(/^\s+/, ''),
    quote: body.slice(start, end),
    after: body.slice(end, paragraphEnd).replace(/\s+$/, ''),
  }
}

// ---------------------------------------------------------------------------------------------
// Reading

const CLAIM_PAGE_SELECT = {
  ...CLAIM_CORE_SELECT,
  claimDate: true,
  rationale: true,
  dueAt: true,
  deletedAt: true,
  assigneeId: true,
  proposedById: true,
  proposedAt: true,
  approvedAt: true,
  article: { select: { id: true, title: true, body: true } },
  assignee: { select: { id: true, name: true } },
  proposedBy: { select: { name: true } },
  approvedBy: { select: { name: true } },
  sources: {
    orderBy: { createdAt: 'asc' },
    select: {
      stance: true,
      excerpt: true,
      note: true,
      createdAt: true,
      addedBy: { select: { name: true } },
      source: { select: SOURCE_SELECT },
    },
  },
  comments: {
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: {
      id: true,
      body: true,
      createdAt: true,
      editedAt: true,
      authorId: true,
      author: { select: { name: true } },
    },
  },
  events: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], select: EVENT_SELECT },
} satisfies Prisma.ClaimSelect

const STANCE_ORDER: readonly Stance[] = [Stance.SUPPORTS, Stance.REFUTES, Stance.CONTEXT]

/** Everything the claim page shows to this user, or null when the claim does not exist or was deleted. */
export async function claimPage(claimId: string, user: ClaimActor) {
  const claim = await db.claim.findUnique({ where: { id: claimId }, select: CLAIM_PAGE_SELECT })
  if (!claim || claim.deletedAt) return null

  const facts: ClaimFacts = {
    status: claim.status,
    proposedById: claim.proposedById,
    sourceCount: claim.sources.length,
    verdict: claim.verdict,
    rationale: claim.rationale,
  }
  const actions = allowedActions(user, facts)
  // Why the step this status leads to is not offered to this user (role, or the four-eyes rule).
  const blocked = WORKFLOW_ACTIONS.filter(
    (action) => TRANSITIONS[action].from === claim.status && !actions.includes(action),
  )
    .map((action) => checkTransition(user, facts, action))
    .filter((result): result is Extract<typeof result, { ok: false }> => !result.ok && result.status === 403)
    .map((result) => result.message)

  const assignAll = grantOf(user.role, 'claim:assign') === 'all'
  const assignees =
    assignAll && claim.status !== 'APPROVED'
      ? await db.user.findMany({
          where: { active: true, role: { in: ['FACT_CHECKER', 'EDITOR', 'ADMIN'] } },
          orderBy: [{ name: 'asc' }, { id: 'asc' }],
          select: { id: true, name: true, role: true },
        })
      : []

  const sources = claim.sources.map((citation) => ({
    stance: citation.stance,
    excerpt: citation.excerpt,
    note: citation.note,
    addedBy: citation.addedBy.name,
    addedAt: citation.createdAt.toISOString(),
    ...citation.source,
    kindLabel: SOURCE_KIND_LABELS[citation.source.kind],
    publishedAt: citation.source.publishedAt ? formatDay(citation.source.publishedAt) : null,
  }))

  const history = await toHistory(claim.events)
  // The editor's note travels with a returned claim until it is proposed again.
  const lastStep = [...history].reverse().find((entry) => entry.toStatus !== null)
  const returned =
    claim.status === 'IN_RESEARCH' && lastStep?.type === 'RETURNED'
      ? { by: lastStep.actor, at: lastStep.at, note: lastStep.note }
      : null

  return {
    claim: {
      id: claim.id,
      text: claim.text,
      quote: claim.quote,
      claimant: claim.claimant,
      claimDate: claim.claimDate ? formatDay(claim.claimDate) : null,
      tags: claim.tags,
      status: claim.status,
      statusLabel: STATUS_LABELS[claim.status],
      verdict: claim.verdict,
      rationale: claim.rationale,
      version: claim.version,
      assignee: claim.assignee,
      due: describeDue(claim.dueAt),
      proposedBy: claim.proposedBy?.name ?? null,
      proposedAt: claim.proposedAt ? formatDay(claim.proposedAt) : null,
      approvedBy: claim.approvedBy?.name ?? null,
      approvedAt: claim.approvedAt ? formatDay(claim.approvedAt) : null,
      article: { id: claim.article.id, title: claim.article.title },
      paragraph: paragraphAround(claim.article.body, claim.startOffset, claim.endOffset),
    },
    sourceGroups: STANCE_ORDER.map((stance) => ({
      stance,
      label: STANCE_LABELS[stance],
      sources: sources.filter((source) => source.stance === stance),
    })),
    sourceCount: sources.length,
    comments: claim.comments.map((comment) => ({
      id: comment.id,
      body: comment.body,
      author: comment.author.name,
      createdAt: comment.createdAt.toISOString(),
      editedAt: comment.editedAt?.toISOString() ?? null,
      mine: comment.authorId === user.id,
    })),
    history,
    returned,
    access: {
      actions,
      blocked,
      canEdit: canEditClaim(user, claim).ok,
      canChangeSources: canChangeSources(user, claim.status),
      sourcesFrozen: can(user.role, 'source:attach') ? sourcesFrozenReason(claim.status) : null,
      canComment: can(user.role, 'comment:create'),
      /** Editors and admins: the full form (anyone who researches claims, and a due date). */
      canAssign: assignAll && claim.status !== 'APPROVED',
      /** Fact-checkers: take an unassigned claim for themselves. */
      canTake: !assignAll && claim.status !== 'APPROVED' && canAssignClaim(user, claim, user.id).ok,
    },
    assignees: assignees.filter((person) => canBeAssigned(person.role)).map(({ id, name }) => ({ id, name })),
    userId: user.id,
  }
}

export type ClaimPageData = NonNullable<Awaited<ReturnType<typeof claimPage>>>
