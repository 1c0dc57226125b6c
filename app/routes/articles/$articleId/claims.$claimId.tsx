// The selected claim's panel in the article workspace: loaded on its own when a claim is opened, so the
// article and its list stay as they are. Its forms post here and come back here.
import { redirect, useOutletContext, type ShouldRevalidateFunctionArgs } from 'react-router'
import { requirePermission } from '~/auth/session.server'
import { runClaimAction } from '~/claims/claim-actions.server'
import { claimPage } from '~/claims/claim-page.server'
import { claimHref } from '~/components/claim-href'
import { ClaimPanel, type PanelPlace } from '~/components/claim-panel'
import { RouteError } from '~/components/route-error'
import { invariantResponse } from '~/utils/invariant'
import type { Route } from './+types/claims.$claimId'

export const meta: Route.MetaFunction = ({ error, loaderData, matches }) => {
  if (error) return []
  const article = matches.find((match) => match?.id === 'routes/articles/$articleId/index')?.data as
    { article?: { title?: string } } | undefined
  const claim = loaderData?.claim.text.slice(0, 60) ?? 'Claim'
  return [{ title: `${claim} · ${article?.article?.title ?? 'Article'} · Factdesk` }]
}

export async function loader({ request, params }: Route.LoaderArgs) {
  const user = await requirePermission(request, 'claim:view')
  const page = await claimPage(params.claimId, user)
  invariantResponse(page, 'There is no such claim. It may have been deleted.', { status: 404 })
  // A claim opened under another article's address moves to its own.
  if (page.claim.article.id !== params.articleId) throw redirect(claimHref(page.claim.article.id, page.claim.id))
  return { ...page, role: user.role }
}

// After a stale write the panel must show the claim as it is now, with the user's typing kept in the forms.
export function shouldRevalidate({ actionStatus, defaultShouldRevalidate }: ShouldRevalidateFunctionArgs) {
  return actionStatus === 409 ? true : defaultShouldRevalidate
}

/** The claim page's action, answered in the workspace: a success comes back to this panel (with its #fragment). */
export async function action({ request, params }: Route.ActionArgs) {
  return runClaimAction(request, params.claimId, { redirectTo: claimHref(params.articleId, params.claimId) })
}

export default function WorkspaceClaim({ loaderData, actionData }: Route.ComponentProps) {
  const place = useOutletContext<PanelPlace | undefined>()
  // A panel per claim: switching claims starts each form afresh, with that claim's own drafts.
  return <ClaimPanel key={loaderData.claim.id} page={loaderData} actionData={actionData} place={place} />
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return (
    <div className="p-4">
      <RouteError error={error} />
    </div>
  )
}
