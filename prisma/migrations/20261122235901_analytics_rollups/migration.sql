-- CreateTable
CREATE TABLE "analytics_delta" (
    "id" BIGSERIAL NOT NULL,
    "unit_id" UUID NOT NULL,
    "grain" TEXT NOT NULL,
    "metric" TEXT NOT NULL,
    "period" DATE NOT NULL,
    "key" TEXT NOT NULL,
    "count" BIGINT NOT NULL,
    "total" BIGINT NOT NULL,

    CONSTRAINT "analytics_delta_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "analytics_rollup" (
    "unit_id" UUID NOT NULL,
    "metric" TEXT NOT NULL,
    "period" DATE NOT NULL,
    "key" TEXT NOT NULL,
    "count" BIGINT NOT NULL,
    "total" BIGINT NOT NULL,

    CONSTRAINT "analytics_rollup_pkey" PRIMARY KEY ("unit_id","metric","period","key")
);

-- CreateTable
CREATE TABLE "analytics_counter" (
    "unit_id" UUID NOT NULL,
    "metric" TEXT NOT NULL,
    "period" DATE NOT NULL,
    "key" TEXT NOT NULL,
    "unit_path" TEXT NOT NULL,
    "value" BIGINT NOT NULL,

    CONSTRAINT "analytics_counter_pkey" PRIMARY KEY ("unit_id","metric","period","key")
);

-- CreateTable
CREATE TABLE "analytics_due_item" (
    "member_id" UUID NOT NULL,
    "no" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "unit_path" TEXT NOT NULL,
    "due_on" DATE NOT NULL,
    "deadline" DATE,

    CONSTRAINT "analytics_due_item_pkey" PRIMARY KEY ("member_id","no")
);

-- CreateTable
CREATE TABLE "analytics_due_dirty" (
    "member_id" UUID NOT NULL,

    CONSTRAINT "analytics_due_dirty_pkey" PRIMARY KEY ("member_id")
);

-- CreateIndex
CREATE INDEX "analytics_counter_subtree_idx" ON "analytics_counter"("metric", "period", "unit_path" text_pattern_ops);

-- CreateIndex
CREATE INDEX "analytics_counter_rank_idx" ON "analytics_counter"("metric", "period", "value" DESC);

-- CreateIndex
CREATE INDEX "analytics_due_item_subtree_idx" ON "analytics_due_item"("unit_path" text_pattern_ops, "due_on");

-- ───────── Hand-written: rollup maintenance (docs/decisions/001-analytics-rollups.md) ─────────
--
-- Each analysed table has a contribution function: what one row adds to the rollups, as
-- (unit, grain, metric, period, key, count, total). The same function serves the statement
-- triggers (old rows subtract, new rows add) and the full rebuild, so the two cannot disagree.
-- Periods are months (or quarters/years) in China's time zone; 1970-01-01 means "not a series".
-- api/src/analytics/ reads these metric/key names; keep them in step.

CREATE FUNCTION lianjian_month(t timestamptz) RETURNS date LANGUAGE sql IMMUTABLE AS
$$ SELECT date_trunc('month', t AT TIME ZONE 'Asia/Shanghai')::date $$;

CREATE FUNCTION lianjian_points_bucket(v bigint) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN v < 0 THEN 'lt0' WHEN v < 50 THEN '0-49' WHEN v < 100 THEN '50-99'
              WHEN v < 200 THEN '100-199' WHEN v < 500 THEN '200-499' ELSE '500+' END $$;

