import { describe, expect, it } from '@jest/globals'
import { claimChangeWords } from './wording'

const base = { actorId: 'u1', actorName: 'Dana', fromStatus: null, toStatus: null, fields: [] }

describe('claimChangeWords', () => {
  it('names the new status of a transition', () => {
    expect(
      claimChangeWords({ ...base, event: 'VERDICT_PROPOSED', fromStatus: 'IN_RESEARCH', toStatus: 'NEEDS_REVIEW' }),
    ).toBe('Changed by Dana just now: status → Needs review')
  })

  it('names the fields of an edit or an assignment, and the kind of any other change', () => {
    expect(claimChangeWords({ ...base, event: 'EDITED', fields: ['text', 'tags'] })).toBe(
      'Changed by Dana just now: text, tags',
    )
    expect(claimChangeWords({ ...base, event: 'ASSIGNED', fields: ['assignee', 'dueAt'] })).toBe(
      'Changed by Dana just now: assignee, due date',
    )
    expect(claimChangeWords({ ...base, event: 'SOURCE_ATTACHED', actorName: null })).toBe(
      'Changed by someone just now: source attached',
    )
    expect(claimChangeWords({ ...base, event: 'COMMENTED' })).toBe('Changed by Dana just now: comment added')
  })
})
