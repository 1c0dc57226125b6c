import { Link } from 'react-router'
import { listArticles } from '~/articles/articles.server'
import { formatPublicationDate } from '~/articles/format'
import { isoDay } from '~/utils/dates'
import { can } from '~/auth/permissions'
import { requirePermission } from '~/auth/session.server'
import { ArticleClaimCounts } from '~/components/article-claim-counts'
import { CredibilityMeter } from '~/components/credibility-meter'
import { ButtonLink } from '~/components/ui/button'
import { EmptyState } from '~/components/ui/card'
import { PageHeader } from '~/components/ui/page-header'
import { pageHref, Pager } from '~/components/ui/pager'
import { SearchForm } from '~/components/ui/search-form'
import { DataTable, type Column } from '~/components/ui/table'
import type { Route } from './+types/index'
import { pageUrl } from '~/utils/page-url'

export const meta: Route.MetaFunction = () => [{ title: 'Articles · Factdesk' }]

const SEARCH_MAX = 200

const COLUMNS: Column[] = [
  'Article',
  'Outlet',
  { label: 'Published', className: 'whitespace-nowrap' },
  'Claims',
  'Credibility',
]

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requirePermission(request, 'article:view')
  const params = pageUrl(request).searchParams
  const page = await listArticles({ q: params.get('q')?.slice(0, SEARCH_MAX), cursor: params.get('cursor') })
  return { ...page, canCreate: can(user.role, 'article:create') }
}

export default function Articles({ loaderData }: Route.ComponentProps) {
  const { articles, q, isFirstPage, nextCursor, canCreate } = loaderData
  const newArticle = canCreate ? (
    <ButtonLink to="/articles/new" variant="primary">
      New article
    </ButtonLink>
  ) : null

  return (
    <div>
      <PageHeader title="Articles" description="Everything the desk is checking, newest first." actions={newArticle} />

      <SearchForm
        id="article-search"
        label="Search by title or outlet"
        q={q}
        clearTo="/articles"
        maxLength={SEARCH_MAX}
      />

      {articles.length === 0 ? (
        q ? (
          <EmptyState
            title={`No articles match “${q}”`}
            description="Search looks at titles and outlets. Try fewer or different words."
            action={
              <ButtonLink to="/articles" variant="secondary">
                Show all articles
              </ButtonLink>
            }
          />
        ) : !isFirstPage ? (
          <EmptyState
            title="No older articles"
            action={
              <ButtonLink to="/articles" variant="secondary">
                Back to the newest
              </ButtonLink>
            }
          />
        ) : (
          <EmptyState
            title="No articles yet"
            description="Add an article by pasting its text, uploading a file or importing it from its web address. Then mark the claims to check."
            action={
              canCreate ? (
                <ButtonLink to="/articles/new" variant="primary">
                  Add the first article
                </ButtonLink>
              ) : undefined
            }
          />
        )
      ) : (
        <>
          {q ? (
            <p className="mb-2 text-sm text-ink-muted" role="status">
              Articles whose title or outlet contains “{q}”
            </p>
          ) : null}
          <DataTable caption="Articles, newest first" columns={COLUMNS}>
            {articles.map((article) => {
              const published = formatPublicationDate(article.publishedAt)
              return (
                <tr key={article.id} className="align-top">
                  <th scope="row" className="px-4 py-3 font-normal">
                    <Link to={`/articles/${article.id}`} className="text-base font-semibold text-balance md:text-sm">
                      {article.title}
                    </Link>
                    {/* On a phone the other columns fold in under the title. */}
                    <div className="mt-1 space-y-2 md:hidden">
                      {article.outlet || published ? (
                        <p className="text-ink-muted">{[article.outlet, published].filter(Boolean).join(' · ')}</p>
                      ) : null}
                      <ArticleClaimCounts counts={article.claimCounts} />
                      {article.credibility.totalCount > 0 ? (
                        <p>
                          <span aria-hidden="true" className="text-sm text-ink-muted">
                            Credibility:{' '}
                          </span>
                          <CredibilityMeter variant="compact" {...article.credibility} />
                        </p>
                      ) : null}
                    </div>
                  </th>
                  <td className="hidden px-4 py-3 text-ink md:table-cell">
                    {article.outlet || <span className="text-ink-muted">—</span>}
                  </td>
                  <td className="hidden px-4 py-3 whitespace-nowrap text-ink md:table-cell">
                    {article.publishedAt && published ? (
                      <time dateTime={isoDay(article.publishedAt)}>{published}</time>
                    ) : (
                      <span className="text-ink-muted">—</span>
                    )}
                  </td>
                  <td className="hidden px-4 py-3 md:table-cell">
                    <ArticleClaimCounts counts={article.claimCounts} />
                  </td>
                  <td className="hidden w-48 px-4 py-3 md:table-cell">
                    <CredibilityMeter variant="compact" {...article.credibility} />
                  </td>
                </tr>
              )
            })}
          </DataTable>
        </>
      )}

      {articles.length > 0 && (!isFirstPage || nextCursor) ? (
        <Pager
          label="Pages"
          look="buttons"
          first={isFirstPage ? null : pageHref('/articles', { q })}
          next={nextCursor ? pageHref('/articles', { q, cursor: nextCursor }) : null}
          firstLabel="Newest"
          nextLabel="Older articles"
          className="mt-4"
        />
      ) : null}
    </div>
  )
}
