// Three-way merge of a claim edit: what the user started from (base), what is saved now (current) and
// what they typed. A save writes only the fields the user changed, so a save made from a stale copy
// never puts back what someone else changed in a field this user did not touch.

/** The fields a person edits on a claim, as the edit form shows them. */
export type ClaimFieldValues = { text: string; claimant: string; claimDate: string; tags: string[] }

export type ClaimField = keyof ClaimFieldValues

export const CLAIM_FIELDS = ['text', 'claimant', 'claimDate', 'tags'] as const satisfies readonly ClaimField[]

/** Who changed a field since the user's base: nobody, the user, someone else, or both of them differently. */
export type FieldSide = 'none' | 'mine' | 'theirs' | 'both'

export type ClaimMerge = {
  /** What the claim holds once the user's changes are applied to what is saved now. */
  values: ClaimFieldValues
  sides: Record<ClaimField, FieldSide>
}

function same(field: ClaimField, a: ClaimFieldValues, b: ClaimFieldValues): boolean {
  if (field === 'tags') return a.tags.length === b.tags.length && a.tags.every((tag, index) => tag === b.tags[index])
  return a[field] === b[field]
}

export function mergeClaimEdit(base: ClaimFieldValues, current: ClaimFieldValues, typed: ClaimFieldValues): ClaimMerge {
  const values = { ...current, tags: [...current.tags] }
  const sides = {} as Record<ClaimField, FieldSide>
  for (const field of CLAIM_FIELDS) {
    const mine = !same(field, base, typed)
    const theirs = !same(field, base, current)
    // Both made the same change: nothing to choose between.
    const agreed = mine && theirs && same(field, current, typed)
    sides[field] = agreed ? 'none' : mine && theirs ? 'both' : mine ? 'mine' : theirs ? 'theirs' : 'none'
    if (mine) (values as Record<ClaimField, unknown>)[field] = field === 'tags' ? [...typed.tags] : typed[field]
  }
  return { values, sides }
}
