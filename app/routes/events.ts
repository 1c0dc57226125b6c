// The live stream of one signed-in person (Server-Sent Events), and the presence ping of an open claim.
import { data } from 'react-router'
import { getUser, requireUser } from '~/auth/session.server'
import { announcePresence, liveHub } from '~/live/live.server'
import { presenceSchema } from '~/live/schemas'
import { parseForm } from '~/utils/form.server'
import type { Route } from './+types/events'

const SIGNED_OUT = 'Sign in to receive live updates.'

export async function loader({ request }: Route.LoaderArgs) {
  const user = await getUser(request)
  if (!user || user.mustChangePassword) {
    return new Response(SIGNED_OUT, { status: 401, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
  }
  // Opened in a tab by hand, the address explains itself instead of loading forever.
  if (!request.headers.get('Accept')?.includes('text/event-stream')) {
    return new Response('This address is the live event stream of the desk’s pages; open a page of the desk instead.', {
      status: 406,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    })
  }
  const url = new URL(request.url)
  return liveHub().open(
    { id: user.id, sessionId: user.sessionId },
    {
      lastEventId: request.headers.get('Last-Event-ID') ?? url.searchParams.get('lastEventId'),
      signal: request.signal,
    },
  )
}

export async function action({ request }: Route.ActionArgs) {
  const user = await requireUser(request)
  const submission = await parseForm(request, presenceSchema)
  if (submission.status !== 'success') {
    return data({ message: 'That is not a claim this page can show. Reload the page.' }, { status: 400 })
  }
  const shown = await announcePresence(user, submission.value.claimId)
  return data({ ok: shown }, { status: shown ? 200 : 404 })
}
