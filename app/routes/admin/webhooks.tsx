import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, Form } from 'react-router'
import { requirePermission } from '~/auth/session.server'
import { RouteError } from '~/components/route-error'
import { Badge } from '~/components/ui/badge'
import { Button, ButtonLink } from '~/components/ui/button'
import { Card, CardHeader } from '~/components/ui/card'
import { ConformField } from '~/components/ui/conform-fields'
import { ErrorList, FormError } from '~/components/ui/field'
import { PageHeader } from '~/components/ui/page-header'
import { pageHref, Pager } from '~/components/ui/pager'
import { TableHead, type Column } from '~/components/ui/table'
import { WebhookDeliveryStatusBadge } from '~/components/webhook-delivery-status'
import { formatMoment } from '~/utils/dates'
import { readFormData } from '~/utils/form.server'
import { pageUrl } from '~/utils/page-url'
import { redirectWithToast } from '~/utils/toast.server'
import { MAX_DELIVERY_ATTEMPTS, WEBHOOK_EVENT_LABELS, WEBHOOK_EVENT_TYPES } from '~/webhooks/events'
import { createEndpointSchema, endpointActionSchema, redeliverSchema } from '~/webhooks/schemas'
import {
  createEndpoint,
  deleteEndpoint,
  listDeliveries,
  listEndpoints,
  redeliver,
  setEndpointEnabled,
} from '~/webhooks/webhooks.server'
import type { Route } from './+types/webhooks'

// On an error the ErrorBoundary names the page.
export const meta: Route.MetaFunction = ({ error }) => (error ? [] : [{ title: 'Webhooks · Factdesk' }])

const CONFIRM_PARAM = 'delete'

const DELIVERY_COLUMNS: Column[] = [
  'Event',
  'Endpoint',
  'Status',
  { label: 'Attempts', className: 'whitespace-nowrap' },
  'Last answer',
  { label: 'Next attempt', className: 'whitespace-nowrap' },
  { label: <span className="sr-only">Actions</span> },
]

export async function loader({ request }: Route.LoaderArgs) {
  await requirePermission(request, 'settings:edit')
  const url = pageUrl(request)
  const after = url.searchParams.get('after')
  const [endpoints, deliveries] = await Promise.all([listEndpoints(), listDeliveries({ after })])
  // Deleting takes the endpoint's deliveries with it, so the row's button first asks (a GET: works without JS).
  const confirming = endpoints.find((endpoint) => endpoint.id === url.searchParams.get(CONFIRM_PARAM))?.id ?? null
  return { endpoints, ...deliveries, after, confirming }
}

