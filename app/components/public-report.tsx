// The reader-facing frame of a published report: the newsroom's masthead and footer around a page that
// reads like an article, not like the desk. No session, no navigation of the desk, nothing to sign in to.
import type { ReactNode } from 'react'
import { isRouteErrorResponse } from 'react-router'
import { STANCE_LABELS, VERDICTS } from '~/claims/verdicts'
import { jsonForScript } from '~/exports/format'
import { ClaimStatus, type Stance } from '~/generated/prisma/enums'
import { formatDay } from '~/utils/dates'
import { BADGE_BASE } from './ui/badge'
import { cx } from './ui/cx'
import './public-report.css'
import { VERDICT_STYLES, VerdictBadge } from './verdict-badge'
import type { Verdict } from '~/generated/prisma/enums'

export function PublicFrame({ org, children }: { org: { name: string; url: string } | null; children: ReactNode }) {
  return (
    <div className="public-report flex min-h-screen flex-col bg-[#fbfaf7] text-ink">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-paper focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      <header className="border-b border-ink/10 bg-paper">
        <div className="mx-auto flex max-w-3xl items-center justify-between gap-4 px-5 py-4">
          {org ? (
            <a
              href={org.url}
              className="font-serif text-xl font-semibold tracking-tight text-ink no-underline hover:underline"
            >
              {org.name}
            </a>
          ) : (
            <span className="font-serif text-xl font-semibold tracking-tight">Fact check</span>
          )}
          <a href="/reports" className="text-xs font-semibold uppercase tracking-[0.14em] text-brand">
            All fact checks
          </a>
        </div>
      </header>
      <main id="main" className="flex-1">
        {children}
      </main>
      <footer className="public-footer mt-16 border-t border-ink/10 bg-paper">
        <div className="mx-auto max-w-3xl space-y-3 px-5 py-8 text-sm text-ink-muted">
          <VerdictScale />
          <p>
            {org ? <>Checked and published by {org.name}. </> : null}
            Each verdict was researched against the sources listed with it and approved by an editor other than the
            person who proposed it.
          </p>
        </div>
      </footer>
    </div>
  )
}

/** The ratings a reader meets, in scale order, each with its colour and its words. */
function VerdictScale() {
  return (
    <details className="public-scale group">
      <summary className="cursor-pointer font-medium text-ink">How we rate claims</summary>
      <ul className="mt-3 flex flex-wrap gap-2">
        {VERDICTS.map(({ verdict }) => (
          <li key={verdict}>
            <VerdictBadge verdict={verdict} status={ClaimStatus.APPROVED} />
          </li>
        ))}
      </ul>
    </details>
  )
}

/** A large verdict, for the head of a claim's page: the colour as a bar beside the words. */
export function VerdictStamp({ verdict, label }: { verdict: Verdict; label: string }) {
  return (
    <p className="flex items-center gap-3" data-testid="public-verdict">
      <span aria-hidden="true" className={cx('h-10 w-2 rounded-full', VERDICT_STYLES[verdict].bar)} />
      <span>
        <span className="block text-xs font-semibold uppercase tracking-[0.14em] text-ink-muted">Our verdict</span>
        <span className={cx(BADGE_BASE, VERDICT_STYLES[verdict].badge, 'mt-1 px-3 py-1 text-base font-semibold')}>
          {label}
        </span>
      </span>
    </p>
  )
}

const STANCE_STYLES: Record<Stance, { rule: string; badge: string }> = {
  SUPPORTS: { rule: 'border-l-green-600', badge: 'border-green-200 bg-green-50 text-green-800' },
  REFUTES: { rule: 'border-l-red-600', badge: 'border-red-200 bg-red-50 text-red-800' },
  CONTEXT: { rule: 'border-l-gray-400', badge: 'border-gray-300 bg-gray-100 text-gray-800' },
}

export function stanceRule(stance: Stance) {
  return STANCE_STYLES[stance].rule
}

export function StanceBadge({ stance }: { stance: Stance }) {
  return <span className={cx(BADGE_BASE, STANCE_STYLES[stance].badge)}>{STANCE_LABELS[stance]}</span>
}

/** schema.org JSON-LD in the page, escaped so no text in it can close the element. */
export function JsonLd({ value }: { value: unknown }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonForScript(value) }} />
}

export function PublicDate({ day, prefix }: { day: string; prefix?: string }) {
  return (
    <time dateTime={day}>
      {prefix}
      {formatDay(day)}
    </time>
  )
}

/** What a reader sees at an address that shows nothing (never published, taken down, or reopened). */
export function PublicNotFound({ error }: { error: unknown }) {
  const missing = isRouteErrorResponse(error) && error.status === 404
  const title = missing ? 'This fact check is not available' : 'This page could not be shown'
  return (
    <PublicFrame org={null}>
      <title>{title}</title>
      <div className="mx-auto max-w-3xl px-5 py-16">
        <p className="text-sm font-semibold text-ink-muted">{missing ? 'Error 404' : 'Something went wrong'}</p>
        <h1 className="mt-2 font-serif text-3xl font-semibold">{title}</h1>
        <p className="mt-4 max-w-prose text-lg text-ink-muted">
          {missing
            ? 'There is no published fact check at this address. It may have been withdrawn while it is checked again.'
            : 'Try again in a moment.'}
        </p>
      </div>
    </PublicFrame>
  )
}
