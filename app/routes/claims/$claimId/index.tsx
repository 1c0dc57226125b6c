import { redirect, type ShouldRevalidateFunctionArgs } from 'react-router'
import { requirePermission } from '~/auth/session.server'
import { runClaimAction } from '~/claims/claim-actions.server'
import { claimPage } from '~/claims/claim-page.server'
import { claimHref } from '~/components/claim-href'
import { ClaimPanel } from '~/components/claim-panel'
import { PageHeader } from '~/components/ui/page-header'
import { RouteError } from '~/components/route-error'
import type { Route } from './+types/index'
import { db } from '~/utils/db.server'
import { invariantResponse } from '~/utils/invariant'
import { pageUrl } from '~/utils/page-url'

// On an error the ErrorBoundary names the page.
export const meta: Route.MetaFunction = ({ error, loaderData }) =>
  error ? [] : [{ title: loaderData ? `${loaderData.claim.text.slice(0, 60)} · Claim · Factdesk` : 'Claim · Factdesk' }]

export async function loader({ request, params }: Route.LoaderArgs) {
  const user = await requirePermission(request, 'claim:view')
  const page = await claimPage(params.claimId, user)
  invariantResponse(page, 'There is no such claim. It may have been deleted.', { status: 404 })
  return { ...page, role: user.role }
}

// The claim's own address (linked from the queue, the dashboard, exports) opens it in its article's
// workspace. Only reading is sent on: posts still reach this route's action.
export const middleware: Route.MiddlewareFunction[] = [
  async ({ request, params }, next) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return next()
    await requirePermission(request, 'claim:view')
    const claim = await db.claim.findUnique({
      where: { id: params.claimId },
      select: { articleId: true, deletedAt: true },
    })
    if (!claim || claim.deletedAt) return next()
    throw redirect(claimHref(claim.articleId, params.claimId) + pageUrl(request).search)
  },
]

// After a stale write the page must show the claim as it is now, with the user's typing kept in the forms.
export function shouldRevalidate({ actionStatus, defaultShouldRevalidate }: ShouldRevalidateFunctionArgs) {
  return actionStatus === 409 ? true : defaultShouldRevalidate
}

export type { ClaimActionData } from '~/claims/claim-actions'

export async function action({ request, params }: Route.ActionArgs) {
  return runClaimAction(request, params.claimId)
}

/**
 * Shown only when a form posted to this address directly is refused (every GET opens the workspace):
 * the same panel as in the workspace, with the way back to the article.
 */
export default function ClaimAddress({ loaderData, actionData }: Route.ComponentProps) {
  return (
    <div>
      <PageHeader
        breadcrumbs={[
          { to: '/articles', label: 'Articles' },
          { to: `/articles/${loaderData.claim.article.id}`, label: loaderData.claim.article.title },
        ]}
        title={loaderData.claim.article.title}
      />
      <div className="mx-auto max-w-2xl rounded-lg border border-paper-line bg-paper">
        <ClaimPanel page={loaderData} actionData={actionData} />
      </div>
    </div>
  )
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <RouteError error={error} />
}
