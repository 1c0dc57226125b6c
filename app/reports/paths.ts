// The public side of Factdesk: the addresses readers open without signing in. Pure, shared by the server
// (which must not touch the session on these paths) and the browser (which draws them without the desk).

/** True for the reader-facing pages: the list of reports, a published report, one of its claims, and the sitemap. */
export function isPublicPath(pathname: string): boolean {
  return pathname === '/sitemap.xml' || pathname === '/reports' || pathname.startsWith('/reports/')
}

export function reportPath(reportSlug: string): string {
  return `/reports/${encodeURIComponent(reportSlug)}`
}

export function publicClaimPath(reportSlug: string, claimSlug: string): string {
  return `${reportPath(reportSlug)}/claims/${encodeURIComponent(claimSlug)}`
}

/** `origin` is APP_ORIGIN; a trailing slash is tolerated. */
export function absoluteUrl(origin: string, path: string): string {
  return `${origin.replace(/\/+$/, '')}${path}`
}

/**
 * The address a ClaimReview names: the claim's public page while its report is published and the claim
 * approved (the export query passes the slugs only then), otherwise the claim's page on the desk.
 */
export function claimReviewUrl(
  origin: string,
  claim: { id: string; reportSlug: string | null; claimSlug: string | null },
): string {
  if (claim.reportSlug && claim.claimSlug)
    return absoluteUrl(origin, publicClaimPath(claim.reportSlug, claim.claimSlug))
  return absoluteUrl(origin, `/claims/${encodeURIComponent(claim.id)}`)
}
