// Which kinds of notification a person receives: each kind a checkbox, every one ticked until muted.
import { Form } from 'react-router'
import type { NotificationKind } from '~/generated/prisma/enums'
import { NOTIFICATION_KINDS } from '~/notifications/kinds'
import { Button } from './ui/button'
import { Card, CardHeader } from './ui/card'

export function NotificationSettings({
  muted,
  digest,
  error,
}: {
  muted: NotificationKind[]
  digest: boolean
  error?: string
}) {
  const off = new Set(muted)
  return (
    <Card aria-labelledby="notification-settings-title">
      <CardHeader
        title="Notifications"
        titleId="notification-settings-title"
        description="What the bell in the header tells you about. Untick what you do not want to hear of."
      />
      {/* The key resets the boxes to what was saved once the settings change. */}
      <Form method="post" className="space-y-4" key={`${muted.join(',')}|${digest}`}>
        {error ? (
          <p role="alert" className="text-sm text-red-700">
            {error}
          </p>
        ) : null}
        <fieldset className="space-y-2">
          <legend className="sr-only">Tell me when</legend>
          {NOTIFICATION_KINDS.map(({ kind, label }) => (
            <label key={kind} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="kinds" value={kind} defaultChecked={!off.has(kind)} className="size-4" />
              {label}
            </label>
          ))}
        </fieldset>
        <fieldset className="space-y-2 border-t border-paper-line pt-4">
          <legend className="sr-only">Email</legend>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="digest" value="on" defaultChecked={digest} className="size-4" />
            Email me a daily digest of unread notifications
          </label>
        </fieldset>
        <Button type="submit" variant="secondary" name="intent" value="notifications">
          Save notification settings
        </Button>
      </Form>
    </Card>
  )
}
