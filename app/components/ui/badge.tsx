import type { ComponentProps } from 'react'
import { cx } from './cx'

export type BadgeTone = 'neutral' | 'info' | 'success' | 'warning' | 'danger' | 'violet'

// Dark text on a pale fill: every pair passes WCAG AA for small text.
export const BADGE_TONES: Readonly<Record<BadgeTone, string>> = {
  neutral: 'border-gray-300 bg-gray-100 text-gray-800',
  info: 'border-blue-200 bg-blue-50 text-blue-800',
  success: 'border-green-200 bg-green-50 text-green-800',
  warning: 'border-amber-200 bg-amber-50 text-amber-900',
  danger: 'border-red-200 bg-red-50 text-red-800',
  violet: 'border-violet-200 bg-violet-50 text-violet-800',
}

/** Every pill's shape (`.badge` in app.css): one short class, since lists and tables show one on every row. */
export const BADGE_BASE = 'badge'

export type BadgeProps = ComponentProps<'span'> & { tone?: BadgeTone }

/** A short label in a pill (a role, a tag, a source's reliability). The text carries the meaning; the tone only echoes it. */
export function Badge({ tone = 'neutral', className, ...props }: BadgeProps) {
  return <span className={cx(BADGE_BASE, BADGE_TONES[tone], className)} {...props} />
}
