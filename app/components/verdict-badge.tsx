// A verdict (what the research found) as a pill. Colour runs from green (True) to red (False);
// the two verdicts that are off the scale are grey. The label always says the verdict in words.
// Until an editor approves it a verdict is a draft: "Draft: Misleading", dashed and pale, never a finding.
import type { ComponentProps } from 'react'
import type { ClaimStatus, Verdict } from '~/generated/prisma/enums'
import { verdictLabel, verdictStanding } from '~/claims/verdicts'
import { BADGE_BASE } from './ui/badge'
import { cx } from './ui/cx'

export type VerdictStyle = {
  /** Pale fill, border and dark text, combined: what VerdictBadge uses. */
  readonly badge: string
  /** A solid fill for stacked bars and legend swatches, in scale order. */
  readonly bar: string
  /** The same colour as an SVG fill (the theme's CSS variable), for chart bars. */
  readonly fill: string
  /** Marks an approved claim's span in article text (with `.hl`): the pale fill, underlined in the verdict colour. */
  readonly highlight: string
  /** A small tag in the verdict's colours: claim numbers in the text, list rows. */
  readonly tag: string
  /** The outline of a hollow dot in the verdict colour, for a draft verdict. */
  readonly ring: string
}

export const VERDICT_STYLES: { readonly [V in Verdict]: VerdictStyle } = {
  TRUE: {
    badge: 'border-green-300 bg-green-50 text-green-800',
    bar: 'bg-verdict-true',
    fill: 'fill-verdict-true',
    highlight: 'hl-true',
    tag: 'tag-true',
    ring: 'border-verdict-true-mark',
  },
  MOSTLY_TRUE: {
    badge: 'border-lime-300 bg-lime-50 text-lime-900',
    bar: 'bg-verdict-mostly-true',
    fill: 'fill-verdict-mostly-true',
    highlight: 'hl-mostly-true',
    tag: 'tag-mostly-true',
    ring: 'border-verdict-mostly-true-mark',
  },
  HALF_TRUE: {
    badge: 'border-yellow-300 bg-yellow-50 text-yellow-900',
    bar: 'bg-verdict-half-true',
    fill: 'fill-verdict-half-true',
    highlight: 'hl-half-true',
    tag: 'tag-half-true',
    ring: 'border-verdict-half-true-mark',
  },
  MISLEADING: {
    badge: 'border-orange-300 bg-orange-50 text-orange-900',
    bar: 'bg-verdict-misleading',
    fill: 'fill-verdict-misleading',
    highlight: 'hl-misleading',
    tag: 'tag-misleading',
    ring: 'border-verdict-misleading-mark',
  },
  MOSTLY_FALSE: {
    badge: 'border-red-200 bg-red-50 text-red-800',
    bar: 'bg-verdict-mostly-false',
    fill: 'fill-verdict-mostly-false',
    highlight: 'hl-mostly-false',
    tag: 'tag-mostly-false',
    ring: 'border-verdict-mostly-false-mark',
  },
  FALSE: {
    badge: 'border-red-300 bg-red-100 text-red-900',
    bar: 'bg-verdict-false',
    fill: 'fill-verdict-false',
    highlight: 'hl-false',
    tag: 'tag-false',
    ring: 'border-verdict-false-mark',
  },
  UNPROVEN: {
    badge: 'border-gray-300 bg-gray-100 text-gray-800',
    bar: 'bg-verdict-unproven',
    fill: 'fill-verdict-unproven',
    highlight: 'hl-unproven',
    tag: 'tag-unproven',
    ring: 'border-verdict-unproven-mark',
  },
  NOT_A_CLAIM: {
    badge: 'border-gray-300 bg-paper text-gray-700',
    bar: 'bg-verdict-not-a-claim',
    fill: 'fill-verdict-not-a-claim',
    highlight: 'hl-not-a-claim',
    tag: 'tag-not-a-claim',
    ring: 'border-verdict-not-a-claim-mark',
  },
}

/** How a claim without a verdict looks (`.badge-none` in app.css): muted and dashed, so it never passes for a finding. */
export const NO_VERDICT_STYLE = 'badge-none'

/** A draft verdict (`.badge-draft`): dashed and pale like "No verdict", with a hollow dot in the verdict's colour. */
export const DRAFT_VERDICT_STYLE = 'badge-draft'

export type VerdictBadgeProps = Omit<ComponentProps<'span'>, 'children'> & {
  verdict: Verdict | null | undefined
  /** The claim's status: only an approved verdict is shown as a finding; any other is a draft. */
  status: ClaimStatus
}

export function VerdictBadge({ verdict, status, className, ...props }: VerdictBadgeProps) {
  const standing = verdictStanding({ status, verdict: verdict ?? null })
  if (standing == null) {
    return (
      <span className={cx(BADGE_BASE, NO_VERDICT_STYLE, className)} {...props}>
        No verdict
      </span>
    )
  }
  const style = VERDICT_STYLES[standing.verdict]
  if (standing.draft) {
    return (
      <span className={cx(BADGE_BASE, DRAFT_VERDICT_STYLE, className)} {...props}>
        <span aria-hidden="true" className={cx('verdict-ring', style.ring)} />
        {`Draft: ${verdictLabel(standing.verdict)}`}
      </span>
    )
  }
  return (
    <span className={cx(BADGE_BASE, style.badge, className)} {...props}>
      <span aria-hidden="true" className={cx('verdict-dot', style.bar)} />
      {verdictLabel(standing.verdict)}
    </span>
  )
}
