-- Live updates (issue #22 item 6): after a change commits, Postgres tells every API process
-- listening on channel "lianjian_live" what changed, so that open pages refetch (api/src/modules/live).
-- The payloads are invalidations, not data: ids only, and the API decides per connection who may
-- hear of them. NOTIFY is transactional (delivered at commit, never for a rolled-back change) and
-- costs next to nothing while no API process listens.
--
-- Statement-level triggers with transition tables: one notification per statement, however many
-- rows it wrote (reminder generation inserts inbox items for many people at once). A statement that
-- writes more rows than fit in one payload says "all" instead: every open inbox refetches once.

-- Inbox items: created (a reminder), read or done. The e-mail sender's emailed_at changes nothing on
-- screen. More than 100 rows: "all", found without reading them all (reminder generation and the
-- e-mail digest write many at once; their cost must not grow by sorting every row here).
CREATE FUNCTION lianjian_live_inbox() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  many boolean;
  accounts uuid[];
BEGIN
  SELECT count(*) > 100 INTO many FROM (SELECT 1 FROM live_new LIMIT 101) s;
  IF TG_OP = 'INSERT' THEN
    IF NOT many THEN
      SELECT array_agg(DISTINCT account_id) INTO accounts FROM live_new;
    END IF;
  ELSIF many THEN
    many := EXISTS (SELECT 1 FROM live_new n JOIN live_old o ON o.id = n.id
                     WHERE o.done_at IS DISTINCT FROM n.done_at OR o.read_at IS DISTINCT FROM n.read_at OR o.account_id IS DISTINCT FROM n.account_id);
    IF NOT many THEN RETURN NULL; END IF;
  ELSE
    SELECT array_agg(DISTINCT n.account_id) INTO accounts
      FROM live_new n JOIN live_old o ON o.id = n.id
     WHERE o.done_at IS DISTINCT FROM n.done_at OR o.read_at IS DISTINCT FROM n.read_at OR o.account_id IS DISTINCT FROM n.account_id;
  END IF;
  IF many THEN
    PERFORM pg_notify('lianjian_live', json_build_object('k', 'inbox', 'all', true)::text);
  ELSIF accounts IS NOT NULL THEN
    PERFORM pg_notify('lianjian_live', json_build_object('k', 'inbox', 'a', accounts)::text);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER inbox_item_live_insert AFTER INSERT ON inbox_item
  REFERENCING NEW TABLE AS live_new FOR EACH STATEMENT EXECUTE FUNCTION lianjian_live_inbox();
CREATE TRIGGER inbox_item_live_update AFTER UPDATE ON inbox_item
  REFERENCING OLD TABLE AS live_old NEW TABLE AS live_new FOR EACH STATEMENT EXECUTE FUNCTION lianjian_live_inbox();

-- Notices: published (insert), withdrawn or reminded (a new version). One notification per notice.
CREATE FUNCTION lianjian_live_notice() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('lianjian_live', json_build_object('k', 'notice', 'n', s.id)::text)
     FROM (SELECT DISTINCT id FROM live_new) s;
  RETURN NULL;
END $$;

CREATE TRIGGER notice_live_insert AFTER INSERT ON notice
  REFERENCING NEW TABLE AS live_new FOR EACH STATEMENT EXECUTE FUNCTION lianjian_live_notice();
CREATE TRIGGER notice_live_update AFTER UPDATE ON notice
  REFERENCING NEW TABLE AS live_new FOR EACH STATEMENT EXECUTE FUNCTION lianjian_live_notice();

-- Receipts: read (insert) or acknowledged (a new version). One notification per notice, naming its
-- readers (each hears of their own receipt; staff over the notice's unit hear of every one); more
-- readers than fit in a payload: none named, and the API tells only the publisher's side.
CREATE FUNCTION lianjian_live_receipt() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('lianjian_live', CASE WHEN cardinality(s.accounts) > 100
           THEN json_build_object('k', 'receipt', 'n', s.notice_id)::text
           ELSE json_build_object('k', 'receipt', 'n', s.notice_id, 'a', s.accounts)::text END)
     FROM (SELECT notice_id, array_agg(DISTINCT account_id) AS accounts FROM live_new GROUP BY notice_id) s;
  RETURN NULL;
END $$;

CREATE TRIGGER notice_receipt_live_insert AFTER INSERT ON notice_receipt
  REFERENCING NEW TABLE AS live_new FOR EACH STATEMENT EXECUTE FUNCTION lianjian_live_receipt();
CREATE TRIGGER notice_receipt_live_update AFTER UPDATE ON notice_receipt
  REFERENCING NEW TABLE AS live_new FOR EACH STATEMENT EXECUTE FUNCTION lianjian_live_receipt();

-- A batch anchored on the chain: every record in it now has its proof. The batch number is public
-- (it is on the chain), so every listener may hear it; a page waiting for a proof refetches.
CREATE FUNCTION lianjian_live_batch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('lianjian_live', json_build_object('k', 'anchored', 'b', n.seq)::text)
     FROM live_new n JOIN live_old o ON o.seq = n.seq
    WHERE n.status = 'ANCHORED' AND o.status IS DISTINCT FROM n.status;
  RETURN NULL;
END $$;

CREATE TRIGGER batch_live_anchored AFTER UPDATE ON batch
  REFERENCING OLD TABLE AS live_old NEW TABLE AS live_new FOR EACH STATEMENT EXECUTE FUNCTION lianjian_live_batch();
