-- The queue's lists each walk a partial index holding only the claims they can show (see app/claims/queue.server.ts).
-- CreateIndex
CREATE INDEX "Claim_queue_assigned_idx" ON "Claim"("assigneeId", "dueAt", "id") WHERE (status <> 'APPROVED' AND "deletedAt" IS NULL);

-- CreateIndex
CREATE INDEX "Claim_queue_grabs_idx" ON "Claim"("createdAt", "id") WHERE ("assigneeId" IS NULL AND status <> 'APPROVED' AND "deletedAt" IS NULL);

-- CreateIndex
CREATE INDEX "Claim_queue_review_idx" ON "Claim"("proposedAt", "id", "proposedById") WHERE (status = 'NEEDS_REVIEW' AND "deletedAt" IS NULL);

-- CreateIndex
CREATE INDEX "Claim_queue_returned_idx" ON "Claim"("assigneeId") WHERE (status = 'IN_RESEARCH' AND "proposedById" IS NOT NULL AND "deletedAt" IS NULL);
