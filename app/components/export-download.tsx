// What the current choice on /export covers, counted before anything is downloaded, and the button
// that downloads exactly that: a POST (downloading records an export) of the counted filters.
// Beside the form on a wide screen; on a phone, a bar that stays at the bottom while the form scrolls.
import { Form } from 'react-router'
import { Button } from './ui/button'
import { Card } from './ui/card'
import { cx } from './ui/cx'

const NUMBER = new Intl.NumberFormat('en-GB')

export type ExportSelection = {
  count: number
  /** The choice in words: "All approved claims". */
  description: string
  formatLabel: string
  /** The resource route that streams this format. */
  action: string
  /** The counted filters as form fields, so the download covers what was counted. */
  fields: ReadonlyArray<readonly [string, string]>
}

type Props = {
  selection: ExportSelection | null
  /** The filters changed and the new count is on its way: the shown count is out of date. */
  counting: boolean
  onDownload?: () => void
  className?: string
}

function matches(count: number) {
  return count === 1 ? 'claim matches' : 'claims match'
}

function DownloadForm({ selection, counting, onDownload, className }: Props & { selection: ExportSelection }) {
  return (
    <Form method="post" action={selection.action} reloadDocument onSubmit={onDownload} className={className}>
      {selection.fields.map(([name, value], index) => (
        <input key={`${name}:${index}`} type="hidden" name={name} value={value} />
      ))}
      <Button type="submit" className="w-full" disabled={counting}>
        Download {selection.formatLabel}
      </Button>
    </Form>
  )
}

export function ExportDownload({ selection, counting, onDownload, className }: Props) {
  return (
    <Card as="aside" aria-labelledby="export-count-heading" className={cx('space-y-4', className)}>
      <h2 id="export-count-heading" className="text-base font-semibold text-ink">
        Ready to download
      </h2>
      <div role="status" aria-live="polite" aria-atomic="true" aria-busy={counting}>
        {selection ? (
          <div className={cx('space-y-1 transition-opacity', counting && 'opacity-50')}>
            <p className="text-ink" data-testid="export-count">
              <span className="text-3xl font-semibold tabular-nums">{NUMBER.format(selection.count)}</span>{' '}
              <span className="text-lg">{matches(selection.count)}</span>
            </p>
            <p className="text-sm text-ink-muted">
              {selection.description}, as {selection.formatLabel}.
            </p>
            {counting ? <p className="text-sm font-medium text-ink-muted">Counting the new choice…</p> : null}
          </div>
        ) : (
          <p className="text-sm text-ink-muted">Correct the choices marked in red to see how many claims they cover.</p>
        )}
      </div>
      {selection && selection.count > 0 ? (
        <div className="space-y-2">
          <DownloadForm selection={selection} counting={counting} onDownload={onDownload} />
          <p className="text-xs text-ink-muted">
            The file streams as it is written; each download is listed in the history below.
          </p>
        </div>
      ) : selection ? (
        <p className="rounded-md border border-dashed border-paper-line px-3 py-2 text-sm text-ink-muted">
          Nothing to download: no claim matches. Widen the choice, for example by including claims in any status.
        </p>
      ) : null}
    </Card>
  )
}

/** The phone layout: the count and the button in a bar pinned to the bottom of the screen. */
export function ExportDownloadBar({ selection, counting, onDownload, className }: Props) {
  return (
    <div
      className={cx(
        'sticky bottom-0 z-10 -mx-4 flex items-center justify-between gap-3 border-t border-paper-line bg-paper/95 px-4 py-3 shadow-[0_-4px_12px_rgba(0,0,0,0.06)] backdrop-blur',
        className,
      )}
    >
      <p
        role="status"
        aria-live="polite"
        aria-atomic="true"
        aria-busy={counting}
        className={cx('min-w-0 text-sm text-ink', counting && 'opacity-50')}
      >
        {selection ? (
          <>
            <span className="text-xl font-semibold tabular-nums">{NUMBER.format(selection.count)}</span>{' '}
            {matches(selection.count)}
          </>
        ) : (
          'Correct the choices marked in red.'
        )}
      </p>
      {selection && selection.count > 0 ? (
        <DownloadForm selection={selection} counting={counting} onDownload={onDownload} className="shrink-0" />
      ) : null}
    </div>
  )
}
