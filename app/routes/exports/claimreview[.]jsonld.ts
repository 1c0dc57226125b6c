import { downloadFromForm, exportPageRedirect } from '~/exports/exports.server'
import type { Route } from './+types/claimreview[.]jsonld'

export const loader = ({ request }: Route.LoaderArgs) => exportPageRedirect(request, 'CLAIMREVIEW')
export const action = ({ request }: Route.ActionArgs) => downloadFromForm(request, 'CLAIMREVIEW')
