import { z } from 'zod'

/** A form field that must hold some text once trimmed: a missing field and a blank one get the same message. */
export function requiredText(message: string, max: number) {
  return z.string({ error: message }).trim().min(1, message).max(max, `Use at most ${max} characters.`)
}
