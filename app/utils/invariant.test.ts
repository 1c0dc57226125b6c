import { describe, expect, jest, test } from '@jest/globals'
import { invariantResponse } from './invariant'

function thrownBy(run: () => void): unknown {
  try {
    run()
  } catch (error) {
    return error
  }
  throw new Error('nothing was thrown')
}

describe('invariantResponse', () => {
  test('lets a true condition through', () => {
    expect(() => invariantResponse({ id: 'a' }, 'There is no such claim.', { status: 404 })).not.toThrow()
  })

  test('throws the message with the status it is given', () => {
    const error = thrownBy(() => invariantResponse(null, 'There is no such claim.', { status: 404 }))
    expect(error).toMatchObject({ data: { message: 'There is no such claim.' }, init: { status: 404 } })
  })

  test('answers 400 when no status is given', () => {
    const error = thrownBy(() => invariantResponse(false, 'Reload the page and try again.'))
    expect(error).toMatchObject({ init: { status: 400 } })
  })

  test('builds a message from a function only when the condition fails', () => {
    const message = jest.fn(() => 'Not allowed.')
    invariantResponse(true, message, { status: 403 })
    expect(message).not.toHaveBeenCalled()
    const error = thrownBy(() => invariantResponse(0, message, { status: 403 }))
    expect(error).toMatchObject({ data: { message: 'Not allowed.' }, init: { status: 403 } })
  })
})