CREATE FUNCTION lianjian_contrib_member(m member)
RETURNS TABLE (unit_id uuid, grain text, metric text, period date, key text, count bigint, total bigint)
LANGUAGE sql IMMUTABLE AS $$
  SELECT m.org_unit_id, 'S', x.metric, x.period, x.key, 1::bigint, 0::bigint FROM (VALUES
    ('member', DATE '1970-01-01', CASE WHEN m.status = 'ACTIVE' THEN 'total' END),
    ('member', DATE '1970-01-01', CASE WHEN m.status = 'ACTIVE' THEN 'stage:' || m.stage::text END),
    ('member', DATE '1970-01-01', CASE WHEN m.status = 'ACTIVE' THEN 'gender:' || m.gender::text END),
    ('member', DATE '1970-01-01', CASE WHEN m.status = 'ACTIVE' THEN 'education:' || m.education::text END),
    ('member', DATE '1970-01-01', CASE WHEN m.status = 'ACTIVE' THEN 'birthYear:' || extract(year FROM m.birth_date)::int END),
    ('member', DATE '1970-01-01', 'status:' || m.status::text),
    ('funnel', DATE '1970-01-01', CASE WHEN m.applied_on IS NOT NULL THEN 'reached:APPLICANT' END),
    ('funnel', DATE '1970-01-01', CASE WHEN m.activist_since IS NOT NULL THEN 'reached:ACTIVIST' END),
    ('funnel', DATE '1970-01-01', CASE WHEN m.candidate_since IS NOT NULL THEN 'reached:CANDIDATE' END),
    ('funnel', DATE '1970-01-01', CASE WHEN m.probationary_since IS NOT NULL THEN 'reached:PROBATIONARY' END),
    ('funnel', DATE '1970-01-01', CASE WHEN m.full_member_since IS NOT NULL THEN 'reached:FULL' END),
    ('funnel_days', DATE '1970-01-01', 'APPLICANT:' || (m.activist_since - m.applied_on)),
    ('funnel_days', DATE '1970-01-01', 'ACTIVIST:' || (m.candidate_since - m.activist_since)),
    ('funnel_days', DATE '1970-01-01', 'CANDIDATE:' || (m.probationary_since - m.candidate_since)),
    ('funnel_days', DATE '1970-01-01', 'PROBATIONARY:' || (m.full_member_since - m.probationary_since)),
    ('funnel_month', date_trunc('month', m.applied_on)::date, 'APPLICANT'),
    ('funnel_month', date_trunc('month', m.activist_since)::date, 'ACTIVIST'),
    ('funnel_month', date_trunc('month', m.candidate_since)::date, 'CANDIDATE'),
    ('funnel_month', date_trunc('month', m.probationary_since)::date, 'PROBATIONARY'),
    ('funnel_month', date_trunc('month', m.full_member_since)::date, 'FULL')
  ) AS x(metric, period, key) WHERE x.key IS NOT NULL AND x.period IS NOT NULL $$;

-- Meetings held count per (unit, kind, cadence period) as a unit counter (grain U): cadence asks
-- whether each unit held one, which a subtree sum cannot answer. Quarterly kinds use quarters.
CREATE FUNCTION lianjian_contrib_meeting(r meeting)
RETURNS TABLE (unit_id uuid, grain text, metric text, period date, key text, count bigint, total bigint)
LANGUAGE sql IMMUTABLE AS $$
  SELECT r.org_unit_id, x.grain, x.metric, x.period, x.key, 1::bigint, 1::bigint FROM (VALUES
    ('U', 'meeting_held',
     date_trunc(CASE WHEN r.kind IN ('BRANCH_GENERAL', 'PARTY_LECTURE') THEN 'quarter' ELSE 'month' END,
                r.scheduled_at AT TIME ZONE 'Asia/Shanghai')::date,
     CASE WHEN r.status = 'COMPLETED' THEN r.kind::text END),
    ('S', 'meeting_month', lianjian_month(r.scheduled_at), 'status:' || r.status::text)
  ) AS x(grain, metric, period, key) WHERE x.key IS NOT NULL $$;

CREATE FUNCTION lianjian_contrib_attendance(r attendance)
RETURNS TABLE (unit_id uuid, grain text, metric text, period date, key text, count bigint, total bigint)
LANGUAGE sql STABLE AS $$
  SELECT r.org_unit_id, 'S', 'attendance', lianjian_month(m.scheduled_at), 'status:' || r.status::text, 1::bigint, 0::bigint
    FROM meeting m WHERE m.id = r.meeting_id $$;

