// Claim status (where the work is) as a pill: label, colour and a glyph that fills up as the claim
// moves through the workflow, so the status reads without colour vision too.
import type { ComponentProps } from 'react'
import { ClaimStatus } from '~/generated/prisma/enums'
import { STATUS_LABELS } from '~/claims/workflow'
import { BADGE_BASE } from './ui/badge'
import { cx } from './ui/cx'

export type StatusStyle = {
  /** Pale fill, border and dark text, combined (a `.badge-*` class of app.css): what StatusBadge uses. */
  readonly badge: string
  readonly bg: string
  readonly border: string
  readonly text: string
  /** The status colour for the glyph or an icon. */
  readonly icon: string
  /** A solid fill, for bars and legend swatches. */
  readonly solid: string
  /** The same colour as an SVG fill (the theme's CSS variable), for chart bars. */
  readonly fill: string
  /**
   * Marks a claim's span in article text, with the `.hl` base of app.css: the status's pale fill and an
   * underline in its colour, whose style differs per status too (dotted, dashed, double, solid).
   */
  readonly highlight: string
  /** The status glyph drawn by CSS (`.glyph` in app.css), for lists long enough that SVGs would weigh. */
  readonly dot: string
}

export const STATUS_STYLES: { readonly [S in ClaimStatus]: StatusStyle } = {
  UNREVIEWED: {
    badge: 'badge-unreviewed',
    bg: 'bg-gray-100',
    border: 'border-gray-300',
    text: 'text-gray-800',
    icon: 'text-status-unreviewed',
    solid: 'bg-status-unreviewed',
    fill: 'fill-status-unreviewed',
    highlight: 'hl-unreviewed',
    dot: 'glyph text-status-unreviewed',
  },
  IN_RESEARCH: {
    badge: 'badge-research',
    bg: 'bg-amber-50',
    border: 'border-amber-300',
    text: 'text-amber-900',
    icon: 'text-status-research',
    solid: 'bg-status-research',
    fill: 'fill-status-research',
    highlight: 'hl-research',
    dot: 'glyph glyph-half text-status-research',
  },
  NEEDS_REVIEW: {
    badge: 'badge-review',
    bg: 'bg-violet-50',
    border: 'border-violet-300',
    text: 'text-violet-800',
    icon: 'text-status-review',
    solid: 'bg-status-review',
    fill: 'fill-status-review',
    highlight: 'hl-review',
    dot: 'glyph glyph-most text-status-review',
  },
  APPROVED: {
    badge: 'badge-approved',
    bg: 'bg-green-50',
    border: 'border-green-300',
    text: 'text-green-800',
    icon: 'text-status-approved',
    solid: 'bg-status-approved',
    fill: 'fill-status-approved',
    highlight: 'hl-approved',
    dot: 'glyph glyph-done text-status-approved',
  },
}

/** The status glyph on its own (legends, compact lists): empty, half, three quarters, full with a tick. */
export function StatusGlyph({ status, className }: { status: ClaimStatus; className?: string }) {
  return (
    <svg
      viewBox="0 0 12 12"
      aria-hidden="true"
      focusable="false"
      className={cx('size-3 shrink-0', STATUS_STYLES[status].icon, className)}
    >
      {status === ClaimStatus.APPROVED ? (
        <>
          <circle cx="6" cy="6" r="5.5" fill="currentColor" />
          <path
            d="M3.4 6.2 5.2 8l3.4-3.6"
            fill="none"
            stroke="white"
            strokeWidth="1.5"
            strokeLinecap="round"
            strokeLinejoin="round"
          />
        </>
      ) : (
        <>
          <circle cx="6" cy="6" r="4.75" fill="none" stroke="currentColor" strokeWidth="1.5" />
          {status === ClaimStatus.IN_RESEARCH ? <path d="M6 1.25a4.75 4.75 0 0 0 0 9.5Z" fill="currentColor" /> : null}
          {status === ClaimStatus.NEEDS_REVIEW ? (
            <path d="M6 6V1.25a4.75 4.75 0 1 0 4.75 4.75Z" fill="currentColor" />
          ) : null}
        </>
      )}
    </svg>
  )
}

export type StatusBadgeProps = Omit<ComponentProps<'span'>, 'children'> & { status: ClaimStatus }

/** The glyph's shape inside a badge; its `.badge-*` class gives it the status colour. */
const BADGE_GLYPHS: { readonly [S in ClaimStatus]: string } = {
  UNREVIEWED: 'glyph',
  IN_RESEARCH: 'glyph glyph-half',
  NEEDS_REVIEW: 'glyph glyph-most',
  APPROVED: 'glyph glyph-done',
}

/** Drawn with short classes and the CSS glyph, since lists and tables show it on every row. */
export function StatusBadge({ status, className, ...props }: StatusBadgeProps) {
  return (
    <span className={cx(BADGE_BASE, STATUS_STYLES[status].badge, className)} {...props}>
      <span aria-hidden="true" className={BADGE_GLYPHS[status]} />
      {STATUS_LABELS[status]}
    </span>
  )
}
