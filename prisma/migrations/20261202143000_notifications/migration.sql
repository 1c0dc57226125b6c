-- CreateEnum
CREATE TYPE "NotificationKind" AS ENUM ('ASSIGNED', 'RETURNED', 'APPROVED', 'REOPENED', 'COMMENTED', 'DUE_TOMORROW', 'OVERDUE');

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" "NotificationKind" NOT NULL,
    "claimId" TEXT NOT NULL,
    "actorId" TEXT,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" TIMESTAMP(3),

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NotificationMute" (
    "userId" TEXT NOT NULL,
    "kind" "NotificationKind" NOT NULL,

    CONSTRAINT "NotificationMute_pkey" PRIMARY KEY ("userId","kind")
);

-- CreateTable
CREATE TABLE "LiveEvent" (
    "id" BIGSERIAL NOT NULL,
    "userId" TEXT,
    "type" TEXT NOT NULL,
    "claimId" TEXT,
    "data" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LiveEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Notification_userId_createdAt_id_idx" ON "Notification"("userId", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Notification_unread_idx" ON "Notification"("userId") WHERE ("readAt" IS NULL);

-- CreateIndex
CREATE INDEX "Notification_claimId_idx" ON "Notification"("claimId");

-- CreateIndex
CREATE UNIQUE INDEX "Notification_reminder_key" ON "Notification"("claimId", "userId", "kind") WHERE (kind = ANY (ARRAY['DUE_TOMORROW'::"NotificationKind", 'OVERDUE'::"NotificationKind"]));

-- CreateIndex
CREATE INDEX "LiveEvent_userId_id_idx" ON "LiveEvent"("userId", "id");

-- CreateIndex
CREATE INDEX "LiveEvent_createdAt_idx" ON "LiveEvent"("createdAt");

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NotificationMute" ADD CONSTRAINT "NotificationMute_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Live updates. Every stored LiveEvent is announced on one channel with only its id; NOTIFY inside a
-- transaction is delivered at commit, so a rolled-back write announces nothing.
CREATE FUNCTION "live_event_announce"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('factdesk_live', NEW.id::text);
  RETURN NULL;
END $$;

CREATE TRIGGER "LiveEvent_announce"
  AFTER INSERT ON "LiveEvent"
  FOR EACH ROW EXECUTE FUNCTION "live_event_announce"();

-- A new notification reaches its recipient's open pages, whichever code wrote it.
CREATE FUNCTION "notification_live_event"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "LiveEvent" ("userId", "type", "claimId", "data")
  VALUES (NEW."userId", 'notification', NEW."claimId",
          jsonb_build_object('id', NEW.id, 'kind', NEW.kind, 'body', NEW.body));
  RETURN NULL;
END $$;

CREATE TRIGGER "Notification_live_event"
  AFTER INSERT ON "Notification"
  FOR EACH ROW EXECUTE FUNCTION "notification_live_event"();

-- Every change to a claim writes a ClaimEvent in its transaction; the same step tells everyone who has
-- the claim open what changed and who changed it.
CREATE FUNCTION "claim_event_live_event"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "LiveEvent" ("userId", "type", "claimId", "data")
  SELECT NULL, 'claim', NEW."claimId",
         jsonb_build_object(
           'actorId', NEW."actorId",
           'actorName', (SELECT u.name FROM "User" u WHERE u.id = NEW."actorId"),
           'event', NEW.type,
           'fromStatus', NEW."fromStatus",
           'toStatus', NEW."toStatus",
           'fields', COALESCE((SELECT jsonb_agg(k) FROM jsonb_object_keys(
             CASE WHEN jsonb_typeof(NEW.changes::jsonb) = 'object' THEN NEW.changes::jsonb ELSE '{}'::jsonb END) AS k), '[]'::jsonb));
  RETURN NULL;
END $$;

CREATE TRIGGER "ClaimEvent_live_event"
  AFTER INSERT ON "ClaimEvent"
  FOR EACH ROW EXECUTE FUNCTION "claim_event_live_event"();