CREATE FUNCTION lianjian_contrib_course_completion(r course_completion)
RETURNS TABLE (unit_id uuid, grain text, metric text, period date, key text, count bigint, total bigint)
LANGUAGE sql IMMUTABLE AS $$
  SELECT r.org_unit_id, 'S', x.metric, lianjian_month(r.completed_at), x.key, 1::bigint, x.total FROM (VALUES
    ('learning', 'completions', r.class_hours::bigint),
    ('learning', CASE WHEN r.score IS NOT NULL THEN 'scored' END, r.score::bigint),
    ('learning_score', 'band:' || (CASE WHEN r.score >= 90 THEN '90-100' WHEN r.score >= 80 THEN '80-89'
        WHEN r.score >= 70 THEN '70-79' WHEN r.score >= 60 THEN '60-69' ELSE '0-59' END), 0::bigint)
  ) AS x(metric, key, total) WHERE x.key IS NOT NULL AND (x.metric <> 'learning_score' OR r.score IS NOT NULL) $$;

CREATE FUNCTION lianjian_contrib_quiz_attempt(r quiz_attempt)
RETURNS TABLE (unit_id uuid, grain text, metric text, period date, key text, count bigint, total bigint)
LANGUAGE sql IMMUTABLE AS $$
  SELECT r.org_unit_id, 'S', 'quiz', lianjian_month(coalesce(r.finished_at, r.started_at)), x.key, 1::bigint, 0::bigint FROM (VALUES
    ('submitted'),
    (CASE WHEN r.passed THEN 'passed' END),
    ('pct:' || least(90, (coalesce(r.score, 0) * 100 / greatest(r.max_score, 1)) / 10 * 10))
  ) AS x(key) WHERE r.status = 'SUBMITTED' AND x.key IS NOT NULL $$;

CREATE FUNCTION lianjian_contrib_appraisal_result(r appraisal_result)
RETURNS TABLE (unit_id uuid, grain text, metric text, period date, key text, count bigint, total bigint)
LANGUAGE sql STABLE AS $$
  SELECT r.org_unit_id, 'S', 'appraisal', make_date(c.year, 1, 1), 'rating:' || r.rating::text, 1::bigint, 0::bigint
    FROM appraisal_campaign c WHERE c.id = r.campaign_id $$;

CREATE FUNCTION lianjian_contrib_member_feedback(r member_feedback)
RETURNS TABLE (unit_id uuid, grain text, metric text, period date, key text, count bigint, total bigint)
LANGUAGE sql IMMUTABLE AS $$
  SELECT r.org_unit_id, 'S', x.metric, lianjian_month(r.submitted_at), x.key, 1::bigint, 0::bigint FROM (VALUES
    ('feedback', 'total'),
    ('feedback', 'category:' || r.category::text),
    ('feedback', 'status:' || r.status::text),
    ('feedback_days', CASE WHEN r.status IN ('RESOLVED', 'CLOSED') AND r.responded_at IS NOT NULL
       THEN 'days:' || floor(extract(epoch FROM r.responded_at - r.submitted_at) / 86400)::int END)
  ) AS x(metric, key) WHERE x.key IS NOT NULL $$;

-- Points per member and year as a unit counter (grain U): rankings read it, and its value's
-- band feeds the distribution.
CREATE FUNCTION lianjian_contrib_points_entry(r points_entry)
RETURNS TABLE (unit_id uuid, grain text, metric text, period date, key text, count bigint, total bigint)
LANGUAGE sql IMMUTABLE AS $$
  SELECT r.org_unit_id, x.grain, x.metric, x.period, x.key, 1::bigint, r.points::bigint FROM (VALUES
    ('U', 'points_member', date_trunc('year', r.occurred_on)::date, r.member_id::text),
    ('S', 'points_month', date_trunc('month', r.occurred_on)::date, 'sum')
  ) AS x(grain, metric, period, key) $$;

CREATE FUNCTION lianjian_contrib_membership_transfer(r membership_transfer)
RETURNS TABLE (unit_id uuid, grain text, metric text, period date, key text, count bigint, total bigint)
LANGUAGE sql IMMUTABLE AS $$
  SELECT r.org_unit_id, 'S', x.metric, x.period, x.key, 1::bigint, 0::bigint FROM (VALUES
    ('transfer', date_trunc('month', r.issued_on)::date, 'status:' || r.status::text),
    ('transfer_open', DATE '1970-01-01', CASE WHEN r.status = 'ISSUED' THEN 'validUntil:' || to_char(r.valid_until, 'YYYY-MM-DD') END)
  ) AS x(metric, period, key) WHERE x.key IS NOT NULL $$;