export async function action({ request }: Route.ActionArgs) {
  const admin = await requirePermission(request, 'settings:edit')
  const formData = await readFormData(request)
  const intent = formData.get('intent')
  if (intent === 'create') {
    const submission = parseWithZod(formData, { schema: createEndpointSchema })
    if (submission.status !== 'success') return data({ result: submission.reply(), created: null }, { status: 400 })
    const created = await createEndpoint(admin, submission.value)
    // The secret is shown once, in this response; the page never shows it again.
    return data({ result: submission.reply({ resetForm: true }), created })
  }
  if (intent === 'enable' || intent === 'disable' || intent === 'delete') {
    const parsed = endpointActionSchema.safeParse(Object.fromEntries(formData))
    if (!parsed.success)
      return data({ error: 'That request was incomplete; reload the page and try again.' }, { status: 400 })
    const { endpointId } = parsed.data
    const outcome =
      intent === 'delete'
        ? await deleteEndpoint(admin, endpointId)
        : await setEndpointEnabled(admin, endpointId, intent === 'enable')
    if (!outcome.ok) return data({ error: outcome.message }, { status: outcome.status })
    return redirectWithToast(backTo(request), { kind: 'success', message: outcome.message })
  }
  if (intent === 'redeliver') {
    const parsed = redeliverSchema.safeParse(Object.fromEntries(formData))
    if (!parsed.success)
      return data({ error: 'That request was incomplete; reload the page and try again.' }, { status: 400 })
    const outcome = await redeliver(admin, parsed.data.deliveryId)
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

function moment(value: Date | string | null) {
  return value ? formatMoment(value) : '—'
}

export default function Webhooks({ loaderData, actionData }: Route.ComponentProps) {
  const { endpoints, deliveries, nextAfter, after, confirming } = loaderData
  const result = actionData && 'result' in actionData ? actionData.result : undefined
  const created = actionData && 'created' in actionData ? actionData.created : null
  const rowError = actionData && 'error' in actionData ? actionData.error : null
  const listHref = pageHref('/admin/webhooks', { after })
  const [form, fields] = useForm({
    id: 'create-webhook',
    lastResult: result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: createEndpointSchema }),
    shouldValidate: 'onBlur',
    defaultValue: { events: ['claim.approved'] },
  })
  const chosen = new Set([fields.events.initialValue ?? []].flat() as string[])
  return (
    <div className="space-y-6">
      <PageHeader
        title="Webhooks"
        description="Tell other systems when the desk approves or reopens a claim, or publishes a report. Every request is signed the Standard Webhooks way and retried for about a day until it is accepted."
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
          <p className="font-semibold">Endpoint added: {created.url}</p>
          <p className="mt-1">
            Signing secret:{' '}
            <code className="rounded bg-white px-1.5 py-0.5 font-mono text-sm break-all" data-testid="webhook-secret">
              {created.secret}
            </code>
          </p>
          <p className="mt-1 text-green-900">
            It is shown only now. Copy it into the receiving system, which checks each request’s{' '}
            <code>webhook-signature</code> with it.
          </p>
        </div>
      ) : null}
      <FormError errors={rowError} title="That change was not made" />
      <div className="grid grid-cols-[minmax(0,1fr)] gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <Card className="h-fit min-w-0" aria-labelledby="endpoints-title">
          <CardHeader title="Endpoints" titleId="endpoints-title" />
          {endpoints.length === 0 ? (
            <p className="text-sm text-ink-muted">No endpoint yet. Add one to start sending events.</p>
          ) : (
            <ul className="divide-y divide-paper-line">
              {endpoints.map((endpoint) => (
                <li key={endpoint.id} className="flex flex-wrap items-start justify-between gap-3 py-3">
                  <div className="min-w-0 space-y-1">
                    <p className="font-mono text-sm break-all text-ink">{endpoint.url}</p>
                    {endpoint.description ? <p className="text-sm text-ink-muted">{endpoint.description}</p> : null}
                    <p className="flex flex-wrap gap-1.5">
                      {endpoint.enabled ? (
                        <Badge tone="success">Enabled</Badge>
                      ) : (
                        <Badge tone="neutral">Disabled</Badge>
                      )}
                      {endpoint.events.map((type) => (
                        <Badge key={type} tone="violet">
                          {type}
                        </Badge>
                      ))}
                    </p>
                  </div>
                  <div className="flex gap-2">
                    <Form method="post" action={listHref}>
                      <input type="hidden" name="endpointId" value={endpoint.id} />
                      <Button
                        type="submit"
                        size="sm"
                        variant="secondary"
                        name="intent"
                        value={endpoint.enabled ? 'disable' : 'enable'}
                        aria-label={`${endpoint.enabled ? 'Disable' : 'Enable'} ${endpoint.url}`}
                      >
                        {endpoint.enabled ? 'Disable' : 'Enable'}
                      </Button>
                    </Form>
                    <Form method="get" action="/admin/webhooks" preventScrollReset>
                      {after ? <input type="hidden" name="after" value={after} /> : null}
                      <Button
                        type="submit"
                        size="sm"
                        variant="danger"
                        name={CONFIRM_PARAM}
                        value={endpoint.id}
                        aria-label={`Delete ${endpoint.url}`}
                        aria-expanded={confirming === endpoint.id}
                      >
                        Delete
                      </Button>
                    </Form>
                  </div>
                  {confirming === endpoint.id ? (
                    <div
                      role="group"
                      aria-label="Confirm deletion"
                      className="w-full rounded-md bg-red-50 px-4 py-3 text-sm"
                    >
                      <p className="text-red-950">
                        Delete {endpoint.url}? It stops receiving events, and its deliveries are deleted with it.
                      </p>
                      <div className="mt-2 flex flex-wrap gap-2">
                        <Form method="post" action={listHref}>
                          <input type="hidden" name="endpointId" value={endpoint.id} />
                          <Button type="submit" size="sm" variant="danger" name="intent" value="delete">
                            Delete endpoint
                          </Button>
                        </Form>
                        <ButtonLink to={listHref} size="sm" variant="secondary" preventScrollReset>
                          Keep it
                        </ButtonLink>
                      </div>
                    </div>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card className="h-fit" aria-labelledby="add-endpoint-title">
          <CardHeader
            title="Add an endpoint"
            titleId="add-endpoint-title"
            description="Private and local addresses are refused unless listed in the article import allow-list."
          />
          <Form method="post" {...getFormProps(form)} className="space-y-4">
            <FormError errors={form.errors} />
            <ConformField
              label="Address"
              field={fields.url}
              type="url"
              inputMode="url"
              placeholder="https://example.org/hooks/factdesk"
            />
            <ConformField label="Description" field={fields.description} hint="Optional: who receives it." />
            <fieldset
              className="space-y-2"
              aria-invalid={fields.events.errors ? true : undefined}
              aria-describedby={fields.events.errors ? `${fields.events.id}-error` : undefined}
            >
              <legend className="text-sm font-medium text-ink">Events</legend>
              {WEBHOOK_EVENT_TYPES.map((type) => (
                <div key={`${form.key}-${type}`} className="flex items-start gap-2.5">
                  <input
                    type="checkbox"
                    id={`event-${type}`}
                    name={fields.events.name}
                    value={type}
                    defaultChecked={chosen.has(type)}
                    className="mt-0.5 size-4 shrink-0 cursor-pointer rounded border-paper-line accent-brand"
                  />
                  <label htmlFor={`event-${type}`} className="cursor-pointer text-sm">
                    <span className="font-mono text-ink">{type}</span>
                    <span className="block text-ink-muted">{WEBHOOK_EVENT_LABELS[type]}</span>
                  </label>
                </div>
              ))}
              <ErrorList id={`${fields.events.id}-error`} errors={fields.events.errors} />
            </fieldset>
            <Button type="submit" name="intent" value="create" className="w-full">
              Add endpoint
            </Button>
          </Form>
        </Card>
      </div>
      <Card className="min-w-0" aria-labelledby="deliveries-title">
        <CardHeader
          title="Deliveries"
          titleId="deliveries-title"
          description={`Newest first. A failed delivery is tried again up to ${MAX_DELIVERY_ATTEMPTS} times over about a day; Redeliver sends it once more now, with the same webhook-id.`}
        />
        {deliveries.length === 0 ? (
          <p className="text-sm text-ink-muted">No deliveries yet.</p>
        ) : (
          <div className="md:overflow-x-auto">
            <table className="block w-full text-left text-sm md:table">
              <caption className="sr-only">Webhook deliveries, newest first</caption>
              <TableHead columns={DELIVERY_COLUMNS} />
              <tbody className="block divide-y divide-paper-line md:table-row-group">
                {deliveries.map((delivery) => (
                  <tr
                    key={delivery.id}
                    className="flex flex-wrap items-center gap-x-3 gap-y-1 px-4 py-3 md:table-row md:p-0"
                  >
                    <td className="block w-full md:table-cell md:w-auto md:px-4 md:py-3">
                      <p className="font-mono text-ink">{delivery.eventType}</p>
                      <p className="text-xs text-ink-muted">
                        {moment(delivery.createdAt)} · <span className="font-mono">{delivery.webhookId}</span>
                      </p>
                    </td>
                    <td
                      className="block w-full max-w-xs truncate font-mono text-xs md:table-cell md:w-auto md:px-4 md:py-3"
                      title={delivery.endpoint.url}
                    >
                      {delivery.endpoint.url}
                    </td>
                    <td className="block md:table-cell md:px-4 md:py-3">
                      <WebhookDeliveryStatusBadge status={delivery.status} />
                    </td>
                    <td className="block md:table-cell md:px-4 md:py-3">
                      <span className="md:sr-only">Attempts </span>
                      {delivery.attempts}
                    </td>
                    <td className="block w-full md:table-cell md:w-auto md:px-4 md:py-3">
                      <p>
                        {delivery.lastStatusCode
                          ? `HTTP ${delivery.lastStatusCode}`
                          : delivery.attempts
                            ? 'No answer'
                            : '—'}
                      </p>
                      {delivery.lastError ? <p className="text-xs text-red-800">{delivery.lastError}</p> : null}
                    </td>
                    <td className="block text-ink-muted md:table-cell md:px-4 md:py-3 md:text-ink">
                      <span className="md:sr-only">Next attempt </span>
                      {moment(delivery.nextAttemptAt)}
                    </td>
                    <td className="block md:table-cell md:px-4 md:py-3 md:text-right">
                      <Form method="post" action={listHref}>
                        <input type="hidden" name="deliveryId" value={delivery.id} />
                        <Button
                          type="submit"
                          size="sm"
                          variant="secondary"
                          name="intent"
                          value="redeliver"
                          aria-label={`Redeliver ${delivery.eventType} to ${delivery.endpoint.url}`}
                        >
                          Redeliver
                        </Button>
                      </Form>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pager
          label="Pages of deliveries"
          first={after ? '/admin/webhooks' : null}
          next={nextAfter ? pageHref('/admin/webhooks', { after: nextAfter }) : null}
          className="border-t border-paper-line pt-3"
        />
      </Card>
    </div>
  )
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <RouteError error={error} />
}
