import { methodNotAllowed, serveApi } from '~/api/api.server'
import type { Route } from './+types/articles'

export const loader = ({ request }: Route.LoaderArgs) => serveApi(request, 'articles')
export const action = ({ request }: Route.ActionArgs) => methodNotAllowed(request)
