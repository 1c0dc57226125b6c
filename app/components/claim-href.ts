/** Where a claim opens: in its article's workspace, beside the text. */
export function claimHref(articleId: string, claimId: string): string {
  return `/articles/${articleId}/claims/${claimId}`
}
