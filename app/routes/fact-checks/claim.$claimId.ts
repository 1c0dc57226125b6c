// "Checked before" for one claim, as its panel loads it: the approved claims and external fact-checks
// that match, and the claims grouped with it. Its action uses a match as a starting point or groups it.
import { data } from 'react-router'
import { can, rolesThatCan } from '~/auth/permissions'
import { backgroundUser, fetchingPage, requirePermission } from '~/auth/session.server'
import { checkedBeforeClaim } from '~/claims/similar.server'
import { groupAsSameClaim, startFromCheckedClaim } from '~/claims/similar-links.server'
import { checkedBeforeSchema } from '~/fact-checks/schemas'
import { readFormData } from '~/utils/form.server'
import { invariantResponse } from '~/utils/invariant'
import type { Route } from './+types/claim.$claimId'

export async function loader({ request, params }: Route.LoaderArgs) {
  // A session that ended while the panel was open: the section stays empty, and the page stays put.
  if (!(await backgroundUser(request, 'claim:view'))) return data(null, 401)
  const found = await checkedBeforeClaim(params.claimId)
  invariantResponse(found, 'There is no such claim. It may have been deleted.', { status: 404 })
  return found
}

export type CheckedBeforeReply =
  | { ok: true; intent: 'use-as-starting-point'; draft: { verdict: string; rationale: string } | null; message: string }
  | { ok: true; intent: 'group'; message: string }
  | { ok: false; message: string }

/** Who may do what with a match: anyone who may cite sources starts from it; checkers and editors group. */
const INTENT_PERMISSIONS = { 'use-as-starting-point': 'source:attach', group: 'claim:research' } as const

export async function action({ request, params }: Route.ActionArgs) {
  // Posted by the claim's panel: after signing in again the person comes back to that page, not here.
  const user = await requirePermission(request, 'claim:view', { returnTo: fetchingPage(request) })
  const form = await readFormData(request)
  const intent = String(form.get('intent') ?? '')
  const permission = Object.hasOwn(INTENT_PERMISSIONS, intent)
    ? INTENT_PERMISSIONS[intent as keyof typeof INTENT_PERMISSIONS]
    : null
  if (permission && !can(user.role, permission)) {
    return data<CheckedBeforeReply>({ ok: false, message: `Only ${rolesThatCan(permission)} can do this.` }, 403)
  }
  const parsed = checkedBeforeSchema.safeParse(Object.fromEntries(form))
  if (!parsed.success) {
    return data<CheckedBeforeReply>({ ok: false, message: 'That request could not be read. Reload the page.' }, 400)
  }
  const input = parsed.data
  if (input.intent === 'group') {
    const outcome = await groupAsSameClaim(user, params.claimId, input.otherClaimId)
    if (!outcome.ok) return data<CheckedBeforeReply>({ ok: false, message: outcome.message }, outcome.status)
    return data<CheckedBeforeReply>({ ok: true, intent: 'group', message: 'Grouped as the same claim.' })
  }
  const outcome = await startFromCheckedClaim(user, params.claimId, input)
  if (!outcome.ok) return data<CheckedBeforeReply>({ ok: false, message: outcome.message }, outcome.status)
  const sources = `${outcome.copiedSources} ${outcome.copiedSources === 1 ? 'source' : 'sources'} copied`
  return data<CheckedBeforeReply>({
    ok: true,
    intent: 'use-as-starting-point',
    draft: outcome.draft,
    message: outcome.draft ? `${sources}; the verdict and rationale are in your draft.` : `${sources}.`,
  })
}
