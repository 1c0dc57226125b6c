import { describe, expect, it } from '@jest/globals'
import { clearDraft, draftKey, readDraft, saveDraft, type DraftStorage } from './drafts'

function memoryStorage(): DraftStorage & { items: Map<string, string> } {
  const items = new Map<string, string>()
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  }
}

const key = draftKey('user-1', 'claim-1', 'comment')

describe('claim drafts', () => {
  it('gives each user, claim and form its own draft', () => {
    expect(
      new Set([
        draftKey('u1', 'c1', 'comment'),
        draftKey('u2', 'c1', 'comment'),
        draftKey('u1', 'c2', 'comment'),
        draftKey('u1', 'c1', 'propose'),
      ]).size,
    ).toBe(4)
  })

  it('keeps what was typed and gives it back', () => {
    const storage = memoryStorage()
    expect(saveDraft(storage, key, { body: 'Check the ministry’s figures.' }, { body: '' }, ['body'])).toBe(true)
    expect(readDraft(storage, key)).toEqual({ body: 'Check the ministry’s figures.' })
  })

  it('drops the draft once the fields are back to what the form started with', () => {
    const storage = memoryStorage()
    saveDraft(storage, key, { verdict: 'FALSE', rationale: 'x' }, { verdict: '', rationale: '' }, [
      'verdict',
      'rationale',
    ])
    expect(
      saveDraft(storage, key, { verdict: '', rationale: '' }, { verdict: '', rationale: '' }, ['verdict', 'rationale']),
    ).toBe(false)
    expect(readDraft(storage, key)).toBeNull()
  })

  it('compares only the fields a person types in, but keeps the others with the draft', () => {
    const storage = memoryStorage()
    expect(saveDraft(storage, key, { text: 'same', version: '3' }, { text: 'same', version: '2' }, ['text'])).toBe(
      false,
    )
    expect(saveDraft(storage, key, { text: 'new', version: '3' }, { text: 'same', version: '2' }, ['text'])).toBe(true)
    expect(readDraft(storage, key)).toEqual({ text: 'new', version: '3' })
  })

  it('reads nothing from a damaged or foreign entry', () => {
    const storage = memoryStorage()
    storage.setItem(key, '{not json')
    expect(readDraft(storage, key)).toBeNull()
    storage.setItem(key, '["a"]')
    expect(readDraft(storage, key)).toBeNull()
    storage.setItem(key, JSON.stringify({ body: 5 }))
    expect(readDraft(storage, key)).toBeNull()
  })

  it('keeps nothing, and does not throw, when the storage refuses', () => {
    const refusing: DraftStorage = {
      getItem: () => {
        throw new Error('blocked')
      },
      setItem: () => {
        throw new Error('quota')
      },
      removeItem: () => {
        throw new Error('blocked')
      },
    }
    expect(saveDraft(refusing, key, { body: 'x' }, { body: '' }, ['body'])).toBe(false)
    expect(readDraft(refusing, key)).toBeNull()
    expect(() => clearDraft(refusing, key)).not.toThrow()
  })

  it('clears a draft', () => {
    const storage = memoryStorage()
    saveDraft(storage, key, { body: 'x' }, { body: '' }, ['body'])
    clearDraft(storage, key)
    expect(storage.items.size).toBe(0)
  })
})
