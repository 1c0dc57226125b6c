// One claim, as the workspace's panel shows it beside the article: where it stands and what it needs
// next (kept in view), the next step's form, who has it, the evidence by stance, the discussion and,
// folded away, the history. One surface divided by rules, never cards inside cards.
import { useEffect, useRef, type ReactNode } from 'react'
import { Link, useNavigation } from 'react-router'
import type { ClaimPageData } from '~/claims/claim-page.server'
import type { Role } from '~/generated/prisma/enums'
import { formatDayTime } from '~/utils/dates'
import type { ClaimActionData } from '~/routes/claims/$claimId/index'
import { ClaimAssignment } from './claim-assignment'
import { ClaimComments } from './claim-comments'
import { ClaimConflict } from './claim-conflict'
import { ClaimLive } from './claim-live'
import { ClaimHistory } from './claim-history'
import { ClaimNextStep, nextStepOf } from './claim-next-step'
import { ClaimSources } from './claim-sources'
import { ClaimWorkflow } from './claim-transition-forms'
import { StatusBadge } from './status-badge'
import { Badge } from './ui/badge'
import { cx } from './ui/cx'
import { VerdictBadge } from './verdict-badge'
import { CheckedBefore } from '~/fact-checks/checked-before'

/** Where the panel sits in the workspace: its place in the list and the ways out of it. */
export type PanelPlace = {
  number: number | null
  position: { index: number; total: number } | null
  previousHref: string | null
  nextHref: string | null
  listHref: string
}

export type ClaimPanelProps = {
  page: ClaimPageData & { role: Role }
  actionData: ClaimActionData | undefined
  place?: PanelPlace
}

function Section({
  id,
  title,
  titleId,
  description,
  actions,
  children,
  as: Element = 'section',
}: {
  id?: string
  title: string
  titleId: string
  description?: string
  actions?: ReactNode
  children: ReactNode
  as?: 'section' | 'aside'
}) {
  return (
    <Element aria-labelledby={titleId} id={id} className="panel-section scroll-mt-24">
      <div className="mb-3 flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
        <h3 id={titleId} className="text-sm font-semibold text-ink">
          {title}
        </h3>
        {actions}
      </div>
      {description ? <p className="-mt-2 mb-3 text-xs text-ink-muted">{description}</p> : null}
      {children}
    </Element>
  )
}

function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className="text-ink-muted">{label}</dt>
      <dd className="min-w-0 text-ink">{children}</dd>
    </>
  )
}

const Missing = ({ children = 'Not recorded' }: { children?: string }) => (
  <span className="text-ink-muted italic">{children}</span>
)

function PanelBar({ place, claimId }: { place: PanelPlace; claimId: string }) {
  const step = 'inline-flex min-h-8 items-center rounded px-2 text-sm font-medium no-underline hover:bg-paper-sunk'
  return (
    <nav aria-label="Claims of this article" className="flex items-center gap-1 border-b border-paper-line px-2 py-1">
      <Link to={place.listHref} preventScrollReset className={cx(step, 'text-brand')} data-claim-close={claimId}>
        <span aria-hidden="true">←&nbsp;</span>All claims
      </Link>
      <span className="ml-auto px-1 text-xs text-ink-muted tabular-nums">
        {place.position ? `${place.position.index + 1} of ${place.position.total}` : null}
      </span>
      {place.previousHref ? (
        <Link to={place.previousHref} preventScrollReset className={step} aria-keyshortcuts="k">
          <span aria-hidden="true">‹&nbsp;</span>Previous
        </Link>
      ) : (
        <span className={cx(step, 'text-ink-faint')} aria-disabled="true">
          <span aria-hidden="true">‹&nbsp;</span>Previous
        </span>
      )}
      {place.nextHref ? (
        <Link to={place.nextHref} preventScrollReset className={step} aria-keyshortcuts="j">
          Next<span aria-hidden="true">&nbsp;›</span>
        </Link>
      ) : (
        <span className={cx(step, 'text-ink-faint')} aria-disabled="true">
          Next<span aria-hidden="true">&nbsp;›</span>
        </span>
      )}
    </nav>
  )
}

