import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, Form, redirect, useNavigation, useSearchParams } from 'react-router'
import { Button } from '~/components/ui/button'
import { ConformField } from '~/components/ui/conform-fields'
import { FormError } from '~/components/ui/field'
import { logIn } from '~/auth/login.server'
import { loginSchema } from '~/auth/schemas'
import { getUser, safeRedirectPath, SESSION_EXPIRED_REASON } from '~/auth/session.server'
import { parseForm } from '~/utils/form.server'
import { pageUrl } from '~/utils/page-url'
import type { Route } from './+types/login'

export const meta: Route.MetaFunction = () => [{ title: 'Sign in · Factdesk' }]

export async function loader({ request }: Route.LoaderArgs) {
  const user = await getUser(request)
  const search = pageUrl(request).searchParams
  if (user) throw redirect(safeRedirectPath(search.get('redirectTo')))
  return { sessionExpired: search.get('reason') === SESSION_EXPIRED_REASON }
}

export async function action({ request }: Route.ActionArgs) {
  const submission = await parseForm(request, loginSchema)
  if (submission.status !== 'success') {
    return data({ result: submission.reply({ hideFields: ['password'] }) }, { status: 400 })
  }
  const outcome = await logIn(submission.value, request)
  if (!outcome.ok) {
    const headers = outcome.status === 429 ? { 'Retry-After': String(outcome.retryAfterSeconds) } : undefined
    return data(
      { result: submission.reply({ formErrors: [outcome.message], hideFields: ['password'] }) },
      { status: outcome.status, headers },
    )
  }
  const target = outcome.mustChangePassword ? '/account' : safeRedirectPath(submission.value.redirectTo)
  const headers = new Headers()
  for (const cookie of outcome.setCookies) headers.append('Set-Cookie', cookie)
  return redirect(target, { headers })
}

export default function Login({ loaderData, actionData }: Route.ComponentProps) {
  const [searchParams] = useSearchParams()
  const navigation = useNavigation()
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: loginSchema }),
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
  })
  return (
    <div className="mx-auto mt-8 max-w-sm">
      <div className="rounded-lg border border-paper-line bg-paper p-6 shadow-sm sm:p-8">
        <h1 className="text-2xl font-semibold">Sign in</h1>
        <p className="mt-1 text-sm text-ink-muted">Use the account your desk's admin created for you.</p>
        {loaderData.sessionExpired && !actionData ? (
          <p
            role="status"
            className="mt-4 rounded-md border border-amber-300 border-l-4 border-l-amber-600 bg-amber-50 px-4 py-3 text-sm text-amber-950"
          >
            <span className="font-semibold">Your session has expired.</span> Sign in again to go back to the page you
            were on.
          </p>
        ) : null}
        <Form method="post" {...getFormProps(form)} className="mt-6 space-y-4">
          <FormError errors={form.errors} title="Could not sign in" />
          <input type="hidden" name="redirectTo" value={searchParams.get('redirectTo') ?? ''} />
          {/* The page has one thing to do, and it starts here. */}
          {/* eslint-disable-next-line jsx-a11y/no-autofocus */}
          <ConformField label="Email" field={fields.email} type="email" autoComplete="username" autoFocus />
          <ConformField label="Password" field={fields.password} type="password" autoComplete="current-password" />
          <Button type="submit" variant="primary" className="w-full" disabled={navigation.state === 'submitting'}>
            {navigation.state === 'submitting' ? 'Signing in…' : 'Sign in'}
          </Button>
        </Form>
      </div>
    </div>
  )
}
