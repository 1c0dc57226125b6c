import { apiNotFound, methodNotAllowed } from '~/api/api.server'
import type { Route } from './+types/not-found'

// Any other address under /api answers in JSON, never with the desk's HTML error page.
export const loader = () => apiNotFound()
export const action = ({ request }: Route.ActionArgs) => methodNotAllowed(request)
