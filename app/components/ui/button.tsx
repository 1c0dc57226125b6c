import type { ComponentProps } from 'react'
import { Link } from 'react-router'
import { cx } from './cx'

export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'ghost'
export type ButtonSize = 'sm' | 'md'

const BASE =
  'inline-flex items-center justify-center gap-1.5 whitespace-nowrap rounded-md border font-medium no-underline transition-colors hover:no-underline disabled:cursor-not-allowed disabled:opacity-50 aria-disabled:cursor-not-allowed aria-disabled:opacity-50'

const VARIANTS: Record<ButtonVariant, string> = {
  primary: 'border-brand bg-brand text-white shadow-sm hover:border-brand-dark hover:bg-brand-dark hover:text-white',
  secondary: 'border-paper-line bg-paper text-ink shadow-sm hover:bg-paper-sunk hover:text-ink',
  danger: 'border-red-700 bg-red-700 text-white shadow-sm hover:border-red-800 hover:bg-red-800 hover:text-white',
  ghost: 'border-transparent bg-transparent text-ink-muted hover:bg-paper-sunk hover:text-ink',
}

const SIZES: Record<ButtonSize, string> = {
  sm: 'min-h-8 px-2.5 py-1 text-sm',
  md: 'min-h-10 px-4 py-2 text-sm',
}

/** The button look, for elements that are neither a button nor a link (a file input's label, a NavLink). */
export function buttonClasses({
  variant = 'primary',
  size = 'md',
  className,
}: { variant?: ButtonVariant; size?: ButtonSize; className?: string } = {}): string {
  return cx(BASE, VARIANTS[variant], SIZES[size], className)
}

export type ButtonProps = ComponentProps<'button'> & { variant?: ButtonVariant; size?: ButtonSize }

/** A button that never submits a form by accident: `type` is "button" unless given. */
export function Button({ variant, size, className, type = 'button', ...props }: ButtonProps) {
  return <button type={type} className={buttonClasses({ variant, size, className })} {...props} />
}

export type ButtonLinkProps = ComponentProps<typeof Link> & { variant?: ButtonVariant; size?: ButtonSize }

/** A navigation that looks like a button (for "New article", "Export"): still a link for the browser. */
export function ButtonLink({ variant, size, className, ...props }: ButtonLinkProps) {
  return <Link className={buttonClasses({ variant, size, className })} {...props} />
}
