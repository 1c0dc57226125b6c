import { downloadFromForm, exportPageRedirect } from '~/exports/exports.server'
import type { Route } from './+types/claims[.]csv'

export const loader = ({ request }: Route.LoaderArgs) => exportPageRedirect(request, 'CSV')
export const action = ({ request }: Route.ActionArgs) => downloadFromForm(request, 'CSV')
