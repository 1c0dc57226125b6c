import { methodNotAllowed, serveApi } from '~/api/api.server'
import type { Route } from './+types/claims.$claimId'

export const loader = ({ request, params }: Route.LoaderArgs) => serveApi(request, 'claim', params)
export const action = ({ request }: Route.ActionArgs) => methodNotAllowed(request)
