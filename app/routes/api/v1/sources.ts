import { methodNotAllowed, serveApi } from '~/api/api.server'
import type { Route } from './+types/sources'

export const loader = ({ request }: Route.LoaderArgs) => serveApi(request, 'sources')
export const action = ({ request }: Route.ActionArgs) => methodNotAllowed(request)
