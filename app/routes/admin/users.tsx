import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { Fragment, useEffect, useRef } from 'react'
import { data, Form } from 'react-router'
import { ROLE_LABELS } from '~/auth/permissions'
import { requirePermission } from '~/auth/session.server'
import { Badge } from '~/components/ui/badge'
import { Button, ButtonLink } from '~/components/ui/button'
import { Card, CardHeader } from '~/components/ui/card'
import { ConformField, ConformSelectField } from '~/components/ui/conform-fields'
import { CompactSelect, FormError } from '~/components/ui/field'
import { PageHeader } from '~/components/ui/page-header'
import { pageHref, Pager } from '~/components/ui/pager'
import { TableHead, type Column } from '~/components/ui/table'
import { cx } from '~/components/ui/cx'
import type { Role } from '~/generated/prisma/enums'
import { changeRoleSchema, createUserSchema, ROLE_OPTIONS, setActiveSchema } from '~/users/schemas'
import { changeRole, createUser, listUsers, setActive } from '~/users/users.server'
import { redirectWithToast } from '~/utils/toast.server'
import { formatDay } from '~/utils/dates'
import { RouteError } from '~/components/route-error'
import type { Route } from './+types/users'
import { readFormData } from '~/utils/form.server'
import { pageUrl } from '~/utils/page-url'

// On an error the ErrorBoundary names the page.
export const meta: Route.MetaFunction = ({ error }) => (error ? [] : [{ title: 'Users · Factdesk' }])

const CONFIRM_PARAM = 'deactivate'

const COLUMNS: Column[] = ['Person', 'Role', 'Status', 'Last seen', { label: <span className="sr-only">Actions</span> }]

export async function loader({ request }: Route.LoaderArgs) {
  const admin = await requirePermission(request, 'user:manage')
  const url = pageUrl(request)
  const q = url.searchParams.get('q') ?? ''
  const after = url.searchParams.get('after') ?? undefined
  const list = await listUsers({ q, after })
  // Deactivating someone signs them out everywhere, so the row's button first asks (a GET, so it works without JS).
  const confirming =
    list.users.find((user) => user.active && user.id === url.searchParams.get(CONFIRM_PARAM))?.id ?? null
  return { ...list, q, after: after ?? null, adminId: admin.id, confirming }
}

export async function action({ request }: Route.ActionArgs) {
  const admin = await requirePermission(request, 'user:manage')
  const formData = await readFormData(request)
  const intent = formData.get('intent')
  if (intent === 'create') {
    const submission = parseWithZod(formData, { schema: createUserSchema })
    if (submission.status !== 'success') return data({ result: submission.reply(), created: null }, { status: 400 })
    const outcome = await createUser(admin, submission.value)
    if (!outcome.ok) {
      return data(
        { result: submission.reply({ fieldErrors: { [outcome.field]: [outcome.message] } }), created: null },
        { status: 400 },
      )
    }
    // The one-time password is shown once, in this response, and never stored in clear.
    return data({
      result: submission.reply({ resetForm: true }),
      created: { ...outcome.user, password: outcome.password },
    })
  }
  if (intent === 'role') {
    const parsed = changeRoleSchema.safeParse(Object.fromEntries(formData))
    if (!parsed.success) return data({ error: 'Choose a role from the list.' }, { status: 400 })
    const outcome = await changeRole(admin, parsed.data.userId, parsed.data.role)
    if (!outcome.ok) return data({ error: outcome.message }, { status: outcome.status })
    return redirectWithToast(backTo(request), { kind: 'success', message: outcome.message })
  }
  if (intent === 'deactivate' || intent === 'reactivate') {
    const parsed = setActiveSchema.safeParse(Object.fromEntries(formData))
    if (!parsed.success)
      return data({ error: 'That request was incomplete; reload the page and try again.' }, { status: 400 })
    const outcome = await setActive(admin, parsed.data.userId, parsed.data.intent === 'reactivate')
    if (!outcome.ok) return data({ error: outcome.message }, { status: outcome.status })
    return redirectWithToast(backTo(request), { kind: 'success', message: outcome.message })
  }
  return data({ error: 'Unknown action.' }, { status: 400 })
}

function backTo(request: Request) {
  const url = pageUrl(request)
  url.searchParams.delete(CONFIRM_PARAM)
  return `${url.pathname}${url.search}`
}

