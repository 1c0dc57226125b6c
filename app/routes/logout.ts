import { redirect } from 'react-router'
import { destroySession, getUser } from '~/auth/session.server'
import { logEvent } from '~/utils/log.server'
import type { Route } from './+types/logout'

// Signing out changes state, so it is a POST; a GET only goes home.
export async function loader() {
  return redirect('/')
}

export async function action({ request }: Route.ActionArgs) {
  const user = await getUser(request)
  const setCookie = await destroySession(request)
  if (user) logEvent('logout', { userId: user.id, email: user.email })
  return redirect('/login', { headers: { 'Set-Cookie': setCookie } })
}
