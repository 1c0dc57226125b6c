-- A comment added or corrected reaches everyone who has its claim open, as a change to the claim does
-- (claim_event_live_event): their panel says who commented and shows it.
CREATE FUNCTION "comment_live_event"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "LiveEvent" ("userId", "type", "claimId", "data")
  SELECT NULL, 'claim', NEW."claimId",
         jsonb_build_object(
           'actorId', NEW."authorId",
           'actorName', (SELECT u.name FROM "User" u WHERE u.id = NEW."authorId"),
           'event', CASE WHEN TG_OP = 'INSERT' THEN 'COMMENTED' ELSE 'COMMENT_EDITED' END,
           'fromStatus', NULL,
           'toStatus', NULL,
           'fields', '[]'::jsonb);
  RETURN NULL;
END $$;

CREATE TRIGGER "Comment_live_event"
  AFTER INSERT OR UPDATE OF "body" ON "Comment"
  FOR EACH ROW EXECUTE FUNCTION "comment_live_event"();