-- Units by kind (live ones): how many branches and groups owe meetings.
CREATE FUNCTION lianjian_contrib_org_unit(r org_unit)
RETURNS TABLE (unit_id uuid, grain text, metric text, period date, key text, count bigint, total bigint)
LANGUAGE sql IMMUTABLE AS $$
  SELECT r.id, 'S', 'units', DATE '1970-01-01', 'kind:' || r.kind::text, 1::bigint, 0::bigint WHERE r.dissolved_on IS NULL $$;

-- Statement-level capture: one aggregated INSERT per statement (a COPY of a million rows adds a
-- few thousand delta rows), pairs that cancel (an update of a field no metric uses) add nothing.
DO $do$
DECLARE
  t text;
  dirty text;
BEGIN
  FOREACH t IN ARRAY ARRAY['org_unit', 'member', 'meeting', 'attendance', 'course_completion', 'quiz_attempt',
                           'appraisal_result', 'member_feedback', 'points_entry', 'membership_transfer'] LOOP
    dirty := CASE WHEN t = 'member' THEN
      'INSERT INTO analytics_due_dirty (member_id) SELECT DISTINCT id FROM (%1$s) s ON CONFLICT DO NOTHING;' ELSE '' END;
    EXECUTE format($f$
      CREATE FUNCTION lianjian_analytics_capture_%1$s() RETURNS trigger LANGUAGE plpgsql AS $body$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          INSERT INTO analytics_delta (unit_id, grain, metric, period, key, count, total)
          SELECT c.unit_id, c.grain, c.metric, c.period, c.key, sum(c.count), sum(c.total)
            FROM new_rows r, LATERAL lianjian_contrib_%1$s(r) c GROUP BY 1, 2, 3, 4, 5;
          %2$s
        ELSIF TG_OP = 'DELETE' THEN
          INSERT INTO analytics_delta (unit_id, grain, metric, period, key, count, total)
          SELECT c.unit_id, c.grain, c.metric, c.period, c.key, -sum(c.count), -sum(c.total)
            FROM old_rows r, LATERAL lianjian_contrib_%1$s(r) c GROUP BY 1, 2, 3, 4, 5;
          %3$s
        ELSE
          INSERT INTO analytics_delta (unit_id, grain, metric, period, key, count, total)
          SELECT unit_id, grain, metric, period, key, sum(count), sum(total) FROM (
            SELECT c.unit_id, c.grain, c.metric, c.period, c.key, -c.count AS count, -c.total AS total
              FROM old_rows r, LATERAL lianjian_contrib_%1$s(r) c
            UNION ALL
            SELECT c.* FROM new_rows r, LATERAL lianjian_contrib_%1$s(r) c) d
          GROUP BY 1, 2, 3, 4, 5 HAVING sum(count) <> 0 OR sum(total) <> 0;
          %4$s
        END IF;
        RETURN NULL;
      END $body$$f$, t,
      format(dirty, 'SELECT id FROM new_rows'), format(dirty, 'SELECT id FROM old_rows'),
      format(dirty, 'SELECT n.id FROM new_rows n JOIN old_rows o USING (id) WHERE (n.org_unit_id, n.stage, n.status, n.birth_date) IS DISTINCT FROM (o.org_unit_id, o.stage, o.status, o.birth_date)'));
    EXECUTE format('CREATE TRIGGER %1$I AFTER INSERT ON %2$I REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION lianjian_analytics_capture_%2$s()', t || '_analytics_insert', t);
    EXECUTE format('CREATE TRIGGER %1$I AFTER UPDATE ON %2$I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION lianjian_analytics_capture_%2$s()', t || '_analytics_update', t);
    EXECUTE format('CREATE TRIGGER %1$I AFTER DELETE ON %2$I REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION lianjian_analytics_capture_%2$s()', t || '_analytics_delete', t);
  END LOOP;
