// A verdict (what the research found) as a pill. Colour runs from green (True) to red (False);
// the two verdicts that are off the scale are grey. The label always says the verdict in words.
import type { ComponentProps } from 'react'
import type { Verdict } from '~/generated/prisma/enums'
import { verdictLabel } from '~/claims/verdicts'
import { BADGE_BASE } from './ui/badge'
import { cx } from './ui/cx'

export type VerdictStyle = {
  /** Pale fill, border and dark text, combined: what VerdictBadge uses. */
  readonly badge: string
  /** A solid fill for stacked bars and legend swatches, in scale order. */
  readonly bar: string
  /** The same colour as an SVG fill (the theme's CSS variable), for chart bars. */
  readonly fill: string
}

export const VERDICT_STYLES: { readonly [V in Verdict]: VerdictStyle } = {
  TRUE: { badge: 'border-green-300 bg-green-50 text-green-800', bar: 'bg-green-700', fill: 'fill-green-700' },
  MOSTLY_TRUE: { badge: 'border-lime-300 bg-lime-50 text-lime-900', bar: 'bg-lime-500', fill: 'fill-lime-500' },
  HALF_TRUE: { badge: 'border-yellow-300 bg-yellow-50 text-yellow-900', bar: 'bg-yellow-400', fill: 'fill-yellow-400' },
  MISLEADING: { badge: 'border-orange-300 bg-orange-50 text-orange-900', bar: 'bg-orange-500', fill: 'fill-orange-500' },
  MOSTLY_FALSE: { badge: 'border-red-200 bg-red-50 text-red-800', bar: 'bg-red-500', fill: 'fill-red-500' },
  FALSE: { badge: 'border-red-300 bg-red-100 text-red-900', bar: 'bg-red-800', fill: 'fill-red-800' },
  UNPROVEN: { badge: 'border-gray-300 bg-gray-100 text-gray-800', bar: 'bg-gray-400', fill: 'fill-gray-400' },
  NOT_A_CLAIM: { badge: 'border-gray-300 bg-paper text-gray-700', bar: 'bg-gray-300', fill: 'fill-gray-300' },
}

/** How a claim without a verdict looks: muted and dashed, so it never passes for a finding. */
export const NO_VERDICT_STYLE = 'border-dashed border-paper-line bg-transparent font-normal text-ink-muted'

export type VerdictBadgeProps = Omit<ComponentProps<'span'>, 'children'> & { verdict: Verdict | null | undefined }

export function VerdictBadge({ verdict, className, ...props }: VerdictBadgeProps) {
  if (verdict == null) {
    return (
      <span className={cx(BADGE_BASE, NO_VERDICT_STYLE, className)} {...props}>
        No verdict
      </span>
    )
  }
  const style = VERDICT_STYLES[verdict]
  return (
    <span className={cx(BADGE_BASE, style.badge, className)} {...props}>
      <span aria-hidden="true" className={cx('size-2 shrink-0 rounded-full', style.bar)} />
      {verdictLabel(verdict)}
    </span>
  )
}
