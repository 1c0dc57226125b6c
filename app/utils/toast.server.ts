// One-shot messages after a redirect ("Claim approved"): kept in a signed cookie, shown once by the root.
import crypto from 'node:crypto'
import { createCookie, redirect } from 'react-router'
import type { ToastMessage } from '~/components/ui/toast'
import { getEnv } from './env.server'

function toastCookie() {
  return createCookie('factdesk_toast', {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: new URL(getEnv().APP_ORIGIN).protocol === 'https:',
    secrets: [getEnv().SESSION_SECRET ?? 'factdesk-development-secret-not-for-production'],
    maxAge: 60,
  })
}

export async function toastHeader(toast: Omit<ToastMessage, 'id'>) {
  return toastCookie().serialize({ ...toast, id: crypto.randomBytes(4).toString('hex') })
}

/** Post/redirect/get with a short message for the next page. */
export async function redirectWithToast(
  url: string,
  toast: Omit<ToastMessage, 'id'>,
  init: { headers?: HeadersInit } = {},
) {
  const headers = new Headers(init.headers)
  headers.append('Set-Cookie', await toastHeader(toast))
  return redirect(url, { headers })
}

/** The pending message, and the header that clears it once shown. */
export async function readToast(request: Request): Promise<{ toast: ToastMessage | null; headers: Headers }> {
  const value = (await toastCookie().parse(request.headers.get('Cookie'))) as ToastMessage | null
  const headers = new Headers()
  if (!value || typeof value !== 'object' || typeof value.message !== 'string') return { toast: null, headers }
  headers.append('Set-Cookie', await toastCookie().serialize('', { maxAge: 0 }))
  return { toast: value, headers }
}
