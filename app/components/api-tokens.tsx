// The account page's "API tokens" section: make a token (shown once), see the tokens held, revoke one.
import { getCollectionProps, getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { useRef, useState } from 'react'
import { Form } from 'react-router'
import { createTokenSchema, TOKEN_EXPIRY_CHOICES, TOKEN_SCOPE_CHOICES } from '~/api/token-schemas'
import { Badge } from '~/components/ui/badge'
import { Button } from '~/components/ui/button'
import { Card, CardHeader } from '~/components/ui/card'
import { ConformField, ConformSelectField } from '~/components/ui/conform-fields'
import { ErrorList, FormError } from '~/components/ui/field'
import { formatDay, formatDayTime } from '~/utils/dates'

export type ApiTokenRow = {
  id: string
  name: string
  prefix: string
  scopes: Array<keyof typeof TOKEN_SCOPE_CHOICES>
  createdAt: Date | string
  expiresAt: Date | string | null
  lastUsedAt: Date | string | null
  expired: boolean
}

export type CreatedToken = { id: string; name: string; token: string }

function When({ value }: { value: Date | string }) {
  return <time dateTime={new Date(value).toISOString()}>{formatDayTime(value)}</time>
}

function NewToken({ created }: { created: CreatedToken }) {
  const input = useRef<HTMLInputElement>(null)
  const [copied, setCopied] = useState(false)
  async function copy() {
    input.current?.select()
    try {
      await navigator.clipboard.writeText(created.token)
      setCopied(true)
    } catch {
      // No clipboard (permissions, an old browser): the token is selected for copying by hand.
    }
  }
  return (
    <div
      role="status"
      className="mb-4 space-y-2 rounded-md border border-green-300 border-l-4 border-l-green-700 bg-green-50 p-3 text-sm text-green-950"
    >
      <p className="font-medium">
        Token “<span className="[overflow-wrap:anywhere]">{created.name}</span>” made. Copy it now: it is not shown
        again.
      </p>
      <div className="flex items-center gap-2">
        <label htmlFor="new-api-token" className="sr-only">
          Your new token
        </label>
        <input
          ref={input}
          id="new-api-token"
          readOnly
          value={created.token}
          onFocus={(event) => event.currentTarget.select()}
          className="min-w-0 flex-1 rounded-md border border-green-300 bg-white px-2 py-1.5 font-mono text-xs text-ink"
        />
        <Button type="button" size="sm" variant="secondary" onClick={copy} className="shrink-0">
          {copied ? 'Copied' : 'Copy'}
        </Button>
      </div>
      <p className="text-green-900">
        Send it as <code className="font-mono">Authorization: Bearer …</code> to the API, described in{' '}
        <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>.
      </p>
    </div>
  )
}

export function ApiTokens({
  tokens,
  created,
  lastResult,
  freshness,
}: {
  tokens: ApiTokenRow[]
  created: CreatedToken | null
  lastResult: SubmissionResult<string[]> | undefined
  /** Changes after each token made, so the form starts empty again. */
  freshness: string
}) {
  const [form, fields] = useForm({
    id: 'create-token',
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: createTokenSchema }),
    shouldValidate: 'onBlur',
    // An error clears as soon as it is put right, not on leaving the field: clearing it on blur moved the
    // "Make token" button up under a pointer already pressing it, and the click was lost.
    shouldRevalidate: 'onInput',
    defaultValue: { expiry: 'never' },
  })
  const scopeBoxes = getCollectionProps(fields.scopes, { type: 'checkbox', options: Object.keys(TOKEN_SCOPE_CHOICES) })
  return (
    <Card aria-labelledby="api-tokens-title">
      <CardHeader
        titleId="api-tokens-title"
        title="API tokens"
        description="Personal tokens let a script read the desk through the read-only JSON API, as you. Treat one like a password."
      />
      {created ? <NewToken created={created} /> : null}

      {tokens.length > 0 ? (
        <ul className="mb-5 divide-y divide-paper-line border-y border-paper-line" aria-label="Your API tokens">
          {tokens.map((token) => (
            <li key={token.id} className="flex items-center gap-3 py-3 text-sm">
              <div className="min-w-0 flex-1 space-y-0.5">
                <p className="flex flex-wrap items-center gap-x-2 gap-y-1">
                  <span className="min-w-0 font-medium text-ink [overflow-wrap:anywhere]">{token.name}</span>
                  {token.expired ? <Badge tone="warning">Expired</Badge> : <Badge tone="success">Active</Badge>}
                </p>
                <p className="text-ink-muted">
                  <code className="font-mono">{token.prefix}…</code> ·{' '}
                  {token.scopes.map((scope) => TOKEN_SCOPE_CHOICES[scope].label).join(', ')}
                </p>
                <p className="text-ink-muted">
                  Made <When value={token.createdAt} /> ·{' '}
                  {token.lastUsedAt ? (
                    <>
                      last used <When value={token.lastUsedAt} />
                    </>
                  ) : (
                    'never used'
                  )}
                  {token.expiresAt ? (
                    <>
                      {' '}
                      · {token.expired ? 'expired' : 'expires'}{' '}
                      <time dateTime={new Date(token.expiresAt).toISOString()}>{formatDay(token.expiresAt)}</time>
                    </>
                  ) : null}
                </p>
              </div>
              <Form method="post" className="shrink-0">
                <input type="hidden" name="tokenId" value={token.id} />
                <Button
                  type="submit"
                  variant="secondary"
                  size="sm"
                  name="intent"
                  value="revoke-token"
                  aria-label={`Revoke ${token.name}`}
                >
                  Revoke
                </Button>
              </Form>
            </li>
          ))}
        </ul>
      ) : (
        <p className="mb-5 text-sm text-ink-muted">You have no API tokens.</p>
      )}

      <Form method="post" {...getFormProps(form)} key={freshness} className="space-y-4">
        <h3 className="text-sm font-semibold text-ink">Make a token</h3>
        <FormError errors={form.errors} />
        <ConformField
          label="Name"
          field={fields.name}
          hint="What will use it, so you know which to revoke."
          maxLength={100}
        />
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-ink">May read</legend>
          <div className="grid gap-2 sm:grid-cols-2">
            {scopeBoxes.map(({ key, ...box }) => {
              const choice = TOKEN_SCOPE_CHOICES[box.value as keyof typeof TOKEN_SCOPE_CHOICES]
              return (
                <label
                  key={key}
                  className="flex cursor-pointer items-start gap-2.5 rounded-md border border-paper-line p-3 has-checked:border-brand has-checked:bg-brand-soft"
                >
                  <input {...box} className="mt-0.5 size-4 shrink-0 accent-brand" />
                  <span className="text-sm">
                    <span className="block font-medium text-ink">{choice.label}</span>
                    <span className="block text-ink-muted">{choice.hint}</span>
                  </span>
                </label>
              )
            })}
          </div>
          <ErrorList errors={fields.scopes.errors} />
        </fieldset>
        <ConformSelectField
          label="Expires"
          field={fields.expiry}
          options={TOKEN_EXPIRY_CHOICES.map(({ value, label }) => ({ value, label }))}
          className="sm:max-w-xs"
        />
        <Button type="submit" name="intent" value="create-token">
          Make token
        </Button>
      </Form>
    </Card>
  )
}
