// How source kinds and reliability ratings read on screen, shared by the claim page and the library.
import { Reliability, SourceKind } from '~/generated/prisma/enums'

export const SOURCE_KIND_LABELS: { readonly [K in SourceKind]: string } = {
  PRIMARY_DOCUMENT: 'Primary document',
  OFFICIAL_STATEMENT: 'Official statement',
  NEWS_REPORT: 'News report',
  EXPERT: 'Expert',
  DATASET: 'Dataset',
  OTHER: 'Other',
}

export const RELIABILITY_LABELS: { readonly [R in Reliability]: string } = {
  HIGH: 'High reliability',
  MEDIUM: 'Medium reliability',
  LOW: 'Low reliability',
  UNKNOWN: 'Reliability not rated',
}

/** The short word a rating form's options use. */
export const RELIABILITY_OPTION_LABELS: { readonly [R in Reliability]: string } = {
  HIGH: 'High',
  MEDIUM: 'Medium',
  LOW: 'Low',
  UNKNOWN: 'Not rated',
}

export const SOURCE_KINDS = Object.values(SourceKind)
export const RELIABILITIES: readonly Reliability[] = [
  Reliability.HIGH,
  Reliability.MEDIUM,
  Reliability.LOW,
  Reliability.UNKNOWN,
]