END $do$;

-- A member's open deadlines change with their development history.
CREATE FUNCTION lianjian_analytics_step_dirty() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    INSERT INTO analytics_due_dirty (member_id) SELECT DISTINCT member_id FROM old_rows ON CONFLICT DO NOTHING;
  ELSE
    INSERT INTO analytics_due_dirty (member_id) SELECT DISTINCT member_id FROM new_rows ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "development_step_analytics_insert" AFTER INSERT ON "development_step" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION lianjian_analytics_step_dirty();
CREATE TRIGGER "development_step_analytics_update" AFTER UPDATE ON "development_step" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION lianjian_analytics_step_dirty();
CREATE TRIGGER "development_step_analytics_delete" AFTER DELETE ON "development_step" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION lianjian_analytics_step_dirty();

-- A unit that moves changes every ancestor's subtree totals: rare, so the next fold rebuilds.
CREATE FUNCTION lianjian_analytics_unit_moved() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM new_rows n JOIN old_rows o USING (id) WHERE n.path <> o.path) THEN
    INSERT INTO analytics_delta (unit_id, grain, metric, period, key, count, total)
    SELECT id, 'S', '__rebuild__', DATE '1970-01-01', '', 0, 0 FROM new_rows LIMIT 1;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "org_unit_analytics_move" AFTER UPDATE ON "org_unit" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION lianjian_analytics_unit_moved();

