import { describe, expect, it } from '@jest/globals'
import { mergeClaimEdit, type ClaimFieldValues } from './merge'

const base: ClaimFieldValues = {
  text: 'Talks continue in Ankara.',
  claimant: 'Umerov',
  claimDate: '2026-01-10',
  tags: ['talks'],
}

describe('merging a claim edit made from an older copy', () => {
  it('keeps a field someone else changed when the user left it as it was', () => {
    const current = { ...base, tags: ['talks', 'diplomacy'] }
    const typed = { ...base, claimant: 'Rustem Umerov' }
    const merge = mergeClaimEdit(base, current, typed)
    expect(merge.values).toEqual({ ...base, claimant: 'Rustem Umerov', tags: ['talks', 'diplomacy'] })
    expect(merge.sides).toEqual({ text: 'none', claimant: 'mine', claimDate: 'none', tags: 'theirs' })
  })

  it('takes the user’s value where both changed the same field differently, and says so', () => {
    const current = { ...base, claimant: 'Rustem Umerov' }
    const typed = { ...base, claimant: 'Umerov, defence minister' }
    const merge = mergeClaimEdit(base, current, typed)
    expect(merge.values.claimant).toBe('Umerov, defence minister')
    expect(merge.sides.claimant).toBe('both')
  })

  it('sees no conflict when both made the same change', () => {
    const current = { ...base, claimDate: '2026-01-11' }
    const merge = mergeClaimEdit(base, current, { ...base, claimDate: '2026-01-11' })
    expect(merge.sides.claimDate).toBe('none')
    expect(merge.values.claimDate).toBe('2026-01-11')
  })

  it('treats emptying a field as a change', () => {
    const merge = mergeClaimEdit(base, base, { ...base, claimDate: '', tags: [] })
    expect(merge.values).toMatchObject({ claimDate: '', tags: [] })
    expect(merge.sides).toMatchObject({ claimDate: 'mine', tags: 'mine' })
  })

  it('compares tags as an ordered list', () => {
    const merge = mergeClaimEdit(base, { ...base, tags: ['talks', 'war'] }, { ...base, tags: ['war', 'talks'] })
    expect(merge.sides.tags).toBe('both')
    expect(merge.values.tags).toEqual(['war', 'talks'])
  })

  it('writes exactly what was typed when nobody else changed anything', () => {
    const typed = { text: 'New wording.', claimant: '', claimDate: '', tags: ['a', 'b'] }
    expect(mergeClaimEdit(base, base, typed).values).toEqual(typed)
  })
})
