import { downloadFromForm, exportPageRedirect } from '~/exports/exports.server'
import type { Route } from './+types/claims[.]json'

export const loader = ({ request }: Route.LoaderArgs) => exportPageRedirect(request, 'JSON')
export const action = ({ request }: Route.ActionArgs) => downloadFromForm(request, 'JSON')
