import { type RouteConfig, index, route } from '@react-router/dev/routes'

export default [
  index('routes/index.tsx'),
  route('login', 'routes/login.tsx'),
  route('logout', 'routes/logout.ts'),
  route('account', 'routes/account.tsx'),
  route('admin/users', 'routes/admin/users.tsx'),
  route('articles', 'routes/articles/index.tsx'),
  route('articles/new', 'routes/articles/new.tsx'),
  route('articles/:articleId/edit', 'routes/articles/$articleId/edit.tsx'),
  route('articles/:articleId', 'routes/articles/$articleId/index.tsx'),
  route('articles/:articleId/claims/new', 'routes/articles/$articleId/claims.new.tsx'),
  route('claims/:claimId/edit', 'routes/claims/$claimId/edit.tsx'),
  route('export', 'routes/export.tsx'),
  route('exports/claims.csv', 'routes/exports/claims[.]csv.ts'),
  route('exports/claims.json', 'routes/exports/claims[.]json.ts'),
  route('exports/claimreview.jsonld', 'routes/exports/claimreview[.]jsonld.ts'),
  route('admin/settings', 'routes/admin/settings.tsx'),
  route('healthz', 'routes/healthz.ts'),
  route('*', 'routes/not-found.tsx'),
] satisfies RouteConfig
