// A post whose body is not a form (a script, a misconfigured client) gets a 4xx answer from every action,
// never a server error.
import { describe, expect, it } from '@jest/globals'
import { addressOf, APP_ROUTES, routeModule } from '../helpers/app-routes'
import { createArticleWithClaim } from '../helpers/claims'
import { callAction } from '../helpers/route'
import { createUser } from '../helpers/users'

describe('actions given a body that is not a form', () => {
  it('answer 400 (or refuse) rather than fail', async () => {
    const admin = await createUser('ADMIN')
    const ids = await createArticleWithClaim(admin, { title: 'Bodies' })
    const outcomes: Array<{ route: string; status: number }> = []
    for (const route of APP_ROUTES) {
      const module = await routeModule(route.file)
      if (!module.action || route.file === 'routes/logout.ts') continue
      const result = await callAction(module.action, {
        ...addressOf(route, ids, 'missing'),
        user: admin,
        headers: { 'Content-Type': 'application/json' },
        form: undefined,
      }).catch((error: Error) => ({ status: 500, error }))
      outcomes.push({ route: route.file, status: result.status })
    }
    expect(outcomes.length).toBeGreaterThan(5)
    expect(outcomes.filter((outcome) => outcome.status >= 500)).toEqual([])
  })
})
