// A source's reliability as a labelled pill; the words carry the rating, the tone only echoes it.
import type { Reliability } from '~/generated/prisma/enums'
import { RELIABILITY_LABELS } from '~/sources/labels'
import { Badge, type BadgeTone } from './ui/badge'

const TONES: Record<Reliability, BadgeTone> = { HIGH: 'success', MEDIUM: 'info', LOW: 'danger', UNKNOWN: 'neutral' }

export function SourceReliabilityBadge({ reliability, className }: { reliability: Reliability; className?: string }) {
  return (
    <Badge tone={TONES[reliability]} className={className}>
      {RELIABILITY_LABELS[reliability]}
    </Badge>
  )
}
