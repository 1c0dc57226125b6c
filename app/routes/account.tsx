import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, Form, useRouteLoaderData } from 'react-router'
import { createTokenSchema, expiryDays, revokeTokenSchema } from '~/api/token-schemas'
import { createApiToken, listApiTokens, revokeApiToken } from '~/api/tokens.server'
import { changePassword, listSessions, signOutOtherSessions } from '~/auth/account.server'
import { ROLE_LABELS } from '~/auth/permissions'
import { changePasswordSchema } from '~/auth/schemas'
import { requireUser } from '~/auth/session.server'
import { ApiTokens } from '~/components/api-tokens'
import { Button } from '~/components/ui/button'
import { Card, CardHeader } from '~/components/ui/card'
import { ConformField } from '~/components/ui/conform-fields'
import { FormError } from '~/components/ui/field'
import { PageHeader } from '~/components/ui/page-header'
import { redirectWithToast } from '~/utils/toast.server'
import type { Route } from './+types/account'
import type { loader as rootLoader } from '~/root'
import { formatDayTime } from '~/utils/dates'
import { readFormData } from '~/utils/form.server'
import { NotificationSettings } from '~/components/notification-settings'
import { digestWanted, setDigestWanted } from '~/notifications/digest.server'
import { mutedKinds, setWantedKinds } from '~/notifications/notifications.server'
import { notificationSettingsSchema } from '~/notifications/schemas'

export const meta: Route.MetaFunction = () => [{ title: 'Your account · Factdesk' }]

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUser(request)
  const [sessions, tokens, muted, digest] = await Promise.all([
    listSessions(user),
    listApiTokens(user.id),
    mutedKinds(user.id),
    digestWanted(user.id),
  ])
  return {
    tokens,
    muted,
    digest,
    user: {
      name: user.name,
      email: user.email,
      role: ROLE_LABELS[user.role],
      mustChangePassword: user.mustChangePassword,
    },
    sessions: sessions.map((session) => ({ ...session, current: session.id === user.sessionId, id: undefined })),
  }
}

export async function action({ request }: Route.ActionArgs) {
  const user = await requireUser(request)
  const formData = await readFormData(request)
  if (formData.get('intent') === 'sign-out-others') {
    const count = await signOutOtherSessions(user)
    return redirectWithToast('/account', {
      kind: 'success',
      message: `Signed out of ${count} other session${count === 1 ? '' : 's'}.`,
    })
  }
  if (formData.get('intent') === 'create-token') {
    const tokenSubmission = parseWithZod(formData, { schema: createTokenSchema })
    if (tokenSubmission.status !== 'success') {
      return data({ tokenResult: tokenSubmission.reply(), created: null }, { status: 400 })
    }
    const { name, scopes, expiry } = tokenSubmission.value
    const made = await createApiToken(user, { name, scopes, expiresInDays: expiryDays(expiry) })
    if (!made.ok)
      return data(
        { tokenResult: tokenSubmission.reply({ formErrors: [made.message] }), created: null },
        { status: 400 },
      )
    // Answered, not redirected: this answer is the only place the token is ever shown.
    return data(
      {
        tokenResult: tokenSubmission.reply({ resetForm: true }),
        created: { id: made.id, name: made.name, token: made.token },
      },
      { headers: { 'Cache-Control': 'no-store' } },
    )
  }
  if (formData.get('intent') === 'revoke-token') {
    const revoke = parseWithZod(formData, { schema: revokeTokenSchema })
    const revoked = revoke.status === 'success' ? await revokeApiToken(user, revoke.value.tokenId) : null
    if (revoked === null) throw data({ message: 'You hold no such token. Reload the page.' }, { status: 404 })
    return redirectWithToast('/account', { kind: 'success', message: `Token “${revoked}” revoked.` })
  }
  if (formData.get('intent') === 'notifications') {
    const settings = parseWithZod(formData, { schema: notificationSettingsSchema })
    if (settings.status !== 'success') {
      return data({ result: null, settingsError: 'Choose from the listed kinds and save again.' }, { status: 400 })
    }
    await setWantedKinds(user.id, settings.value.kinds)
    await setDigestWanted(user.id, settings.value.digest === 'on')
    return redirectWithToast('/account', { kind: 'success', message: 'Notification settings saved.' })
  }
  const submission = parseWithZod(formData, { schema: changePasswordSchema })
  const hidden = ['currentPassword', 'newPassword', 'confirmPassword']
  if (submission.status !== 'success') {
    return data({ result: submission.reply({ hideFields: hidden }) }, { status: 400 })
  }
  const outcome = await changePassword(user, submission.value, request)
  if (!outcome.ok) {
    const headers = outcome.status === 429 ? { 'Retry-After': String(outcome.retryAfterSeconds) } : undefined
    return data(
      { result: submission.reply({ fieldErrors: { [outcome.field]: [outcome.message] }, hideFields: hidden }) },
      { status: outcome.status, headers },
    )
  }
  const others = outcome.endedSessions
    ? ` ${outcome.endedSessions} other session${outcome.endedSessions === 1 ? ' was' : 's were'} signed out.`
    : ''
  return redirectWithToast(user.mustChangePassword ? '/' : '/account', {
    kind: 'success',
    message: `Password changed.${others}`,
  })
}

