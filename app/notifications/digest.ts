// The daily digest email's words, in plain text and simple HTML. Pure: every value from the database is
// escaped for HTML here, so a claim's words can never become markup in someone's mail.
import { escapeHtml } from '~/utils/html'

export const DIGEST_MAX_LISTED = 50

export type DigestItem = { body: string; claimId: string; createdAt: Date }

export function claimLink(origin: string, claimId: string): string {
  return new URL(`/claims/${encodeURIComponent(claimId)}`, origin).toString()
}

/** `items` is at most DIGEST_MAX_LISTED notifications, newest first; `total` is how many are unread and new. */
export function digestEmail({
  name,
  items,
  total,
  origin,
}: {
  name: string
  items: DigestItem[]
  total: number
  origin: string
}): { subject: string; text: string; html: string } {
  const listed = items.slice(0, DIGEST_MAX_LISTED)
  const more = Math.max(0, total - listed.length)
  const subject = `Factdesk: ${total} unread notification${total === 1 ? '' : 's'}`
  const notificationsUrl = new URL('/notifications', origin).toString()
  const accountUrl = new URL('/account', origin).toString()
  const greeting = `Hello ${name.replace(/[\r\n]+/g, ' ')},`
  const intro = `you have ${total} unread notification${total === 1 ? '' : 's'} on Factdesk since your last digest.`
  const moreLine = more > 0 ? `and ${more} more: ${notificationsUrl}` : `All notifications: ${notificationsUrl}`
  const footer = `You can turn this daily email off on your account page: ${accountUrl}`

  const text = [
    greeting,
    intro,
    '',
    ...listed.map((item) => `- ${item.body.replace(/[\r\n]+/g, ' ')}\n  ${claimLink(origin, item.claimId)}`),
    '',
    moreLine,
    '',
    footer,
    '',
  ].join('\n')

  const html = [
    '<!doctype html><html><body style="font-family: sans-serif; line-height: 1.5">',
    `<p>${escapeHtml(greeting)}<br>${escapeHtml(intro)}</p>`,
    '<ul>',
    ...listed.map(
      (item) => `<li><a href="${escapeHtml(claimLink(origin, item.claimId))}">${escapeHtml(item.body)}</a></li>`,
    ),
    '</ul>',
    more > 0
      ? `<p><a href="${escapeHtml(notificationsUrl)}">and ${more} more</a></p>`
      : `<p><a href="${escapeHtml(notificationsUrl)}">All notifications</a></p>`,
    `<p style="color: #555">You can turn this daily email off on <a href="${escapeHtml(accountUrl)}">your account page</a>.</p>`,
    '</body></html>',
  ].join('\n')

  return { subject, text, html }
}
