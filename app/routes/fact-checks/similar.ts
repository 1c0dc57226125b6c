// Whether a sentence was checked before, for the suggestions list's marker: the best approved match.
import { data } from 'react-router'
import { backgroundUser } from '~/auth/session.server'
import { checkedBefore } from '~/claims/similar.server'
import { pageUrl } from '~/utils/page-url'
import type { Route } from './+types/similar'

export async function loader({ request }: Route.LoaderArgs) {
  // A session that ended while the page was open: no marker, and the page stays put.
  if (!(await backgroundUser(request, 'claim:view'))) return data(null, 401)
  const text = (pageUrl(request).searchParams.get('text') ?? '').slice(0, 1_000)
  const { desk, external } = await checkedBefore([text])
  const top = desk[0]
  return {
    desk: top ? { id: top.id, articleId: top.articleId, verdict: top.verdict, text: top.text } : null,
    external: external[0] ? { publisher: external[0].publisher, rating: external[0].rating } : null,
  }
}
