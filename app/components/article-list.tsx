// The desk's articles, newest first: title, outlet, publication date, claims by status and credibility.
// Each row is drawn once; from md up it is a table row, below md the same cells stack into a small card
// (`.article-table` in app.css), so a phone gets everything a desktop does without a second copy.
import { formatPublicationDate } from '~/articles/format'
import { ArticleClaimCounts, type ArticleClaimCountsProps } from './article-claim-counts'
import { CredibilityMeter } from './credibility-meter'
import type { Credibility } from '~/credibility/credibility'
import { useClientLinks } from './ui/client-links'
import { TableHead, type Column } from './ui/table'

export type ArticleListEntry = {
  id: string
  title: string
  outlet: string
  /** The publication day, "2026-12-01". */
  publishedOn: string | null
  claimCounts: ArticleClaimCountsProps['counts']
  credibility: Credibility
}

const COLUMNS: Column[] = [
  'Article',
  'Outlet',
  { label: 'Published', className: 'whitespace-nowrap' },
  'Claims',
  'Credibility',
]

export function ArticleList({ articles }: { articles: readonly ArticleListEntry[] }) {
  // Titles are plain links navigated on the client by this one listener, not a <Link> per row.
  const links = useClientLinks<HTMLTableSectionElement>()
  return (
    <div className="overflow-hidden rounded-lg border border-paper-line bg-paper shadow-sm">
      <table className="article-table w-full text-left text-sm">
        <caption className="sr-only">Articles, newest first</caption>
        <TableHead columns={COLUMNS} />
        <tbody ref={links} className="divide-y divide-paper-line">
          {articles.map((article) => {
            const published = formatPublicationDate(article.publishedOn)
            return (
              <tr key={article.id}>
                <th scope="row">
                  <a href={`/articles/${article.id}`}>{article.title}</a>
                </th>
                <td className="article-outlet">{article.outlet || <span className="article-none">—</span>}</td>
                <td className={article.outlet && published ? 'article-date article-dot' : 'article-date'}>
                  {article.publishedOn && published ? (
                    <time dateTime={article.publishedOn}>{published}</time>
                  ) : (
                    <span className="article-none">—</span>
                  )}
                </td>
                <td>
                  <ArticleClaimCounts counts={article.claimCounts} />
                </td>
                <td className="article-credibility">
                  <CredibilityMeter variant="compact" {...article.credibility} />
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}
