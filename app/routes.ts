import { type RouteConfig, index, route } from '@react-router/dev/routes'

export default [
  index('routes/index.tsx'),
  route('login', 'routes/login.tsx'),
  route('logout', 'routes/logout.ts'),
  route('account', 'routes/account.tsx'),
  route('admin/users', 'routes/admin/users.tsx'),
  route('admin/sign-ins', 'routes/admin/sign-ins.tsx'),
  route('articles', 'routes/articles/index.tsx'),
  route('articles/new', 'routes/articles/new.tsx'),
  route('articles/:articleId/edit', 'routes/articles/$articleId/edit.tsx'),
  // The workspace: the article with its claims, and the selected claim's panel beside it.
  route('articles/:articleId', 'routes/articles/$articleId/index.tsx', [
    route('claims/:claimId', 'routes/articles/$articleId/claims.$claimId.tsx'),
  ]),
  route('articles/:articleId/claims/new', 'routes/articles/$articleId/claims.new.tsx'),
  route('articles/:articleId/claimreview', 'routes/articles/$articleId/claimreview.ts'),
  route('claims/:claimId/edit', 'routes/claims/$claimId/edit.tsx'),
  route('export', 'routes/export.tsx'),
  route('exports/claims.csv', 'routes/exports/claims[.]csv.ts'),
  route('exports/claims.json', 'routes/exports/claims[.]json.ts'),
  route('exports/claimreview.jsonld', 'routes/exports/claimreview[.]jsonld.ts'),
  route('admin/settings', 'routes/admin/settings.tsx'),
  route('dashboard', 'routes/dashboard.tsx'),
  route('claims', 'routes/claims/index.tsx'),
  route('claims/:claimId', 'routes/claims/$claimId/index.tsx'),
  route('sources', 'routes/sources/index.tsx'),
  route('queue', 'routes/queue.tsx'),
  route('search', 'routes/search.tsx'),
  route('healthz', 'routes/healthz.ts'),
  route('*', 'routes/not-found.tsx'),
] satisfies RouteConfig
