-- The webhook dispatcher's two cursors exist from the start, at the beginning of the log, as its
-- first run would write them (ON CONFLICT DO NOTHING keeps that path for older databases). A fresh
-- database then gains no row when a dispatcher first runs: nothing appears from nowhere after the
-- API starts (a test counting every table's rows around a refused request saw the cursor appear).
INSERT INTO "webhook_cursor" ("name", "xid", "record_id", "position") VALUES ('records', '0', 0, -1), ('anchors', '0', 0, -1)
ON CONFLICT ("name") DO NOTHING;
