import { data, Form, Link, useNavigation } from 'react-router'
import { clearLockout, listLockouts, type LockoutState } from '~/auth/lockouts.server'
import { clearLockoutSchema, lockoutListSchema } from '~/auth/schemas'
import { requirePermission, safeRedirectPath } from '~/auth/session.server'
import { Badge, type BadgeTone } from '~/components/ui/badge'
import { Button, ButtonLink } from '~/components/ui/button'
import { Card, CardHeader, EmptyState } from '~/components/ui/card'
import { FormError } from '~/components/ui/field'
import { PageHeader } from '~/components/ui/page-header'
import { pageHref, Pager } from '~/components/ui/pager'
import { readFormData } from '~/utils/form.server'
import { redirectWithToast } from '~/utils/toast.server'
import { pagePath, pageUrl } from '~/utils/page-url'
import { RouteError } from '~/components/route-error'
import type { Route } from './+types/sign-ins'

// On an error the ErrorBoundary names the page.
export const meta: Route.MetaFunction = ({ error }) => (error ? [] : [{ title: 'Sign-in lockouts · Factdesk' }])

export async function loader({ request }: Route.LoaderArgs) {
  await requirePermission(request, 'user:manage')
  const { show, after } = lockoutListSchema.parse(Object.fromEntries(pageUrl(request).searchParams))
  const { lockouts, nextAfter } = await listLockouts({ current: show === 'current', after })
  return { lockouts, nextAfter, show, after: after ?? null }
}

export async function action({ request }: Route.ActionArgs) {
  const admin = await requirePermission(request, 'user:manage')
  const formData = await readFormData(request)
  if (formData.get('intent') !== 'clear') return data({ error: 'Unknown action.' }, { status: 400 })
  const parsed = clearLockoutSchema.safeParse(Object.fromEntries(formData))
  if (!parsed.success) return data({ error: parsed.error.issues[0]!.message }, { status: 400 })
  const outcome = await clearLockout(admin, parsed.data.lockoutId)
  if (!outcome.ok) return data({ error: outcome.message }, { status: outcome.status })
  // Back to the same list, as the page's own address (a client-side submit arrives at /admin/sign-ins.data).
  return redirectWithToast(safeRedirectPath(pagePath(request), '/admin/sign-ins'), {
    kind: 'success',
    message: outcome.message,
  })
}

const STATES: Record<LockoutState, { label: string; tone: BadgeTone }> = {
  slowing: { label: 'Slowing sign-ins', tone: 'warning' },
  cleared: { label: 'Cleared', tone: 'success' },
  ended: { label: 'Ended by the right password', tone: 'neutral' },
  forgotten: { label: 'Forgotten after a day', tone: 'neutral' },
}

const WHEN = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  timeZone: 'UTC',
})

function when(value: string | Date) {
  return `${WHEN.format(new Date(value))} UTC`
}

export default function SignIns({ loaderData, actionData }: Route.ComponentProps) {
  const { lockouts, nextAfter, show, after } = loaderData
  const navigation = useNavigation()
  const clearing = navigation.state === 'submitting' ? navigation.formData?.get('lockoutId') : null
  const listShown = show === 'all' ? show : null
  return (
    <div className="space-y-6">
      <PageHeader
        title="Sign-in lockouts"
        description="Runs of wrong passwords that now make sign-ins wait. Browsers that signed in to an account before are never slowed by others' guesses; clearing a lockout lets everyone it slows try again at once."
        actions={
          <ButtonLink to="/admin/users" variant="secondary">
            Users
          </ButtonLink>
        }
      />
      <FormError errors={actionData?.error} title="That lockout was not cleared" />
      <Card className="min-w-0">
        <CardHeader
          title={show === 'all' ? 'All lockouts' : 'Current lockouts'}
          actions={
            <nav aria-label="Which lockouts" className="flex gap-1 text-sm">
              <Link
                to="?"
                aria-current={show === 'current' ? 'page' : undefined}
                className={tabClass(show === 'current')}
              >
                Current
              </Link>
              <Link
                to="?show=all"
                aria-current={show === 'all' ? 'page' : undefined}
                className={tabClass(show === 'all')}
              >
                All, with history
              </Link>
            </nav>
          }
        />
        {lockouts.length === 0 ? (
          <EmptyState
            title={show === 'all' ? 'No lockouts on record' : 'Nobody is being slowed down'}
            description="When someone types a wrong password too often, the run shows up here."
          />
        ) : (
          <ul className="divide-y divide-paper-line" aria-label="Lockouts">
            {lockouts.map((lockout) => {
              const state = STATES[lockout.state]
              return (
                <li
                  key={lockout.id}
                  className="flex flex-col gap-3 py-3 sm:flex-row sm:items-center sm:justify-between"
                >
                  <div className="min-w-0 space-y-1 text-sm">
                    <p className="flex flex-wrap items-center gap-2">
                      <span className="break-all font-medium text-ink">{lockout.subject}</span>
                      <Badge tone={state.tone}>{state.label}</Badge>
                    </p>
                    <p className="text-ink-muted">
                      {lockout.failures} wrong password{lockout.failures === 1 ? '' : 's'} · slowed since{' '}
                      {when(lockout.startedAt)} · latest {when(lockout.lastFailureAt)}
                    </p>
                    <p className="text-ink-muted">
                      {lockout.state === 'slowing'
                        ? lockout.waiting
                          ? `Next try allowed from ${when(lockout.retryAt)}; each further wrong password doubles the wait.`
                          : 'Next try allowed now; a further wrong password makes the wait longer.'
                        : lockout.state === 'cleared'
                          ? `Cleared by ${lockout.clearedBy} on ${when(lockout.endedAt!)}.`
                          : lockout.state === 'ended'
                            ? `Ended on ${when(lockout.endedAt!)}.`
                            : 'No wrong password for a day: it no longer slows anyone.'}
                    </p>
                  </div>
                  {lockout.state === 'slowing' ? (
                    <Form method="post" className="shrink-0">
                      <input type="hidden" name="lockoutId" value={lockout.id} />
                      <Button
                        type="submit"
                        size="sm"
                        variant="secondary"
                        name="intent"
                        value="clear"
                        aria-label={`Clear the lockout of ${lockout.subject}`}
                        disabled={clearing === lockout.id}
                      >
                        {clearing === lockout.id ? 'Clearing…' : 'Clear'}
                      </Button>
                    </Form>
                  ) : null}
                </li>
              )
            })}
          </ul>
        )}
        <Pager
          label="Pages of lockouts"
          first={after ? pageHref('/admin/sign-ins', { show: listShown }) : null}
          next={nextAfter ? pageHref('/admin/sign-ins', { show: listShown, after: nextAfter }) : null}
          className="border-t border-paper-line pt-3"
        />
      </Card>
    </div>
  )
}

function tabClass(active: boolean) {
  return `rounded px-3 py-1.5 font-medium no-underline hover:bg-paper-sunk hover:no-underline ${active ? 'bg-brand-soft text-brand-dark' : 'text-ink-muted'}`
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <RouteError error={error} />
}
