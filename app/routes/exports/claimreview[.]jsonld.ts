import { redirect } from 'react-router'
import { requirePermission } from '~/auth/session.server'
import { downloadFromForm } from '~/exports/exports.server'
import { exportPageUrl } from '~/exports/filters'
import type { Route } from './+types/claimreview[.]jsonld'
import { pageUrl } from '~/utils/page-url'

export async function loader({ request }: Route.LoaderArgs) {
  await requirePermission(request, 'export:run')
  return redirect(exportPageUrl(pageUrl(request).searchParams, 'claimreview'))
}

export async function action({ request }: Route.ActionArgs) {
  const user = await requirePermission(request, 'export:run')
  return downloadFromForm(request, user, 'CLAIMREVIEW')
}
