// The words every write to a claim shares, whichever module makes it: who is acting, how a refusal
// looks, and what a person is told when the claim changed under them.
import type { Role } from '~/generated/prisma/enums'

/** The signed-in person a claim write is made for. */
export type ClaimActor = { id: string; role: Role }

export type ClaimWriteFailure<Field extends string = string> = {
  ok: false
  status: 400 | 403 | 404 | 409
  message: string
  /** The form field the message belongs beside; none for a message about the whole form. */
  field?: Field
}

export function failure<Field extends string = string>(
  status: ClaimWriteFailure['status'],
  message: string,
  field?: Field,
): ClaimWriteFailure<Field> {
  return field ? { ok: false, status, message, field } : { ok: false, status, message }
}

export const MISSING_CLAIM_MESSAGE = 'There is no such claim. It may have been deleted.'

export const STALE_CLAIM_MESSAGE =
  'Someone changed this claim after you opened it, so nothing was saved. What they changed is shown on this page; what you typed is still in the form.'
