// The article's ClaimReview JSON-LD snippet, fetched when the workspace asks for it: it grows with
// every approved verdict, so the workspace's own page does not carry it.
import { fetchingPage, requirePermission } from '~/auth/session.server'
import { claimReviewsForArticle } from '~/exports/exports.server'
import type { Route } from './+types/claimreview'

export async function loader({ request, params }: Route.LoaderArgs) {
  // Fetched by the workspace: after signing in again the person comes back to it, not to this JSON.
  await requirePermission(request, 'export:run', { returnTo: fetchingPage(request) })
  return claimReviewsForArticle(params.articleId)
}
