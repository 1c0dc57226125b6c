// Every route of app/routes.ts with its full path, its module, and the address a test visits it at.
import path from 'node:path'
import routes from '~/routes'

type Entry = { file: string; path?: string; children?: Entry[] }
export type AppRoute = { file: string; path: string }
export type RouteModule = { loader?: unknown; action?: unknown }

function flatten(entries: Entry[], prefix = ''): AppRoute[] {
  return entries.flatMap((entry) => {
    const full = [prefix, entry.path ?? ''].filter(Boolean).join('/')
    return [{ file: entry.file, path: `/${full}` }, ...flatten(entry.children ?? [], full)]
  })
}

/** Each route once, parents before their children, with its path from the root ("/claims/:claimId"). */
export const APP_ROUTES = flatten(routes as Entry[])

export async function routeModule(file: string) {
  return (await import(path.join(process.cwd(), 'app', file))) as RouteModule
}

/** The address and params of a route with its `:name` parts taken from `ids` (`missing` where there is none). */
export function addressOf(route: AppRoute, ids: Record<string, string>, missing: string) {
  const idOf = (name: string) => ids[name] ?? missing
  return {
    url: route.path.replace(/:(\w+)/g, (_, name: string) => idOf(name)).replace(/\/\*$/, '/no/such/page'),
    params: Object.fromEntries([...route.path.matchAll(/:(\w+)/g)].map(([, name]) => [name!, idOf(name!)])),
  }
}
