import { sitemapEntries, sitemapXml } from '~/reports/public-reports.server'
import { conditionalGet } from '~/reports/public-route.server'
import { publicCacheHeaders } from '~/reports/http-cache.server'
import type { Route } from './+types/sitemap[.]xml'

export const middleware: Route.MiddlewareFunction[] = [conditionalGet]

/** Every public page, for search engines: published reports and their approved claims. */
export async function loader() {
  const xml = sitemapXml(await sitemapEntries())
  return new Response(xml, {
    headers: { 'Content-Type': 'application/xml; charset=utf-8', ...publicCacheHeaders(xml) },
  })
}
