// "Checked before", the claim panel's section: approved claims of any article and external fact-checks
// that say what this claim says, the claims grouped with it, and the two ways to reuse a match. It loads
// on its own, so opening a claim never waits for the similarity search.
import { useEffect } from 'react'
import { Link, useFetcher } from 'react-router'
import { can } from '~/auth/permissions'
import { draftKey } from '~/claims/drafts'
import { STATUS_LABELS } from '~/claims/workflow'
import { claimHref } from '~/components/claim-href'
import { Button } from '~/components/ui/button'
import { VerdictBadge } from '~/components/verdict-badge'
import type { ClaimStatus, Role } from '~/generated/prisma/enums'
import type { CheckedBeforeReply, loader } from '~/routes/fact-checks/claim.$claimId'
import { formatDay } from '~/utils/dates'

export type CheckedBeforeProps = {
  claim: { id: string; version: number; status: ClaimStatus }
  userId: string
  role: Role
}

/** Puts the match's verdict and rationale into this user's draft of the propose form, and into the form if it is open. */
function writeProposeDraft(owner: { userId: string; claimId: string }, draft: { verdict: string; rationale: string }) {
  try {
    window.localStorage.setItem(draftKey(owner.userId, owner.claimId, 'propose'), JSON.stringify(draft))
  } catch {
    // No storage: the form below is still filled while the page is open.
  }
  const form = document.getElementById('workflow-propose')
  if (!(form instanceof HTMLFormElement)) return
  for (const [name, value] of Object.entries(draft)) {
    const field = form.elements.namedItem(name)
    if (field instanceof HTMLSelectElement || field instanceof HTMLTextAreaElement) {
      field.value = value
      field.dispatchEvent(new Event('input', { bubbles: true }))
      field.dispatchEvent(new Event('change', { bubbles: true }))
    }
  }
}

type DeskMatchView = NonNullable<ReturnType<typeof useFetcher<typeof loader>>['data']>['desk'][number]

function DeskMatchRow({
  match,
  owner,
  claim,
  role,
}: { match: DeskMatchView; owner: { userId: string; claimId: string } } & CheckedBeforeProps) {
  const fetcher = useFetcher<CheckedBeforeReply>()
  const busy = fetcher.state !== 'idle'
  const reply = fetcher.state === 'idle' ? fetcher.data : undefined
  const draft = reply?.ok && reply.intent === 'use-as-starting-point' ? reply.draft : null

  const { userId, claimId } = owner
  useEffect(() => {
    if (draft) writeProposeDraft({ userId, claimId }, draft)
  }, [draft, userId, claimId])

  const open = claim.status === 'UNREVIEWED' || claim.status === 'IN_RESEARCH'
  const mayReuse = can(role, 'source:attach') && open
  const mayGroup = can(role, 'claim:research')
  return (
    <li className="py-2.5">
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-ink-muted">
        <VerdictBadge verdict={match.verdict} status="APPROVED" />
        {match.approvedAt ? <span>approved {formatDay(match.approvedAt)}</span> : null}
        <span className="min-w-0 truncate">in {match.articleTitle}</span>
      </div>
      <p className="mt-1 text-sm">
        <Link to={claimHref(match.articleId, match.id)}>{match.text}</Link>
      </p>
      {mayReuse || mayGroup ? (
        <fetcher.Form method="post" action={`/fact-checks/claims/${claim.id}`} className="mt-1.5 flex flex-wrap gap-2">
          <input type="hidden" name="fromClaimId" value={match.id} />
          <input type="hidden" name="otherClaimId" value={match.id} />
          <input type="hidden" name="version" value={claim.version} />
          {mayReuse ? (
            <Button
              type="submit"
              name="intent"
              value="use-as-starting-point"
              size="sm"
              variant="secondary"
              disabled={busy}
            >
              Use as a starting point
            </Button>
          ) : null}
          {mayGroup ? (
            <Button type="submit" name="intent" value="group" size="sm" variant="ghost" disabled={busy}>
              Same claim: group them
            </Button>
          ) : null}
        </fetcher.Form>
      ) : null}
      {reply ? (
        <p
          role={reply.ok ? 'status' : 'alert'}
          className={reply.ok ? 'mt-1 text-sm text-ink-muted' : 'mt-1 text-sm font-medium text-red-700'}
        >
          {reply.message}
        </p>
      ) : null}
    </li>
  )
}

export function CheckedBefore({ claim, userId, role }: CheckedBeforeProps) {
  const fetcher = useFetcher<typeof loader>()
  const { load } = fetcher
  const href = `/fact-checks/claims/${claim.id}`
  useEffect(() => {
    void load(href)
  }, [load, href])
  const found = fetcher.data
  if (!found) {
    return <p className="text-sm text-ink-muted">{fetcher.state === 'idle' ? '' : 'Looking for similar claims…'}</p>
  }
  const owner = { userId, claimId: claim.id }
  const nothing = found.desk.length === 0 && found.external.length === 0
  return (
    <div className="space-y-3">
      {found.group.length > 0 ? (
        <div className="rounded-md border border-paper-line bg-paper-sunk px-3 py-2">
          <p className="text-xs font-semibold text-ink">Grouped as the same claim</p>
          <ul className="mt-1 space-y-1 text-sm" aria-label="Claims grouped with this one">
            {found.group.map((member) => (
              <li key={member.id} className="flex flex-wrap items-baseline gap-x-2">
                <Link to={claimHref(member.articleId, member.id)}>{member.text}</Link>
                <span className="text-xs text-ink-muted">
                  {member.articleTitle} · {STATUS_LABELS[member.status]}
                </span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {nothing ? (
        <p className="text-sm text-ink-muted">No approved claim or external fact-check matches this one.</p>
      ) : null}
      {found.desk.length > 0 ? (
        <div>
          <p className="text-xs font-semibold text-ink">Approved on this desk</p>
          <ul className="divide-y divide-paper-line" aria-label="Approved claims that match">
            {found.desk.map((match) => (
              <DeskMatchRow key={match.id} match={match} owner={owner} claim={claim} userId={userId} role={role} />
            ))}
          </ul>
        </div>
      ) : null}
      {found.external.length > 0 ? (
        <div>
          <p className="text-xs font-semibold text-ink">Checked by others</p>
          <ul className="divide-y divide-paper-line" aria-label="External fact-checks that match">
            {found.external.map((review) => (
              <li key={review.id} className="py-2.5">
                <p className="flex flex-wrap items-center gap-x-2 text-xs text-ink-muted">
                  <span className="font-semibold text-ink">{review.rating}</span>
                  <span>{review.publisher}</span>
                  {review.datePublished ? <span>{formatDay(review.datePublished)}</span> : null}
                </p>
                <p className="mt-1 text-sm">
                  <a href={review.url} target="_blank" rel="noreferrer noopener">
                    {review.claimReviewed}
                  </a>
                  {review.claimant ? <span className="text-xs text-ink-muted"> — {review.claimant}</span> : null}
                </p>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  )
}
