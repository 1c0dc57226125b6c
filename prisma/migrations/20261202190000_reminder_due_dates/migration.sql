-- A reminder is sent once per claim, person, kind and due date: a claim whose due date moves is reminded
-- of again. Reminders already sent are taken to be for the claim's current due date.
ALTER TABLE "Notification" ADD COLUMN "dueAt" TIMESTAMP(3);

UPDATE "Notification" n SET "dueAt" = c."dueAt"
  FROM "Claim" c
 WHERE c.id = n."claimId" AND n.kind IN ('DUE_TOMORROW', 'OVERDUE');

DROP INDEX "Notification_reminder_key";

CREATE UNIQUE INDEX "Notification_reminder_key" ON "Notification"("claimId", "userId", "kind", "dueAt") WHERE (kind = ANY (ARRAY['DUE_TOMORROW'::"NotificationKind", 'OVERDUE'::"NotificationKind"]));
