import { redirect } from 'react-router'
import { requirePermission } from '~/auth/session.server'
import { downloadFromForm } from '~/exports/exports.server'
import { exportPageUrl } from '~/exports/filters'
import type { Route } from './+types/claims[.]json'
import { pageUrl } from '~/utils/page-url'

export async function loader({ request }: Route.LoaderArgs) {
  await requirePermission(request, 'export:run')
  return redirect(exportPageUrl(pageUrl(request).searchParams, 'json'))
}

export async function action({ request }: Route.ActionArgs) {
  const user = await requirePermission(request, 'export:run')
  return downloadFromForm(request, user, 'JSON')
}
