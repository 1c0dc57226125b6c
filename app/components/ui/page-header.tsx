import type { ReactNode } from 'react'
import { Link } from 'react-router'
import { cx } from './cx'

export type Breadcrumb = { to: string; label: string }

export type PageHeaderProps = {
  title: ReactNode
  description?: ReactNode
  /** The page's main buttons; they move under the title on a narrow screen. */
  actions?: ReactNode
  /** The pages above this one, outermost first; the current page is the title. */
  breadcrumbs?: readonly Breadcrumb[]
  className?: string
}

export function PageHeader({ title, description, actions, breadcrumbs, className }: PageHeaderProps) {
  return (
    <header className={cx('mb-6 space-y-2', className)}>
      {breadcrumbs && breadcrumbs.length > 0 ? (
        <nav aria-label="Breadcrumb">
          <ol className="flex flex-wrap items-center gap-x-1.5 text-sm text-ink-muted">
            {breadcrumbs.map((crumb, index) => (
              <li key={crumb.to} className="flex items-center gap-x-1.5">
                {index > 0 ? (
                  <span aria-hidden="true" className="text-ink-faint">
                    /
                  </span>
                ) : null}
                <Link
                  to={crumb.to}
                  className="text-ink-muted underline decoration-paper-line underline-offset-2 hover:text-brand hover:decoration-brand"
                >
                  {crumb.label}
                </Link>
              </li>
            ))}
          </ol>
        </nav>
      ) : null}
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between sm:gap-6">
        <div className="min-w-0 flex-1 space-y-1">
          <h1 className="text-2xl font-semibold tracking-tight text-balance text-ink">{title}</h1>
          {description ? <div className="max-w-prose text-ink-muted">{description}</div> : null}
        </div>
        {actions ? <div className="flex shrink-0 flex-wrap items-center gap-2 sm:pt-0.5">{actions}</div> : null}
      </div>
    </header>
  )
}
