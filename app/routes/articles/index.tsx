import { listArticles } from '~/articles/articles.server'
import { isoDay } from '~/utils/dates'
import { can } from '~/auth/permissions'
import { requirePermission } from '~/auth/session.server'
import { ArticleList, type ArticleListEntry } from '~/components/article-list'
import { ButtonLink } from '~/components/ui/button'
import { EmptyState } from '~/components/ui/card'
import { PageHeader } from '~/components/ui/page-header'
import { pageHref, Pager } from '~/components/ui/pager'
import { SearchForm } from '~/components/ui/search-form'
import type { Route } from './+types/index'
import { pageUrl } from '~/utils/page-url'

export const meta: Route.MetaFunction = () => [{ title: 'Articles · Factdesk' }]

const SEARCH_MAX = 200

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requirePermission(request, 'article:view')
  const params = pageUrl(request).searchParams
  const { articles, ...page } = await listArticles({
    q: params.get('q')?.slice(0, SEARCH_MAX),
    cursor: params.get('cursor'),
  })
  // Only what the list shows goes into the page, since every row is sent twice: as HTML and as the data
  // the page hydrates from.
  const entries = articles.map(({ id, title, outlet, publishedAt, claimCounts, credibility }): ArticleListEntry => ({
    id,
    title,
    outlet,
    publishedOn: publishedAt ? isoDay(publishedAt) : null,
    claimCounts,
    credibility,
  }))
  return { ...page, articles: entries, canCreate: can(user.role, 'article:create') }
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
          <ArticleList articles={articles} />
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