-- Applies the aggregated contributions in the temp table analytics_fold: unit counters first
-- (their value changes become derived subtree contributions), then every S contribution is added
-- to its unit and each ancestor (the prefixes of the unit's materialised path).
CREATE FUNCTION lianjian_analytics_apply() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DROP TABLE IF EXISTS analytics_fold_u;
  CREATE TEMP TABLE analytics_fold_u ON COMMIT DROP AS
    SELECT f.unit_id, f.metric, f.period, f.key, f.total AS delta, coalesce(c.value, 0) AS old_value
      FROM analytics_fold f LEFT JOIN analytics_counter c USING (unit_id, metric, period, key)
     WHERE f.grain = 'U' AND f.total <> 0;
  INSERT INTO analytics_counter (unit_id, metric, period, key, unit_path, value)
    SELECT u.unit_id, u.metric, u.period, u.key, o.path, u.delta FROM analytics_fold_u u JOIN org_unit o ON o.id = u.unit_id
    ON CONFLICT (unit_id, metric, period, key) DO UPDATE SET value = analytics_counter.value + EXCLUDED.value;
  DELETE FROM analytics_counter c USING analytics_fold_u u
   WHERE c.unit_id = u.unit_id AND c.metric = u.metric AND c.period = u.period AND c.key = u.key AND c.value = 0;
  INSERT INTO analytics_fold (unit_id, grain, metric, period, key, count, total)
    SELECT u.unit_id, 'S', CASE u.metric WHEN 'meeting_held' THEN 'cadence' ELSE 'points_band' END, u.period,
           CASE u.metric WHEN 'meeting_held' THEN u.key ELSE lianjian_points_bucket(s.value) END, s.sign, s.sign * s.value
      FROM analytics_fold_u u,
           LATERAL (SELECT -1 AS sign, u.old_value AS value WHERE u.old_value <> 0
                    UNION ALL SELECT 1, u.old_value + u.delta WHERE u.old_value + u.delta <> 0) s;
  INSERT INTO analytics_rollup (unit_id, metric, period, key, count, total)
    SELECT a.id, f.metric, f.period, f.key, sum(f.count), sum(f.total)
      FROM analytics_fold f
      JOIN org_unit u ON u.id = f.unit_id
      CROSS JOIN LATERAL (SELECT string_to_array(btrim(u.path, '/'), '/') AS parts) p
      CROSS JOIN LATERAL generate_series(1, cardinality(p.parts)) AS i
      JOIN org_unit a ON a.path = '/' || array_to_string(p.parts[1:i], '/') || '/'
     WHERE f.grain = 'S'
     GROUP BY 1, 2, 3, 4
    HAVING sum(f.count) <> 0 OR sum(f.total) <> 0
    ON CONFLICT (unit_id, metric, period, key)
    DO UPDATE SET count = analytics_rollup.count + EXCLUDED.count, total = analytics_rollup.total + EXCLUDED.total;
END $$;

CREATE FUNCTION lianjian_analytics_fold_table() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DROP TABLE IF EXISTS analytics_fold;
  CREATE TEMP TABLE analytics_fold (unit_id uuid, grain text, metric text, period date, key text, count bigint, total bigint) ON COMMIT DROP;
END $$;

-- Recomputes everything from the domain tables. Holding analytics_delta EXCLUSIVE makes writers
-- that have not yet logged their contribution wait, so none is counted twice or lost.
CREATE FUNCTION lianjian_analytics_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(7420101);
  LOCK TABLE analytics_delta IN EXCLUSIVE MODE;
  DELETE FROM analytics_delta;
  TRUNCATE analytics_rollup, analytics_counter;
  PERFORM lianjian_analytics_fold_table();
  INSERT INTO analytics_fold
    SELECT unit_id, grain, metric, period, key, sum(count), sum(total) FROM (
      SELECT c.* FROM org_unit r, LATERAL lianjian_contrib_org_unit(r) c
      UNION ALL SELECT c.* FROM member r, LATERAL lianjian_contrib_member(r) c
      UNION ALL SELECT c.* FROM meeting r, LATERAL lianjian_contrib_meeting(r) c
      UNION ALL SELECT r.org_unit_id, 'S', 'attendance', lianjian_month(m.scheduled_at), 'status:' || r.status::text, 1::bigint, 0::bigint
                  FROM attendance r JOIN meeting m ON m.id = r.meeting_id
      UNION ALL SELECT c.* FROM course_completion r, LATERAL lianjian_contrib_course_completion(r) c
      UNION ALL SELECT c.* FROM quiz_attempt r, LATERAL lianjian_contrib_quiz_attempt(r) c
      UNION ALL SELECT c.* FROM appraisal_result r, LATERAL lianjian_contrib_appraisal_result(r) c
      UNION ALL SELECT c.* FROM member_feedback r, LATERAL lianjian_contrib_member_feedback(r) c
      UNION ALL SELECT c.* FROM points_entry r, LATERAL lianjian_contrib_points_entry(r) c
      UNION ALL SELECT c.* FROM membership_transfer r, LATERAL lianjian_contrib_membership_transfer(r) c
    ) all_rows GROUP BY 1, 2, 3, 4, 5;
  PERFORM lianjian_analytics_apply();
  TRUNCATE analytics_due_item;
  INSERT INTO analytics_due_dirty (member_id)
    SELECT id FROM member WHERE status = 'ACTIVE' AND stage <> 'FULL' ON CONFLICT DO NOTHING;
END $$;

-- Folds the logged contributions into the rollups; returns how many aggregated rows it applied
-- (-1 after a rebuild). Readers call it before reading (cheap when nothing changed), and the
-- indexer may call it after a batch.
CREATE FUNCTION lianjian_analytics_fold() RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
  n bigint;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM analytics_delta) THEN
    RETURN 0;
  END IF;
  PERFORM pg_advisory_xact_lock(7420101);
  IF EXISTS (SELECT 1 FROM analytics_delta WHERE metric = '__rebuild__') THEN
    PERFORM lianjian_analytics_rebuild();
    RETURN -1;
  END IF;
  PERFORM lianjian_analytics_fold_table();
  WITH d AS (DELETE FROM analytics_delta RETURNING unit_id, grain, metric, period, key, count, total)
  INSERT INTO analytics_fold SELECT unit_id, grain, metric, period, key, sum(count), sum(total) FROM d GROUP BY 1, 2, 3, 4, 5;
  GET DIAGNOSTICS n = ROW_COUNT;
  PERFORM lianjian_analytics_apply();
  RETURN n;
END $$;

-- Backfill from whatever the database already holds.
SELECT lianjian_analytics_rebuild();
