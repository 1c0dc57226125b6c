// Drafts of what a person is writing on a claim (verdict and rationale, a comment, a note, an edit),
// kept in the browser until the form is sent or discarded. A draft belongs to one user and one claim,
// so someone else signing in on the same browser never sees it.

export type DraftValues = Record<string, string>

/** The part of the Web Storage API a draft needs, so the rules are tested without a browser. */
export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>

const PREFIX = 'factdesk:draft'
/** Far more than any form of the claim pages holds; a larger value is not a draft of ours. */
const MAX_DRAFT_LENGTH = 100_000

export function draftKey(userId: string, claimId: string, form: string): string {
  return `${PREFIX}:${userId}:${claimId}:${form}`
}

/** The stored draft, or null when there is none or it cannot be read. */
export function readDraft(storage: DraftStorage, key: string): DraftValues | null {
  try {
    const raw = storage.getItem(key)
    if (!raw || raw.length > MAX_DRAFT_LENGTH) return null
    const parsed: unknown = JSON.parse(raw)
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null
    const entries = Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === 'string')
    return entries.length > 0 ? Object.fromEntries(entries) : null
  } catch {
    return null
  }
}

/** True when the compared fields hold something other than what the form started with. */
export function differsFrom(values: DraftValues, start: DraftValues, fields: readonly string[]): boolean {
  return fields.some((field) => (values[field] ?? '') !== (start[field] ?? ''))
}

/**
 * Keeps the form's values as the draft, or removes the draft when the compared fields are back to what
 * the form started with. Returns whether a draft is kept. A full or blocked storage keeps nothing.
 */
export function saveDraft(
  storage: DraftStorage,
  key: string,
  values: DraftValues,
  start: DraftValues,
  fields: readonly string[],
): boolean {
  try {
    if (!differsFrom(values, start, fields)) {
      storage.removeItem(key)
      return false
    }
    const raw = JSON.stringify(values)
    if (raw.length > MAX_DRAFT_LENGTH) return false
    storage.setItem(key, raw)
    return true
  } catch {
    return false
  }
}

export function clearDraft(storage: DraftStorage, key: string): void {
  try {
    storage.removeItem(key)
  } catch {
    // Storage blocked: there is nothing to clear.
  }
}
