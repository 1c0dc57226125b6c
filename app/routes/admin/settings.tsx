import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, Form, Link, useNavigation } from 'react-router'
import { requirePermission } from '~/auth/session.server'
import { Button } from '~/components/ui/button'
import { Card, CardHeader } from '~/components/ui/card'
import { ConformField, ConformTextareaField } from '~/components/ui/conform-fields'
import { FormError } from '~/components/ui/field'
import { PageHeader } from '~/components/ui/page-header'
import { MAX_ALLOW_LIST_ENTRIES } from '~/settings/allow-list'
import { settingsSchema } from '~/settings/schemas'
import { getSettings, updateSettings } from '~/settings/settings.server'
import { redirectWithToast } from '~/utils/toast.server'
import { formatDayTime } from '~/utils/dates'
import { RouteError } from '~/components/route-error'
import type { Route } from './+types/settings'
import { parseForm } from '~/utils/form.server'

// On an error the ErrorBoundary names the page.
export const meta: Route.MetaFunction = ({ error }) => (error ? [] : [{ title: 'Settings · Factdesk' }])

export async function loader({ request }: Route.LoaderArgs) {
  await requirePermission(request, 'settings:edit')
  const settings = await getSettings()
  return { settings }
}

export async function action({ request }: Route.ActionArgs) {
  const admin = await requirePermission(request, 'settings:edit')
  const submission = await parseForm(request, settingsSchema)
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  await updateSettings(admin, submission.value)
  return redirectWithToast('/admin/settings', { kind: 'success', message: 'Settings saved.' })
}

export default function Settings({ loaderData, actionData }: Route.ComponentProps) {
  const { settings } = loaderData
  const navigation = useNavigation()
  const saving = navigation.state === 'submitting' && navigation.formAction === '/admin/settings'
  const [form, fields] = useForm({
    id: 'desk-settings',
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: settingsSchema }),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    defaultValue: {
      organizationName: settings.organizationName,
      organizationUrl: settings.organizationUrl,
      urlImportAllowList: settings.urlImportAllowList.join('\n'),
    },
  })
  return (
    <div className="max-w-3xl space-y-6">
      <PageHeader
        title="Settings"
        description="How the desk presents itself in what it publishes, and which private hosts the article import may read."
        actions={<Link to="/admin/users">Manage users</Link>}
      />
      <Form method="post" {...getFormProps(form)} className="space-y-6">
        <FormError errors={form.errors} />
        <Card>
          <CardHeader
            title="Organization"
            description="The author of every ClaimReview the desk exports: search engines show this name next to its fact-checks."
          />
          <div className="space-y-4">
            <ConformField label="Name" field={fields.organizationName} autoComplete="organization" />
            <ConformField
              label="Website"
              field={fields.organizationUrl}
              type="url"
              hint="The desk’s public home page, starting with https://."
              autoComplete="url"
              inputMode="url"
            />
          </div>
        </Card>
        <Card>
          <CardHeader
            title="Article import allow-list"
            description="Importing an article from a web address never reaches private or internal addresses, except the hosts listed here (an intranet CMS, for example)."
          />
          <ConformTextareaField
            label="Allowed hosts"
            field={fields.urlImportAllowList}
            hint={`One host and port per line: intranet.example.org:443, 10.0.0.5:8080 or [2001:db8::5]:443. Without a port only the usual one is allowed (80 for http://, 443 for https://). No http:// and no paths. At most ${MAX_ALLOW_LIST_ENTRIES}.`}
            textareaProps={{
              rows: 6,
              spellCheck: false,
              autoCapitalize: 'none',
              autoCorrect: 'off',
              className: 'font-mono',
            }}
          />
        </Card>
        <div className="flex flex-wrap items-center gap-4">
          <Button type="submit" disabled={saving}>
            {saving ? 'Saving…' : 'Save settings'}
          </Button>
          <p className="text-sm text-ink-muted">
            Last changed {formatDayTime(settings.updatedAt)}
            {settings.updatedBy ? ` by ${settings.updatedBy}` : ''}.
          </p>
        </div>
      </Form>
    </div>
  )
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <RouteError error={error} />
}
