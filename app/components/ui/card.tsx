import { useId, type ComponentProps, type ReactNode } from 'react'
import { cx } from './cx'

export type CardProps = Omit<ComponentProps<'section'>, 'ref'> & {
  /** `section` (the default) for a titled region; `div` or `article` when that fits better. */
  as?: 'section' | 'div' | 'article' | 'aside'
}

export function Card({ as: Element = 'section', className, ...props }: CardProps) {
  return (
    <Element
      className={cx('rounded-lg border border-paper-line bg-paper p-4 shadow-sm sm:p-5', className)}
      {...props}
    />
  )
}

export type CardHeaderProps = {
  title: ReactNode
  description?: ReactNode
  /** Buttons or links at the right of the title; they wrap below it on a narrow screen. */
  actions?: ReactNode
  /** Heading level; a card inside a page section usually wants h3. */
  as?: 'h2' | 'h3' | 'h4'
  /** Give the title an id and point the Card's aria-labelledby at it to name the region. */
  titleId?: string
  className?: string
}

export function CardHeader({ title, description, actions, as: Heading = 'h2', titleId, className }: CardHeaderProps) {
  return (
    <div className={cx('mb-4 flex flex-wrap items-start justify-between gap-x-4 gap-y-2', className)}>
      <div className="min-w-0 space-y-0.5">
        <Heading id={titleId} className="text-base font-semibold text-ink">
          {title}
        </Heading>
        {description ? <p className="text-sm text-ink-muted">{description}</p> : null}
      </div>
      {actions ? <div className="flex flex-wrap items-center gap-2">{actions}</div> : null}
    </div>
  )
}

export type TitledCardProps = Omit<CardHeaderProps, 'titleId' | 'className'> & {
  className?: string
  id?: string
  children: ReactNode
}

/** A card that is a region named by its own heading: the card, its header and the id that ties them. */
export function TitledCard({ title, description, actions, as = 'h2', className, id, children }: TitledCardProps) {
  const titleId = useId()
  return (
    <Card aria-labelledby={titleId} className={className} id={id}>
      <CardHeader as={as} titleId={titleId} title={title} description={description} actions={actions} />
      {children}
    </Card>
  )
}

export type EmptyStateProps = {
  title: ReactNode
  description?: ReactNode
  /** The next step, usually a ButtonLink ("Add the first claim"). */
  action?: ReactNode
  className?: string
}

/** What a list says when it has nothing to show, and what to do about it. */
export function EmptyState({ title, description, action, className }: EmptyStateProps) {
  return (
    <div className={cx('rounded-lg border border-dashed border-paper-line bg-paper px-6 py-10 text-center', className)}>
      <p className="text-base font-semibold text-ink">{title}</p>
      {description ? <p className="mx-auto mt-1 max-w-prose text-sm text-ink-muted">{description}</p> : null}
      {action ? <div className="mt-4 flex flex-wrap justify-center gap-2">{action}</div> : null}
    </div>
  )
}
