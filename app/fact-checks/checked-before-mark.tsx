// The suggestions list's marker: a sentence the desk (or another fact-checker) already checked says so,
// "Checked before: False", linking to the approved claim. Asked for once the row is shown.
import { useEffect } from 'react'
import { Link, useFetcher } from 'react-router'
import { verdictLabel } from '~/claims/verdicts'
import { claimHref } from '~/components/claim-href'
import { Badge } from '~/components/ui/badge'
import type { loader } from '~/routes/fact-checks/similar'

export function CheckedBeforeMark({ text }: { text: string }) {
  const fetcher = useFetcher<typeof loader>()
  const { load } = fetcher
  const href = `/fact-checks/similar?${new URLSearchParams({ text: text.slice(0, 1_000) })}`
  useEffect(() => {
    void load(href)
  }, [load, href])
  const desk = fetcher.data?.desk
  const external = fetcher.data?.external
  if (desk?.verdict) {
    return (
      <Link to={claimHref(desk.articleId, desk.id)} className="no-underline" title={desk.text}>
        <Badge tone="violet">Checked before: {verdictLabel(desk.verdict)}</Badge>
      </Link>
    )
  }
  if (external) {
    return (
      <Badge tone="violet" title={`Checked by ${external.publisher}`}>
        Checked before: {external.rating} ({external.publisher})
      </Badge>
    )
  }
  return null
}
