-- Organisational life across levels (issue #19): 组织生活会 (ORG_LIFE, yearly, where the branch's
-- 民主评议 is held) and 谈心谈话 (HEART_TALK, yearly, every member talked with) as meeting kinds.
-- Written by hand: the two enum values in schema.prisma's order, then the analytics contribution
-- of a meeting again with yearly kinds counted per calendar year (China time), as quarterly kinds
-- are per quarter; nothing else of the function changes.

-- AlterEnum
ALTER TYPE "meeting_kind" ADD VALUE 'ORG_LIFE';
ALTER TYPE "meeting_kind" ADD VALUE 'HEART_TALK';

-- A value added in this transaction cannot be used in it yet, so the new kinds are compared as
-- text. No meeting of the new kinds exists before this migration, so no rollup needs rebuilding.
CREATE OR REPLACE FUNCTION lianjian_contrib_meeting(r meeting)
RETURNS TABLE (unit_id uuid, grain text, metric text, period date, key text, count bigint, total bigint)
LANGUAGE sql IMMUTABLE AS $$
  SELECT r.org_unit_id, x.grain, x.metric, x.period, x.key, 1::bigint, 1::bigint FROM (VALUES
    ('U', 'meeting_held',
     date_trunc(CASE WHEN r.kind::text IN ('ORG_LIFE', 'HEART_TALK') THEN 'year'
                     WHEN r.kind::text IN ('BRANCH_GENERAL', 'PARTY_LECTURE') THEN 'quarter' ELSE 'month' END,
                r.scheduled_at AT TIME ZONE 'Asia/Shanghai')::date,
     CASE WHEN r.status = 'COMPLETED' THEN r.kind::text END),
    ('S', 'meeting_month', lianjian_month(r.scheduled_at), 'status:' || r.status::text)
  ) AS x(grain, metric, period, key) WHERE x.key IS NOT NULL $$;
