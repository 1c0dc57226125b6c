import { methodNotAllowed, serveApi } from '~/api/api.server'
import type { Route } from './+types/articles.$articleId'

export const loader = ({ request, params }: Route.LoaderArgs) => serveApi(request, 'article', params)
export const action = ({ request }: Route.ActionArgs) => methodNotAllowed(request)