export function ClaimPanel({ page, actionData, place }: ClaimPanelProps) {
  const { claim, sourceCount, comments, history, returned, access, userId } = page
  const formReply = actionData ? { intent: actionData.intent, result: actionData.result } : undefined
  const intent = actionData?.intent
  // Forms without fields of their own report here, in the section they belong to.
  const detachError = intent === 'detach-source' && !actionData?.conflict ? actionData?.message : null
  const owner = { userId, claimId: claim.id }
  const step = nextStepOf({ status: claim.status, sourceCount, actions: access.actions, role: page.role })
  const navigation = useNavigation()
  const scroller = useRef<HTMLElement>(null)

  // The panel scrolls on its own: whatever the last action left focused is brought into its view.
  useEffect(() => {
    if (navigation.state !== 'idle') return
    const frame = requestAnimationFrame(() => {
      const active = document.activeElement
      if (active instanceof HTMLElement && active !== document.body && scroller.current?.contains(active))
        active.scrollIntoView({ block: 'nearest' })
    })
    return () => cancelAnimationFrame(frame)
  }, [navigation.state])

  return (
    <article ref={scroller} aria-labelledby="claim-panel-title" id="claim-panel" data-claim-panel={claim.id}>
      {place ? <PanelBar place={place} claimId={claim.id} /> : null}
      <ClaimNextStep step={step} className="sticky top-0 z-10" />

      <div className="space-y-5 px-4 py-4">
        <div className="space-y-3">
          <div className="flex flex-wrap items-center gap-1.5">
            {place?.number ? (
              <span className="claim-number" aria-hidden="true">
                {place.number}
              </span>
            ) : null}
            <StatusBadge status={claim.status} />
            <VerdictBadge verdict={claim.verdict} status={claim.status} />
            {claim.due ? (
              <span className={claim.due.overdue ? 'text-xs font-semibold text-red-800' : 'text-xs text-ink-muted'}>
                {claim.due.overdue ? `⚠ ${claim.due.words}` : claim.due.words}
              </span>
            ) : null}
          </div>
          <h2 id="claim-panel-title" tabIndex={-1} className="text-lg leading-snug font-semibold text-ink">
            {place?.number ? <span className="sr-only">Claim {place.number}: </span> : null}
            {claim.text}
          </h2>
          {claim.text !== claim.quote ? (
            <blockquote className="border-l-2 border-paper-line pl-3 font-serif text-sm text-ink-muted italic">
              “{claim.quote}”
            </blockquote>
          ) : null}
          <p className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
            <a href={`#quote-${claim.id}`} data-show-quote>
              Show in the article
            </a>
            {access.canEdit ? <Link to={`/claims/${claim.id}/edit`}>Edit claim</Link> : null}
          </p>
        </div>

        <ClaimLive claimId={claim.id} userId={userId} />
        {actionData?.conflict ? <ClaimConflict conflict={actionData.conflict} typed={actionData.typed} /> : null}

        <Section id="workflow" title="Next step" titleId="workflow-heading">
          {returned ? (
            <div className="mb-4 border-l-4 border-l-status-research bg-amber-50 px-3 py-2 text-sm text-ink">
              <p className="font-semibold text-amber-950">
                Returned to research by {returned.by}, <time dateTime={returned.at}>{formatDayTime(returned.at)}</time>
              </p>
              {returned.note ? <p className="mt-1 whitespace-pre-wrap">{returned.note}</p> : null}
            </div>
          ) : null}
          <ClaimWorkflow page={page} reply={formReply} owner={owner} />
        </Section>

        <Section as="aside" title="Assignment" titleId="assignment-heading">
          <ClaimAssignment key={claim.version} page={page} reply={formReply} />
        </Section>

        <Section
          id="sources"
          title={`Sources (${sourceCount})`}
          titleId="sources-heading"
          description="Grouped by what they say about the claim."
        >
          <ClaimSources page={page} reply={formReply} owner={owner} detachError={detachError ?? null} />
        </Section>

        <Section
          id="checked-before"
          title="Checked before"
          titleId="checked-before-heading"
          description="Approved claims of any article, and other fact-checkers' reviews, that say the same."
        >
          <CheckedBefore claim={claim} userId={userId} role={page.role} />
        </Section>

        <Section id="comments" title={`Comments (${comments.length})`} titleId="comments-heading">
          <ClaimComments
            comments={comments}
            canComment={access.canComment}
            reply={actionData ? { ...formReply!, commentId: actionData.commentId } : undefined}
            owner={owner}
          />
        </Section>

        <Section title="The claim" titleId="claim-heading">
          <dl className="grid grid-cols-[8rem_minmax(0,1fr)] gap-x-3 gap-y-1.5 text-sm">
            <Detail label="Claimant">{claim.claimant || <Missing />}</Detail>
            <Detail label="Date of the claim">{claim.claimDate ?? <Missing />}</Detail>
            <Detail label="Tags">
              {claim.tags.length > 0 ? (
                <span className="flex flex-wrap gap-1">
                  {claim.tags.map((tag) => (
                    <Badge key={tag} className="font-normal">
                      {tag}
                    </Badge>
                  ))}
                </span>
              ) : (
                <Missing>None</Missing>
              )}
            </Detail>
            <Detail label="Status">
              <StatusBadge status={claim.status} />
            </Detail>
            <Detail label="Verdict">
              <span className="flex flex-wrap items-center gap-2">
                <VerdictBadge verdict={claim.verdict} status={claim.status} />
                {claim.verdict && claim.status !== 'APPROVED' ? (
                  <span className="text-xs text-ink-muted">draft, not approved yet</span>
                ) : null}
              </span>
            </Detail>
            <Detail label="Rationale">
              {claim.rationale ? (
                <span className="whitespace-pre-wrap">{claim.rationale}</span>
              ) : (
                <Missing>Not written yet</Missing>
              )}
            </Detail>
            {[
              { label: 'Proposed by', by: claim.proposedBy, at: claim.proposedAt },
              { label: 'Approved by', by: claim.approvedBy, at: claim.approvedAt },
            ].map((step) =>
              step.by ? (
                <Detail key={step.label} label={step.label}>
                  {step.at ? `${step.by}, ${step.at}` : step.by}
                </Detail>
              ) : null,
            )}
          </dl>
        </Section>

        <details className="panel-section group">
          <summary className="cursor-pointer text-sm font-semibold text-ink">
            History <span className="font-normal text-ink-muted">({history.length})</span>
          </summary>
          <p className="mt-1 mb-3 text-xs text-ink-muted">Every step, oldest first. It cannot be edited.</p>
          <ClaimHistory entries={history} label="History of this claim" />
        </details>
      </div>
    </article>
  )
}