function formatDate(value: string | Date | null) {
  return value ? formatDay(value) : 'never'
}

export default function Users({ loaderData, actionData }: Route.ComponentProps) {
  const { users, nextAfter, q, after, adminId, confirming } = loaderData
  const listHref = pageHref('/admin/users', { q, after })
  const result = actionData && 'result' in actionData ? actionData.result : undefined
  const created = actionData && 'created' in actionData ? actionData.created : null
  const rowError = actionData && 'error' in actionData ? actionData.error : null
  const [form, fields] = useForm({
    id: 'create-user',
    lastResult: result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: createUserSchema }),
    shouldValidate: 'onBlur',
    defaultValue: { role: 'FACT_CHECKER' },
  })
  const roleOptions = ROLE_OPTIONS.map((role) => ({ value: role, label: ROLE_LABELS[role] }))
  return (
    <div className="space-y-6">
      <PageHeader
        title="Users"
        description="Create accounts, change roles, and deactivate people who have left the desk."
        actions={
          <ButtonLink to="/admin/settings" variant="secondary">
            Desk settings
          </ButtonLink>
        }
      />
      {created ? (
        <div
          role="status"
          className="rounded-md border border-green-300 border-l-4 border-l-green-700 bg-green-50 px-4 py-3 text-sm text-green-950"
        >
          <p className="font-semibold">
            {created.name} ({created.email}) can now sign in as {ROLE_LABELS[created.role as Role].toLowerCase()}.
          </p>
          <p className="mt-1">
            One-time password:{' '}
            <code className="rounded bg-white px-1.5 py-0.5 font-mono text-base" data-testid="one-time-password">
              {created.password}
            </code>
          </p>
          <p className="mt-1 text-green-900">
            It is shown only now. Pass it on privately; they choose their own at first sign-in.
          </p>
        </div>
      ) : null}
      <FormError errors={rowError} title="That change was not made" />
      <div className="grid grid-cols-[minmax(0,1fr)] gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <Card className="min-w-0">
          <CardHeader
            title="People"
            actions={
              <Form method="get" className="flex gap-2" role="search">
                <label htmlFor="user-search" className="sr-only">
                  Search users
                </label>
                <input
                  id="user-search"
                  name="q"
                  defaultValue={q}
                  placeholder="Name or email"
                  className="w-40 rounded-md border border-paper-line px-2 py-1 text-sm sm:w-56"
                />
                <Button type="submit" variant="secondary" size="sm">
                  Search
                </Button>
              </Form>
            }
          />
          {/* On a phone each person folds into a small card of their own; from md up it is a table. */}
          <div className="md:overflow-x-auto">
            <table className="block w-full text-left text-sm md:table">
              <TableHead columns={COLUMNS} />
              <tbody className="block divide-y divide-paper-line md:table-row-group">
                {users.map((user) => (
                  <Fragment key={user.id}>
                    <tr
                      className={cx(
                        'flex flex-wrap items-center gap-x-3 gap-y-2 px-4 py-3 md:table-row md:p-0',
                        user.active ? '' : 'bg-paper-sunk text-ink-muted',
                      )}
                    >
                      <td className="block w-full md:table-cell md:w-auto md:px-4 md:py-3">
                        <p className="font-medium text-ink">
                          {user.name}
                          {user.id === adminId ? ' (you)' : ''}
                        </p>
                        <p className="text-ink-muted">{user.email}</p>
                      </td>
                      <td className="block md:table-cell md:px-4 md:py-3">
                        <Form method="post" action={listHref} className="flex items-center gap-2">
                          <input type="hidden" name="userId" value={user.id} />
                          <label htmlFor={`role-${user.id}`} className="sr-only">
                            Role of {user.name}
                          </label>
                          <CompactSelect
                            id={`role-${user.id}`}
                            name="role"
                            defaultValue={user.role}
                            options={roleOptions}
                          />
                          <Button
                            type="submit"
                            size="sm"
                            variant="secondary"
                            name="intent"
                            value="role"
                            aria-label={`Save role of ${user.name}`}
                          >
                            Save
                          </Button>
                        </Form>
                      </td>
                      <td className="block md:table-cell md:px-4 md:py-3">
                        {user.active ? (
                          user.mustChangePassword ? (
                            <Badge tone="warning">Invited</Badge>
                          ) : (
                            <Badge tone="success">Active</Badge>
                          )
                        ) : (
                          <Badge tone="neutral">Deactivated</Badge>
                        )}
                      </td>
                      <td className="block text-ink-muted whitespace-nowrap md:table-cell md:px-4 md:py-3 md:text-ink">
                        <span className="md:sr-only">Last seen </span>
                        {formatDate(user.lastSeenAt)}
                      </td>
                      <td className="block md:table-cell md:px-4 md:py-3 md:text-right">
                        {user.active ? (
                          <Form method="get" action="/admin/users#confirm-deactivate" preventScrollReset>
                            {q ? <input type="hidden" name="q" value={q} /> : null}
                            {after ? <input type="hidden" name="after" value={after} /> : null}
                            <Button
                              type="submit"
                              size="sm"
                              variant="danger"
                              name={CONFIRM_PARAM}
                              value={user.id}
                              aria-label={`Deactivate ${user.name}`}
                              aria-expanded={confirming === user.id}
                            >
                              Deactivate
                            </Button>
                          </Form>
                        ) : (
                          <Form method="post" action={listHref}>
                            <input type="hidden" name="userId" value={user.id} />
                            <Button
                              type="submit"
                              size="sm"
                              variant="secondary"
                              name="intent"
                              value="reactivate"
                              aria-label={`Reactivate ${user.name}`}
                            >
                              Reactivate
                            </Button>
                          </Form>
                        )}
                      </td>
                    </tr>
                    {confirming === user.id ? (
                      <tr className="block md:table-row">
                        <td colSpan={5} className="block bg-red-50 px-4 py-3 md:table-cell">
                          <DeactivateConfirmation user={user} listHref={listHref} />
                        </td>
                      </tr>
                    ) : null}
                  </Fragment>
                ))}
              </tbody>
            </table>
          </div>
          <Pager
            label="Pages of users"
            first={after ? pageHref('/admin/users', { q }) : null}
            next={nextAfter ? pageHref('/admin/users', { q, after: nextAfter }) : null}
            className="border-t border-paper-line px-4 py-3"
          />
        </Card>
        <Card className="h-fit">
          <CardHeader
            title="Add a person"
            description="They get a one-time password and choose their own at first sign-in."
          />
          <Form method="post" {...getFormProps(form)} className="space-y-4">
            <FormError errors={form.errors} />
            <ConformField label="Name" field={fields.name} />
            <ConformField label="Email" field={fields.email} type="email" />
            <ConformSelectField label="Role" field={fields.role} options={roleOptions} />
            <Button type="submit" name="intent" value="create" className="w-full">
              Create account
            </Button>
          </Form>
        </Card>
      </div>
    </div>
  )
}

