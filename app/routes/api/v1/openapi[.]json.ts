import { methodNotAllowed, serveOpenApi } from '~/api/api.server'
import type { Route } from './+types/openapi[.]json'

export const loader = ({ request }: Route.LoaderArgs) => serveOpenApi(request)
export const action = ({ request }: Route.ActionArgs) => methodNotAllowed(request)
