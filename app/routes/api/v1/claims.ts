import { methodNotAllowed, serveApi } from '~/api/api.server'
import type { Route } from './+types/claims'

export const loader = ({ request }: Route.LoaderArgs) => serveApi(request, 'claims')
export const action = ({ request }: Route.ActionArgs) => methodNotAllowed(request)