/** The second step of Deactivate: says what happens, and only this form deactivates. */
function DeactivateConfirmation({
  user,
  listHref,
}: {
  user: { id: string; name: string; email: string }
  listHref: string
}) {
  const group = useRef<HTMLDivElement>(null)
  // With JavaScript the question is announced and keyboard focus starts there; without, the #fragment does it.
  useEffect(() => group.current?.focus(), [])
  return (
    <div
      ref={group}
      id="confirm-deactivate"
      role="group"
      aria-labelledby="confirm-deactivate-question"
      aria-describedby="confirm-deactivate-consequence"
      tabIndex={-1}
      // Sticky and no wider than the screen, so on a phone it stays in view while the table scrolls sideways.
      className="sticky left-4 flex max-w-[calc(100vw-6rem)] flex-wrap items-center justify-between gap-3 rounded-md p-2 outline-none focus-visible:ring-2 focus-visible:ring-red-700 sm:max-w-none"
    >
      <div className="text-sm text-red-950">
        <p id="confirm-deactivate-question" className="font-semibold">
          Deactivate {user.name} ({user.email})?
        </p>
        <p id="confirm-deactivate-consequence">
          They are signed out everywhere at once and cannot sign in until an admin reactivates them.
        </p>
      </div>
      <Form method="post" action={listHref} className="flex gap-2">
        <input type="hidden" name="userId" value={user.id} />
        <Button type="submit" size="sm" variant="danger" name="intent" value="deactivate">
          Yes, deactivate
        </Button>
        <ButtonLink to={listHref} preventScrollReset size="sm" variant="secondary">
          Cancel
        </ButtonLink>
      </Form>
    </div>
  )
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <RouteError error={error} />
}
