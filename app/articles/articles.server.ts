// Data access for articles.
import { STATUS_LABELS } from '~/claims/workflow'
import { ClaimStatus } from '~/generated/prisma/enums'
import { db } from '~/utils/db.server'

export async function deskOverview() {
  const [articles, statusCounts] = await Promise.all([
    db.article.findMany({
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: 10,
      select: { id: true, title: true, outlet: true, _count: { select: { claims: { where: { deletedAt: null } } } } },
    }),
    db.claim.groupBy({ by: ['status'], where: { deletedAt: null }, _count: { _all: true } }),
  ])
  return {
    articles: articles.map(({ _count, ...article }) => ({ ...article, claimCount: _count.claims })),
    claimsByStatus: Object.values(ClaimStatus).map((status) => ({
      status,
      label: STATUS_LABELS[status],
      count: statusCounts.find((row) => row.status === status)?._count._all ?? 0,
    })),
  }
}
