// APPRAISAL_PHASE: a campaign (民主评议) in a phase that asks something of a person. Self
// assessment: each full or probationary member of the branch with an account who has not
// submitted theirs; peer assessment: each of them; rating: the unit's SECRETARY accounts. The
// phase is in the key, so each phase is its own item; done when the phase has moved on (or, for
// self assessment, when submitted). Who is asked is read from the members as they are now, not
// from the roster as of the opening record (appraisal/roster.ts), which would cost a scan of the
// outbox per campaign: a member who joined since is reminded and finds nothing to do.
import type { ReminderSource } from './source.js';

const ROSTER_STAGES = ['FULL', 'PROBATIONARY'];

export const appraisal: ReminderSource = {
  kind: 'APPRAISAL_PHASE',
  async run(db, now) {
    const members = await db.$executeRaw`
      INSERT INTO inbox_item (account_id, kind, subject_type, subject_id, org_unit_id, key, title, due_at)
      SELECT a.id, 'APPRAISAL_PHASE', 'AppraisalCampaign', c.id::text, c.org_unit_id,
             'APPRAISAL_PHASE:' || c.id || ':' || c.status::text || ':' || a.id, c.title,
             (c.closes_on::timestamp AT TIME ZONE 'Asia/Shanghai')
        FROM appraisal_campaign c
        JOIN org_unit cu ON cu.id = c.org_unit_id
        JOIN org_unit mu ON mu.path LIKE cu.path || '%'
        JOIN member m ON m.org_unit_id = mu.id AND m.status = 'ACTIVE' AND m.stage::text = ANY(${ROSTER_STAGES}::text[])
        JOIN account a ON a.member_id = m.id AND a.disabled_at IS NULL
       WHERE c.status::text IN ('SELF_ASSESSMENT', 'PEER_ASSESSMENT')
         AND NOT (c.status::text = 'SELF_ASSESSMENT'
                  AND EXISTS (SELECT 1 FROM self_assessment s WHERE s.campaign_id = c.id AND s.member_id = m.id))
      ON CONFLICT (key) DO NOTHING`;
    const raters = await db.$executeRaw`
      INSERT INTO inbox_item (account_id, kind, subject_type, subject_id, org_unit_id, key, title, due_at)
      SELECT a.id, 'APPRAISAL_PHASE', 'AppraisalCampaign', c.id::text, c.org_unit_id,
             'APPRAISAL_PHASE:' || c.id || ':' || c.status::text || ':' || a.id, c.title,
             (c.closes_on::timestamp AT TIME ZONE 'Asia/Shanghai')
        FROM appraisal_campaign c
        JOIN account a ON a.role = 'SECRETARY' AND a.disabled_at IS NULL AND a.scope_unit_id = c.org_unit_id
       WHERE c.status::text = 'RATING'
      ON CONFLICT (key) DO NOTHING`;
    const done = await db.$executeRaw`
      UPDATE inbox_item i SET done_at = ${now}
        FROM appraisal_campaign c
       WHERE i.kind = 'APPRAISAL_PHASE' AND i.done_at IS NULL AND c.id = i.subject_id::uuid
         AND (c.status::text <> split_part(i.key, ':', 3)
              OR (c.status::text = 'SELF_ASSESSMENT' AND EXISTS (
                    SELECT 1 FROM self_assessment s JOIN account a ON a.member_id = s.member_id
                     WHERE s.campaign_id = c.id AND a.id = i.account_id)))`;
    return { created: members + raters, done };
  },
};
