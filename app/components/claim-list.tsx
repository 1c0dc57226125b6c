// The article's claims in the order they appear in the text, numbered as the highlights are.
import { Link } from 'react-router'
import type { ClaimStatus, Verdict } from '~/generated/prisma/enums'
import { StatusBadge } from './status-badge'
import { Badge } from './ui/badge'
import { cx } from './ui/cx'
import { VerdictBadge } from './verdict-badge'

export type ClaimListItem = {
  id: string
  number: number
  status: ClaimStatus
  verdict: Verdict | null
  text: string
  quote: string
  claimant: string
  tags: string[]
  assignee: { name: string } | null
  canEdit: boolean
}

export function ClaimList({ claims, className }: { claims: readonly ClaimListItem[]; className?: string }) {
  return (
    <ol className={cx('space-y-3', className)}>
      {claims.map((claim) => (
        <li
          key={claim.id}
          id={`claim-${claim.id}`}
          className="scroll-mt-24 rounded-md border border-paper-line bg-paper p-3 target:border-brand target:ring-2 target:ring-brand/40"
        >
          <div className="flex flex-wrap items-center gap-1.5">
            <a
              href={`#quote-${claim.id}`}
              className="inline-flex min-w-6 items-center justify-center rounded bg-paper-sunk px-1.5 text-xs font-semibold text-ink-muted tabular-nums no-underline ring-1 ring-paper-line hover:text-brand hover:no-underline"
              title="Show in the article"
            >
              <span className="sr-only">Claim </span>
              {claim.number}
              <span className="sr-only">, show in the article</span>
            </a>
            <StatusBadge status={claim.status} />
            <VerdictBadge verdict={claim.verdict} status={claim.status} />
          </div>
          <p className="mt-2 text-sm leading-snug font-medium">
            <Link to={`/claims/${claim.id}`} className="text-ink hover:text-brand">
              {claim.text}
            </Link>
          </p>
          {claim.text !== claim.quote ? (
            <p className="mt-1 line-clamp-2 font-serif text-sm text-ink-muted italic">“{claim.quote}”</p>
          ) : null}
          <dl className="mt-2 grid grid-cols-[auto_minmax(0,1fr)] gap-x-2 gap-y-0.5 text-xs text-ink-muted">
            <dt>Claimant</dt>
            <dd className="text-ink">
              {claim.claimant || <span className="text-ink-muted italic">Not recorded</span>}
            </dd>
            <dt>Assignee</dt>
            <dd className="text-ink">
              {claim.assignee?.name ?? <span className="text-ink-muted italic">Unassigned</span>}
            </dd>
          </dl>
          {claim.tags.length > 0 || claim.canEdit ? (
            <div className="mt-2 flex flex-wrap items-center gap-1.5">
              {claim.tags.map((tag) => (
                <Badge key={tag} className="font-normal">
                  {tag}
                </Badge>
              ))}
              {claim.canEdit ? (
                <Link to={`/claims/${claim.id}/edit`} className="ml-auto text-sm font-medium">
                  Edit<span className="sr-only"> claim {claim.number}</span>
                </Link>
              ) : null}
            </div>
          ) : null}
        </li>
      ))}
    </ol>
  )
}
