// Ranking metrics as the CLEF CheckThat! lab and ClaimBuster's papers compute them.

/** Average precision of a ranking: the mean of precision at each positive's rank (0 with no positive). */
export function averagePrecision(scores: readonly number[], labels: readonly number[]): number {
  const order = scores
    .map((score, i) => ({ score, label: labels[i]!, i }))
    .sort((a, b) => b.score - a.score || a.i - b.i)
  let hits = 0
  let sum = 0
  for (const [rank, item] of order.entries()) {
    if (item.label !== 1) continue
    hits++
    sum += hits / (rank + 1)
  }
  return hits === 0 ? 0 : sum / hits
}

/** Area under the ROC curve (Mann–Whitney, ties counted half). */
export function rocAuc(scores: readonly number[], labels: readonly number[]): number {
  const order = scores.map((score, i) => ({ score, label: labels[i]! })).sort((a, b) => a.score - b.score)
  let positives = 0
  let rankSum = 0
  for (let i = 0; i < order.length;) {
    let j = i
    while (j < order.length && order[j]!.score === order[i]!.score) j++
    const meanRank = (i + 1 + j) / 2
    for (let k = i; k < j; k++)
      if (order[k]!.label === 1) {
        positives++
        rankSum += meanRank
      }
    i = j
  }
  const negatives = order.length - positives
  if (positives === 0 || negatives === 0) return Number.NaN
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives)
}