export default function Account({ loaderData, actionData }: Route.ComponentProps) {
  const { user, sessions, tokens, muted, digest } = loaderData
  const tokenReply = actionData && 'tokenResult' in actionData ? actionData : null
  // A success arrives as a new message; the form starts afresh then, so no password stays typed on the page.
  const freshness = useRouteLoaderData<typeof rootLoader>('root')?.toast?.id ?? 'form'
  const [form, fields] = useForm({
    lastResult: actionData && 'result' in actionData ? actionData.result : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: changePasswordSchema }),
    shouldValidate: 'onBlur',
  })
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <PageHeader title="Your account" description={`${user.name} · ${user.email} · ${user.role}`} />
      {user.mustChangePassword ? (
        <p
          role="alert"
          className="rounded-md border border-amber-300 border-l-4 border-l-amber-600 bg-amber-50 px-4 py-3 text-sm text-amber-950"
        >
          You signed in with a one-time password. Choose your own password to continue.
        </p>
      ) : null}
      <Card>
        <CardHeader
          title="Change password"
          description="12 to 128 characters, and hard to guess. Your other sessions are signed out when it changes."
        />
        <Form method="post" {...getFormProps(form)} key={freshness} className="space-y-4">
          <FormError errors={form.errors} />
          <ConformField
            label={user.mustChangePassword ? 'One-time password' : 'Current password'}
            field={fields.currentPassword}
            type="password"
            autoComplete="current-password"
          />
          <ConformField
            label="New password"
            field={fields.newPassword}
            type="password"
            hint="A few unrelated words make a strong password that is easy to type."
            autoComplete="new-password"
          />
          <ConformField
            label="New password again"
            field={fields.confirmPassword}
            type="password"
            autoComplete="new-password"
          />
          <Button type="submit" name="intent" value="password">
            Change password
          </Button>
        </Form>
      </Card>
      {user.mustChangePassword ? null : (
        <NotificationSettings
          muted={muted}
          digest={digest}
          error={actionData && 'settingsError' in actionData ? actionData.settingsError : undefined}
        />
      )}
      {user.mustChangePassword ? null : (
        <Card>
          <CardHeader
            title="Where you are signed in"
            actions={
              <Form method="post">
                <Button
                  type="submit"
                  variant="secondary"
                  size="sm"
                  name="intent"
                  value="sign-out-others"
                  disabled={sessions.length <= 1}
                >
                  Sign out everywhere else
                </Button>
              </Form>
            }
          />
          <ul className="divide-y divide-paper-line">
            {sessions.map((session, index) => (
              <li key={index} className="py-3 text-sm">
                <p className="font-medium">
                  {session.userAgent ? summariseAgent(session.userAgent) : 'Unknown browser'}
                  {session.current ? (
                    <span className="ml-2 rounded-full bg-green-100 px-2 py-0.5 text-xs text-green-900">
                      This session
                    </span>
                  ) : null}
                </p>
                <p className="text-ink-muted">
                  Signed in{' '}
                  <time dateTime={new Date(session.createdAt).toISOString()}>{formatDayTime(session.createdAt)}</time> ·
                  last active{' '}
                  <time dateTime={new Date(session.lastSeenAt).toISOString()}>{formatDayTime(session.lastSeenAt)}</time>
                </p>
              </li>
            ))}
          </ul>
        </Card>
      )}
      {user.mustChangePassword ? null : (
        <ApiTokens
          tokens={tokens}
          created={tokenReply?.created ?? null}
          lastResult={tokenReply?.tokenResult}
          freshness={tokenReply?.created?.id ?? 'form'}
        />
      )}
    </div>
  )
}

function summariseAgent(agent: string) {
  const browser = /Firefox\//.test(agent)
    ? 'Firefox'
    : /Edg\//.test(agent)
      ? 'Edge'
      : /Chrome\//.test(agent)
        ? 'Chrome'
        : /Safari\//.test(agent)
          ? 'Safari'
          : 'Browser'
  const system = /Windows/.test(agent)
    ? 'Windows'
    : /Mac OS X/.test(agent)
      ? 'macOS'
      : /Android/.test(agent)
        ? 'Android'
        : /iPhone|iPad/.test(agent)
          ? 'iOS'
          : /Linux/.test(agent)
            ? 'Linux'
            : ''
  return system ? `${browser} on ${system}` : browser
}
