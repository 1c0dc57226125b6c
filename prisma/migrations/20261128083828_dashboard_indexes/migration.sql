-- CreateIndex
CREATE INDEX "Claim_articleId_status_verdict_dueAt_deletedAt_idx" ON "Claim"("articleId", "status", "verdict", "dueAt", "deletedAt");

-- CreateIndex
CREATE INDEX "Claim_status_dueAt_assigneeId_deletedAt_idx" ON "Claim"("status", "dueAt", "assigneeId", "deletedAt");
