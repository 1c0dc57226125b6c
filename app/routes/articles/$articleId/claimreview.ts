// The article's ClaimReview JSON-LD snippet, fetched when the workspace asks for it: it grows with
// every approved verdict, so the workspace's own page does not carry it.
import { requirePermission } from '~/auth/session.server'
import { claimReviewsForArticle } from '~/exports/exports.server'
import type { Route } from './+types/claimreview'

export async function loader({ request, params }: Route.LoaderArgs) {
  await requirePermission(request, 'export:run')
  return claimReviewsForArticle(params.articleId)
}
