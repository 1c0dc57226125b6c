// A webhook delivery's state as a pill: the label says it, the colour echoes it.
import type { WebhookDeliveryStatus } from '~/generated/prisma/enums'
import { Badge, type BadgeTone } from './ui/badge'

const STATUS: { readonly [S in WebhookDeliveryStatus]: { label: string; tone: BadgeTone } } = {
  PENDING: { label: 'Queued', tone: 'info' },
  RETRYING: { label: 'Retrying', tone: 'warning' },
  SUCCEEDED: { label: 'Delivered', tone: 'success' },
  FAILED: { label: 'Failed', tone: 'danger' },
}

export function WebhookDeliveryStatusBadge({ status }: { status: WebhookDeliveryStatus }) {
  const { label, tone } = STATUS[status]
  return <Badge tone={tone}>{label}</Badge>
}
